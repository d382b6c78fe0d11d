import path from 'node:path';

/**
 * The source registry: the one list of the departments that hold records
 * (plan 二(二)二, "市级有关部门… 及时归集") and of the platform. Everything
 * that names the sources follows it: the `Bureau` enum of the API and its
 * TypeScript type, the codegen targets, the build, `npm start`, the test
 * stack, docker-compose.yml, the gateway's subgraph URLs (each from
 * `SUBGRAPH_URL_<NAME>` when set), the platform's calls to the departments,
 * the README's table of sources and the lists in tests and bench.
 *
 * A department is one folder, `subgraphs/<name>/` (see shared/src/department.ts
 * and docs/adding-a-department.md); adding one is that folder plus one line here.
 */
export interface SourceEntry {
  /** Folder under subgraphs/, service name and database name (`credit_<name>`). */
  readonly name: string;
  /** The code the API and the policy use for the source (`Bureau`). */
  readonly bureau: string;
  /** Who holds the records, as the README's table of sources names them. */
  readonly label: string;
  /** Its name in Chinese, as the portal and the credit report show it (the English label until given). */
  readonly nameZh?: string;
  readonly defaultPort: number;
  /**
   * A department's records are built from its folder by shared code; the
   * platform (consents, the query log, lists, objections, repairs,
   * evaluation) is a subgraph of its own making.
   */
  readonly kind: 'department' | 'platform';
  /**
   * Stem of the department's own GraphQL names (`ingest<Stem>Records`,
   * `<Stem>RecordKind`) when it is not the name in PascalCase; kept so that
   * the API's names do not change.
   */
  readonly graphqlStem?: string;
  /**
   * The department decides administrative penalties and licences and writes
   * them in the national double-publicity format (shared/src/double-publicity.ts):
   * its `<camel>Penalties` and `<camel>Licences` fields, their kinds and
   * models come with it.
   */
  readonly doublePublicity?: boolean;
  /**
   * Its only records are the double-publicity ones: its folder holds its
   * SDL header and its catalogue (`src/publicity.ts`), and its definition is
   * made whole by `doublePublicityDepartment` (no models, loaders or
   * resolvers of its own, no codegen target). `npm run add-department --
   * --double-publicity` writes one.
   */
  readonly publicityOnly?: boolean;
  /**
   * The department lists companies and records the people responsible for
   * them (a kind with `companyListing`): it serves the platform its
   * listings and offices by company (`<camel>CompanyFacts`), so that one
   * department's listing reaches the officers another records (二(五)二).
   */
  readonly companyRecords?: boolean;
}

