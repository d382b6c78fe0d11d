import { z } from 'zod';

import { weakSecretProblem } from './secret-strength';
import { GATEWAY_DEFAULT_PORT, PORTAL_DEFAULT_PORT, SUBGRAPHS, subgraphUrlVariable } from './subgraph-registry';

/**
 * The typed configuration: every environment variable any process of the
 * project reads is declared here once, with its type, default and who uses
 * it. A process reads it once ({@link config}); a service checks it at
 * start ({@link checkStartupConfiguration}) and refuses to start naming
 * every problem at once. README's table of variables is generated from
 * {@link SETTINGS}.
 */
interface Setting {
  schema: z.ZodType;
  /** The default as the README states it. */
  default: string;
  usedBy: string;
}

const port = z.coerce.number().int().min(0).max(65535);
const url = z.url();
const file = z.string().min(1);

const SUBGRAPH_URLS: Record<string, Setting> = Object.fromEntries(
  SUBGRAPHS.map((s) => [
    subgraphUrlVariable(s.name),
    { schema: url.optional(), default: `\`http://localhost:${s.defaultPort}/graphql\``, usedBy: `gateway and the platform: URL of ${s.name}` },
  ]),
);

export const SETTINGS = {
  NODE_ENV: {
    // Any value but `production` means a development or test process.
    schema: z.string().optional(),
    default: 'unset',
    usedBy: '`production`: no explorer, introspection or field suggestions, generic errors, and the secrets below are required',
  },
  PORT: {
    schema: port.optional(),
    default: `${GATEWAY_DEFAULT_PORT} gateway; each subgraph its registry port (${SUBGRAPHS.map((s) => `${s.defaultPort} ${s.name}`).join(', ')})`,
    usedBy: 'each service',
  },
  HOST: { schema: z.string().min(1).default('127.0.0.1'), default: '`127.0.0.1`', usedBy: 'each service (`0.0.0.0` in containers)' },
  MONGODB_URI: {
    schema: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI')
      .optional(),
    default: 'unset: `npm start` and the tests start the embedded FerretDB',
    usedBy: 'every subgraph (required by a subgraph process); set it to use a real MongoDB',
  },
  MONGODB_DB_PREFIX: {
    schema: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores')
      .default('credit'),
    default: '`credit`',
    usedBy: 'database names `<prefix>_<subgraph>`',
  },
  CREDIT_POLICY_FILE: { schema: file.optional(), default: '`shared/policy/credit-policy.json`', usedBy: 'every service' },
  LOG_LEVEL: {
    schema: z.preprocess((v) => (typeof v === 'string' ? v.toLowerCase() : v), z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')),
    default: '`info`',
    usedBy: 'JSON logs on stdout: `debug`, `info`, `warn`, `error`, `silent`',
  },
  DEMO_PEOPLE: {
    schema: z.coerce.number().int().positive().default(2000),
    default: '`2000`',
    usedBy: '`npm start`: demo population size when the database is empty',
  },
  DEVDB_POSTGRESQL_URL: {
    schema: url.default('postgres://root@127.0.0.1:5432/'),
    default: '`postgres://root@127.0.0.1:5432/`',
    usedBy: 'embedded database: PostgreSQL server; its path names the database, its parameters (`?sslmode=`, `?host=/var/run/postgresql`) are kept',
  },
  DEVDB_DATABASE: {
    schema: z.string().min(1).default('credit_dev'),
    default: '`credit_dev`',
    usedBy: 'embedded database: PostgreSQL database of `npm start` and the tools',
  },
  DEVDB_TEST_DATABASE: {
    schema: z.string().min(1).default('credit_test'),
    default: '`credit_test`',
    usedBy: 'embedded database: PostgreSQL database of `npm test`',
  },
  INTERNAL_SIGNING_SECRET: {
    schema: z.string().min(1).optional(),
    default: 'a development secret under `.run/dev-keys/`',
    usedBy: 'gateway and subgraphs: the internal principal header (random, 32+ characters; guessable ones are refused)',
  },
  AUTH_JWKS_URL: {
    schema: url.optional(),
    default: 'the development key under `.run/dev-keys/`',
    usedBy: 'gateway: keys of callers’ tokens, fetched from the identity provider',
  },
  AUTH_PUBLIC_KEY_FILE: {
    schema: file.optional(),
    default: 'the development key under `.run/dev-keys/`',
    usedBy: 'gateway: keys of callers’ tokens from a file (a PEM public key, a JWK or a JWK set)',
  },
  AUTH_ISSUER: { schema: z.string().min(1).optional(), default: '`mianyang-credit-dev`', usedBy: 'gateway: the `iss` callers’ tokens must carry' },
  QUERY_LOG_SIGNING_KEY_FILE: {
    schema: file.optional(),
    default: 'a development Ed25519 key under `.run/dev-keys/`',
    usedBy: 'platform: seals the query log and signs its checkpoints (PEM private key)',
  },
  QUERY_LOG_PUBLIC_KEY_FILE: { schema: file.optional(), default: 'the signing key’s public half', usedBy: '`npm run verify-log`' },
  CREDIT_REPORT_SIGNING_KEY_FILE: {
    schema: file.optional(),
    default: 'a development Ed25519 key under `.run/dev-keys/`',
    usedBy: 'platform: signs the credit reports it issues, so their verification can tell a genuine one (PEM private key)',
  },
  CREDIT_REPORT_FONT_FILE: {
    schema: file.default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    default: '`/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc` (Debian’s `fonts-noto-cjk`)',
    usedBy: 'platform: the font of the credit report PDF; it must have the Chinese glyphs (TrueType, OpenType or a collection)',
  },
  CREDIT_REPORT_FONT_FACE: {
    schema: z.string().min(1).default('NotoSansCJKsc-Regular'),
    default: '`NotoSansCJKsc-Regular`',
    usedBy: 'platform: the face of `CREDIT_REPORT_FONT_FILE` to use when the file is a collection (.ttc)',
  },
  FEED_CACHE_MB: {
    schema: z.coerce.number().int().min(0).default(64),
    default: '`64`',
    usedBy:
      'platform: memory for the 双公示 feed’s bucket-days kept between reads while the index does not change (about 1 MB per 1,500 records kept; `0` reads every page’s from the database)',
  },
  BENCH_UNSIGNED_PUBLIC_READS: {
    schema: z.enum(['true', 'false']).default('false'),
    default: '`false`',
    usedBy: 'subgraphs: `true` serves unsigned calls as the public (`npm run bench:peers`); refused in production',
  },
  CORS_ORIGINS: {
    schema: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url().regex(/^https?:\/\/[^/]+$/, 'each origin is a scheme, host and port without a path')))
      .optional(),
    default: 'unset: no browser page of another origin may call the gateway (`npm start` names the portal)',
    usedBy: 'gateway: the web origins (`https://credit.mianyang.gov.cn`, comma-separated) whose pages may call the API from a browser',
  },
  PORTAL_PORT: { schema: port.default(PORTAL_DEFAULT_PORT), default: `\`${PORTAL_DEFAULT_PORT}\``, usedBy: 'portal: the port its web server listens on' },
  PORTAL_GATEWAY_URL: {
    schema: url.default(`http://localhost:${GATEWAY_DEFAULT_PORT}/graphql`),
    default: `\`http://localhost:${GATEWAY_DEFAULT_PORT}/graphql\``,
    usedBy: 'portal: the gateway’s public URL, as the browser reaches it',
  },
  PORTAL_OIDC_ISSUER: {
    schema: url.optional(),
    default: 'unset: outside production, the development sign-in by citizen ID; in production, no sign-in',
    usedBy:
      'portal: the city’s OpenID Connect identity service people sign in with (its issuer; the gateway’s `AUTH_ISSUER` and `AUTH_JWKS_URL` are the same service’s)',
  },
  PORTAL_OIDC_CLIENT_ID: {
    schema: z.string().min(1).optional(),
    default: 'unset',
    usedBy: 'portal: its client ID at the identity service (a public client: authorization code with PKCE, redirect URI the portal’s root)',
  },
  PORTAL_OIDC_SCOPE: {
    schema: z.string().min(1).default('openid'),
    default: '`openid`',
    usedBy: 'portal: the scopes it asks the identity service for (the access token must be for the API’s audience, `mianyang-credit-api`)',
  },
  SAMPLE_CITIZEN_ID: { schema: z.string().optional(), default: 'unset', usedBy: 'gateway: the ID the explorer’s example query uses (`npm start` sets one)' },
} satisfies Record<string, Setting>;

type Settings = typeof SETTINGS;
type Known = { [K in keyof Settings]: z.infer<Settings[K]['schema']> };

// Every variable: the named ones and one URL per source of the registry.
const ALL_SETTINGS: Record<string, Setting> = { ...SETTINGS, ...SUBGRAPH_URLS };

/** The settings of this process. */
export type Config = Known & {
  /** `SUBGRAPH_URL_<NAME>` by subgraph name, where set. */
  subgraphUrls: Readonly<Record<string, string | undefined>>;
  production: boolean;
};

/** A configuration that cannot be used; its message names every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment; every problem is collected, none is fatal on its own. */
export function parseConfig(env: NodeJS.ProcessEnv): { config: Config; problems: string[] } {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(ALL_SETTINGS)) {
    // An empty variable is an unset one (a compose file's `VAR:` with no value).
    const raw = env[name] === '' ? undefined : env[name];
    const result = setting.schema.safeParse(raw);
    if (result.success) values[name] = result.data;
    // The value is not repeated: a malformed URI or secret may carry credentials, and this message is logged.
    else problems.push(`${name}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  }
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, values[subgraphUrlVariable(s.name)] as string | undefined]));
  return { config: { ...(values as Known), subgraphUrls, production: values.NODE_ENV === 'production' }, problems };
}

let loaded: Config | undefined;

/**
 * The configuration of this process, read from the environment on first
 * use. A malformed variable throws {@link ConfigError} naming all of them.
 */
export function config(): Config {
  if (!loaded) {
    const { config: parsed, problems } = parseConfig(process.env);
    if (problems.length) throw new ConfigError(problems);
    loaded = parsed;
  }
  return loaded;
}

/** The log level, read without failing: a logger must work to report a bad configuration. */
export function logLevelSetting(): 'debug' | 'info' | 'warn' | 'error' | 'silent' {
  const parsed = SETTINGS.LOG_LEVEL.schema.safeParse(process.env.LOG_LEVEL === '' ? undefined : process.env.LOG_LEVEL);
  return parsed.success ? parsed.data : 'info';
}

/** Reads the environment again: for tests that change it within one process. */
export function reloadConfig(): Config {
  loaded = undefined;
  return config();
}

export type ServiceKind = 'gateway' | 'subgraph' | 'platform';

/**
 * Everything wrong with the environment for a service about to start: the
 * malformed variables, and in production the secrets it cannot run without.
 * The start fails with all of them at once.
 */
export function startupProblems(service: ServiceKind, env: NodeJS.ProcessEnv = process.env): string[] {
  const { config: c, problems } = parseConfig(env);
  if (c.INTERNAL_SIGNING_SECRET) {
    const weak = weakSecretProblem(c.INTERNAL_SIGNING_SECRET);
    if (weak) problems.push(`INTERNAL_SIGNING_SECRET ${weak}: generate one with \`openssl rand -base64 32\``);
  } else if (c.production) problems.push('INTERNAL_SIGNING_SECRET must be set in production: subgraphs cannot trust the gateway without it');
  if (c.production && c.BENCH_UNSIGNED_PUBLIC_READS === 'true')
    problems.push('BENCH_UNSIGNED_PUBLIC_READS must not be set in production: it lets anyone who reaches a subgraph read it as the public');
  if (service !== 'gateway' && !env.MONGODB_URI)
    problems.push('MONGODB_URI is not set: point it at MongoDB (or run `npm start`, which starts the embedded FerretDB)');
  if (service === 'gateway' && c.production && !c.AUTH_JWKS_URL && !c.AUTH_PUBLIC_KEY_FILE)
    problems.push('AUTH_JWKS_URL (or AUTH_PUBLIC_KEY_FILE) must be set in production: callers cannot be authenticated without it');
  if (service === 'platform' && c.production && !c.QUERY_LOG_SIGNING_KEY_FILE)
    problems.push('QUERY_LOG_SIGNING_KEY_FILE must be set in production: the query log cannot be sealed without the platform key');
  if (service === 'platform' && c.production && !c.CREDIT_REPORT_SIGNING_KEY_FILE)
    problems.push('CREDIT_REPORT_SIGNING_KEY_FILE must be set in production: credit reports cannot be signed without the platform key');
  return problems;
}

/** Fails a service's start with every problem of its configuration (see {@link startupProblems}). */
export function checkStartupConfiguration(service: ServiceKind): Config {
  const problems = startupProblems(service);
  if (problems.length) throw new ConfigError(problems);
  return reloadConfig();
}

/** README's table of environment variables, from {@link SETTINGS}. */
export function environmentTable(): string {
  const rows = Object.entries(ALL_SETTINGS).map(([name, s]) => `| \`${name}\` | ${s.default} | ${s.usedBy} |`);
  return ['| variable | default | used by |', '| --- | --- | --- |', ...rows].join('\n');
}