export const SUBGRAPHS = Object.freeze([
  { name: 'public-security', bureau: 'PUBLIC_SECURITY', label: 'Public Security Bureau', nameZh: '绵阳市公安局', defaultPort: 4001, kind: 'department' },
  {
    name: 'education',
    bureau: 'EDUCATION',
    label: 'Education & Sports Bureau',
    nameZh: '绵阳市教育和体育局',
    defaultPort: 4002,
    kind: 'department',
    doublePublicity: true,
  },
  { name: 'tax', bureau: 'TAX', label: 'Tax Bureau', nameZh: '国家税务总局绵阳市税务局', defaultPort: 4003, kind: 'department' },
  {
    name: 'courts',
    bureau: 'COURTS',
    label: 'Intermediate Court',
    nameZh: '绵阳市中级人民法院',
    defaultPort: 4004,
    kind: 'department',
    graphqlStem: 'Court',
    companyRecords: true,
  },
  { name: 'pboc', bureau: 'PBOC', label: 'PBoC Mianyang sub-branch', nameZh: '中国人民银行绵阳市分行', defaultPort: 4005, kind: 'department' },
  {
    name: 'market-regulation',
    bureau: 'MARKET_REGULATION',
    label: 'Market Supervision Administration',
    nameZh: '绵阳市市场监督管理局',
    defaultPort: 4007,
    kind: 'department',
    doublePublicity: true,
    companyRecords: true,
  },
  {
    name: 'human-resources',
    bureau: 'HUMAN_RESOURCES',
    label: 'Human Resources and Social Security Bureau',
    nameZh: '绵阳市人力资源和社会保障局',
    defaultPort: 4008,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  {
    name: 'civil-affairs',
    bureau: 'CIVIL_AFFAIRS',
    label: 'Civil Affairs Bureau',
    nameZh: '绵阳市民政局',
    defaultPort: 4009,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  {
    name: 'ecology-environment',
    bureau: 'ECOLOGY_ENVIRONMENT',
    label: 'Ecology and Environment Bureau',
    nameZh: '绵阳市生态环境局',
    defaultPort: 4010,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  {
    name: 'health',
    bureau: 'HEALTH',
    label: 'Health Commission',
    nameZh: '绵阳市卫生健康委员会',
    defaultPort: 4011,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  {
    name: 'emergency-management',
    bureau: 'EMERGENCY_MANAGEMENT',
    label: 'Emergency Management Bureau',
    nameZh: '绵阳市应急管理局',
    defaultPort: 4012,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  {
    name: 'housing-construction',
    bureau: 'HOUSING_CONSTRUCTION',
    label: 'Housing and Urban-Rural Development Bureau',
    nameZh: '绵阳市住房和城乡建设局',
    defaultPort: 4013,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  {
    name: 'culture-tourism',
    bureau: 'CULTURE_TOURISM',
    label: 'Culture, Radio, Television and Tourism Bureau',
    nameZh: '绵阳市文化广播电视和旅游局',
    defaultPort: 4014,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  {
    name: 'transport',
    bureau: 'TRANSPORT',
    label: 'Transport Bureau',
    nameZh: '绵阳市交通运输局',
    defaultPort: 4015,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  {
    name: 'justice',
    bureau: 'JUSTICE',
    label: 'Justice Bureau',
    nameZh: '绵阳市司法局',
    defaultPort: 4016,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  {
    name: 'public-resources-trading',
    bureau: 'PUBLIC_RESOURCES_TRADING',
    label: 'Public Resources Trading Service Centre',
    nameZh: '绵阳市公共资源交易服务中心',
    defaultPort: 4017,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  {
    name: 'internet-information',
    bureau: 'INTERNET_INFORMATION',
    label: 'Cyberspace Administration Office',
    nameZh: '中共绵阳市委网络安全和信息化委员会办公室',
    defaultPort: 4018,
    kind: 'department',
    doublePublicity: true,
    publicityOnly: true,
  },
  { name: 'platform', bureau: 'PLATFORM', label: 'credit-sharing platform', nameZh: '绵阳市公共信用信息共享平台', defaultPort: 4006, kind: 'platform' },
] as const satisfies readonly SourceEntry[]);

/** The code of a source, e.g. `TAX`. */
export type Bureau = (typeof SUBGRAPHS)[number]['bureau'];

export type SubgraphEntry = SourceEntry & { readonly bureau: Bureau };

/** Every source's code, in registry order. */
export const BUREAUS: readonly Bureau[] = Object.freeze(SUBGRAPHS.map((s) => s.bureau));

/** The departments: the sources whose records are built from their folder. */
export const DEPARTMENTS: readonly SubgraphEntry[] = Object.freeze(SUBGRAPHS.filter((s) => s.kind === 'department'));

export const GATEWAY_DEFAULT_PORT = 4000;

/** Where the portal (信用中国（四川绵阳）) listens unless PORTAL_PORT says otherwise. */
export const PORTAL_DEFAULT_PORT = 4100;

/**
 * How Node runs the gateway, wherever it is started (npm start, the compose
 * file, the image's default command). V8 sizes its old generation by the
 * allocation rate, not by what is live: under the peers bench the
 * gateway's old space grew to 280 MiB with 70 to 100 MiB live and stayed
 * there, a resident size near 400 MiB (2026-12-06). A limit of 256 MiB makes
 * it collect sooner instead, keeping the process under 300 MiB at no
 * measurable CPU cost, with more than twice its live set as headroom.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-old-space-size=256'];

/** The registry entry of a subgraph by name; throws on a name not in the registry. */
export function sourceEntry(name: string): SubgraphEntry {
  const entry = (SUBGRAPHS as readonly SubgraphEntry[]).find((s) => s.name === name);
  if (!entry) throw new Error(`${name} is not in the source registry (shared/src/subgraph-registry.ts)`);
  return entry;
}

/** The registry entry of a source by its code, or undefined. */
export function sourceOfBureau(bureau: string): SubgraphEntry | undefined {
  return (SUBGRAPHS as readonly SubgraphEntry[]).find((s) => s.bureau === bureau);
}

/** Folder of a subgraph, relative to the repository root. */
export function subgraphDir(entry: SourceEntry): string {
  return `subgraphs/${entry.name}`;
}

/** `public-security` → `PublicSecurity`. */
export function pascalCase(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `public-security` → `publicSecurity`. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/**
 * The GraphQL names every department serves, derived from its entry: the
 * platform calls the record-action mutation and reads the credit facts, the
 * department's operators call the ingestion mutation.
 */
export function departmentFieldNames(entry: SourceEntry): {
  ingest: string;
  recordAction: string;
  recordKind: string;
  creditFacts: string;
  companyFacts: string;
  penalties: string;
  licences: string;
  publicityGroup: string;
} {
  const stem = entry.graphqlStem ?? pascalCase(entry.name);
  return {
    penalties: `${camelCase(entry.name)}Penalties`,
    licences: `${camelCase(entry.name)}Licences`,
    publicityGroup: `${entry.name.replaceAll('-', '_')}_publicity`,
    ingest: `ingest${stem}Records`,
    recordAction: `apply${stem}RecordAction`,
    recordKind: `${stem}RecordKind`,
    creditFacts: `${camelCase(entry.name)}CreditFacts`,
    companyFacts: `${camelCase(entry.name)}CompanyFacts`,
  };
}

/** Environment variable that overrides a subgraph's URL at the gateway. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_URL_${name.toUpperCase().replaceAll('-', '_')}`;
}

/** Absolute path of a subgraph's schema.graphql. */
export function subgraphSchemaFile(repoRoot: string, entry: SourceEntry): string {
  return path.join(repoRoot, subgraphDir(entry), 'schema.graphql');
}
