import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { camelCase, parseCli, pascalCase, REPO_ROOT, runCli, SUBGRAPHS, UsageError } from '@credit/shared';
import { format, resolveConfig } from 'prettier';

/**
 * `npm run add-department -- --name veterans-affairs --code VETERANS_AFFAIRS
 * --label "Veterans Affairs Bureau" --port 4019`: a new department from
 * templates/department. It writes the folder subgraphs/<name>/ and touches
 * two files outside it: one line of the source registry, and the credit
 * policy (a field group for its fields and one category, to be edited).
 * With `--double-publicity`, a department whose only records are
 * administrative penalties and licences, from templates/publicity-department:
 * its folder is its SDL header and its catalogue, and the policy gains its
 * publicity field group (public) and a penalty category.
 * Then `npm run generate && npm run build` (docs/adding-a-department.md).
 */
export interface NewDepartment {
  name: string;
  code: string;
  label: string;
  port: number;
  legalBasis?: string;
  /** Chinese name of its first category (the label until given). */
  labelZh?: string;
  /** Key field of the plan its first category belongs to (`keyFields` code). */
  keyField?: string;
  /** Its only records are the double-publicity ones (registry `doublePublicity` and `publicityOnly`). */
  doublePublicity?: boolean;
  /** Its Chinese name, as its authorities carry it (`绵阳市统计局`). */
  nameZh?: string;
}

const TEMPLATE_DIR = path.join(REPO_ROOT, 'templates', 'department');
const PUBLICITY_TEMPLATE_DIR = path.join(REPO_ROOT, 'templates', 'publicity-department');
const CITY = '绵阳市';
const DEFAULT_LEGAL_BASIS = '《绵阳市加强个人诚信体系建设的实施方案》(绵府办发〔2018〕32号)';

/** What is wrong with a new department's names and port (empty when nothing is); `root` is the repository it goes into. */
export function newDepartmentProblems(d: NewDepartment, root: string = REPO_ROOT): string[] {
  const found: string[] = [];
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(d.name)) found.push(`--name ${d.name}: lower-case words joined by hyphens`);
  if (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(d.code)) found.push(`--code ${d.code}: upper-case words joined by underscores`);
  if (!d.label.trim() || /['"\\]/.test(d.label)) found.push('--label is required, without quotes or backslashes');
  if (!Number.isInteger(d.port) || d.port < 1024 || d.port > 65535) found.push(`--port ${d.port}: a port from 1024 to 65535`);
  if (SUBGRAPHS.some((s) => s.name === d.name)) found.push(`--name ${d.name} is in the source registry already`);
  if (SUBGRAPHS.some((s) => s.bureau === d.code)) found.push(`--code ${d.code} is in the source registry already`);
  if (SUBGRAPHS.some((s) => s.defaultPort === d.port)) found.push(`--port ${d.port} is taken by another source`);
  if (existsSync(path.join(root, 'subgraphs', d.name))) found.push(`subgraphs/${d.name} exists already`);
  if (d.nameZh !== undefined && (!d.nameZh.trim() || /['"\\]/.test(d.nameZh))) found.push('--name-zh without quotes or backslashes');
  if (d.doublePublicity && !d.nameZh) found.push('--double-publicity needs --name-zh, the name its decisions carry (绵阳市统计局)');
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Inserts `text` after the first line of `file` that contains `anchor`. */
function insertAfter(file: string, anchor: string, text: string): void {
  const content = readFileSync(file, 'utf8');
  const at = content.indexOf(anchor);
  if (at < 0) throw new Error(`${path.basename(file)} has no ${anchor}`);
  const lineEnd = content.indexOf('\n', at) + 1;
  writeFileSync(file, content.slice(0, lineEnd) + text + content.slice(lineEnd));
}

/** Writes the department's folder and its registry and policy entries; returns the files touched outside the folder. */
export async function addDepartment(d: NewDepartment, root = REPO_ROOT): Promise<string[]> {
  const found = newDepartmentProblems(d, root);
  if (found.length) throw new UsageError(`cannot add the department: ${found.join('; ')}`);
  const snake = d.name.replaceAll('-', '_');
  // What its authorities are called after the city or a county (统计局), and the abbreviation in its document numbers.
  const suffix = (d.nameZh ?? d.label).replace(CITY, '');
  const values: Record<string, string> = {
    __labelZh__: suffix,
    __abbr__: suffix.slice(0, 1),
    __name__: d.name,
    __Stem__: pascalCase(d.name),
    __camel__: camelCase(d.name),
    __CODE__: d.code,
    __label__: d.label,
    __group__: snake,
    __collection__: snake,
    __legalBasis__: d.legalBasis ?? DEFAULT_LEGAL_BASIS,
  };
  const target = path.join(root, 'subgraphs', d.name);
  cpSync(d.doublePublicity ? PUBLICITY_TEMPLATE_DIR : TEMPLATE_DIR, target, { recursive: true });
  for (const file of filesUnder(target)) {
    let text = readFileSync(file, 'utf8');
    for (const [placeholder, value] of Object.entries(values)) text = text.replaceAll(placeholder, value);
    // Names of another length reflow lines: format as the repository formats.
    const options = (await resolveConfig(file)) ?? {};
    writeFileSync(file, await format(text, { ...options, filepath: file }));
  }

  const registry = path.join(root, 'shared', 'src', 'subgraph-registry.ts');
  const content = readFileSync(registry, 'utf8');
  const platformLine = content.split('\n').find((l) => l.includes("kind: 'platform'"));
  if (!platformLine) throw new Error('the source registry has no platform entry to add the department before');
  const nameZh = d.nameZh ? ` nameZh: '${d.nameZh}',` : '';
  const publicityFlags = d.doublePublicity ? ' doublePublicity: true, publicityOnly: true' : '';
  const line = `  { name: '${d.name}', bureau: '${d.code}', label: '${d.label}',${nameZh} defaultPort: ${d.port}, kind: 'department',${publicityFlags} },\n`;
  writeFileSync(registry, content.replace(`${platformLine}\n`, `${line}${platformLine}\n`));

  const policyFile = path.join(root, 'shared', 'policy', 'credit-policy.json');
  if (d.doublePublicity) {
    // Penalties and licences are published: the public reads the group, as every department's.
    insertAfter(
      policyFile,
      '"fieldGroups": {',
      `    "${snake}_publicity": ${JSON.stringify({
        owner: d.code,
        public: true,
        description: `Administrative penalties and licences of ${d.label} (double publicity; publishable).`,
        labelZh: `${d.nameZh}行政处罚和行政许可`,
      })},\n`,
    );
    insertAfter(policyFile, '"public": {', `        "${snake}_publicity": "allow",\n`);
  } else {
    // Access follows each role's `*` rule until the policy names the group (deny for the public).
    insertAfter(
      policyFile,
      '"fieldGroups": {',
      `    "${snake}": { "owner": "${d.code}", "public": false, "description": ${JSON.stringify(`Records of ${d.label}.`)}, "labelZh": ${JSON.stringify(`${d.labelZh ?? d.label}记录`)} },\n`,
    );
  }
  insertAfter(
    policyFile,
    '"categories": {',
    `    "${d.code}_VIOLATION": ${JSON.stringify({
      bureau: d.code,
      recordKind: d.doublePublicity ? 'ADMINISTRATIVE_PENALTY' : `${d.code}_RECORD`,
      grade: 'GENERAL',
      jointPunishment: false,
      label: `Violation recorded by ${d.label}`,
      labelZh: d.labelZh ?? (d.doublePublicity ? `${suffix}违法行为` : d.label),
      keyField: d.keyField ?? null,
      legalBasis: d.legalBasis ?? DEFAULT_LEGAL_BASIS,
    })},\n`,
  );
  const touched = [registry, policyFile];
  for (const file of touched) writeFileSync(file, await format(readFileSync(file, 'utf8'), { ...((await resolveConfig(file)) ?? {}), filepath: file }));
  return touched.map((f) => path.relative(root, f));
}

export const ADD_DEPARTMENT_CLI = {
  command: 'npm run add-department --',
  summary:
    'Writes a new department from templates/department: the folder subgraphs/<name>/, its line of the source registry, and its field group and first category in the credit policy (docs/adding-a-department.md).',
  options: {
    name: { type: 'string', value: 'NAME', description: 'subgraph name, lower-case words joined by hyphens (veterans-affairs)' },
    code: { type: 'string', value: 'CODE', description: 'bureau code, upper-case words joined by underscores (VETERANS_AFFAIRS)' },
    label: { type: 'string', value: 'LABEL', description: 'the department’s name in English' },
    port: { type: 'string', value: 'PORT', description: 'its default port, not taken by another source' },
    'legal-basis': { type: 'string', value: 'TEXT', description: 'the law its records are collected under' },
    'label-zh': { type: 'string', value: 'TEXT', description: 'the Chinese name of its first category' },
    'key-field': { type: 'string', value: 'CODE', description: 'the key field (keyFields code of the policy) of its first category' },
    'name-zh': { type: 'string', value: 'TEXT', description: 'its Chinese name as its decisions carry it (绵阳市统计局)' },
    'double-publicity': {
      type: 'boolean',
      description: 'its only records are administrative penalties and licences (双公示): no models, loaders or resolvers of its own, a catalogue instead',
    },
  },
  notes: [
    'Example: npm run add-department -- --name veterans-affairs --code VETERANS_AFFAIRS --label "Veterans Affairs Bureau" --port 4019',
    'Example: npm run add-department -- --double-publicity --name statistics --code STATISTICS --label "Statistics Bureau" --name-zh 绵阳市统计局 --port 4020',
  ],
} as const;

async function main(): Promise<void> {
  const { values } = parseCli(ADD_DEPARTMENT_CLI);
  const touched = await addDepartment({
    name: values.name ?? '',
    code: values.code ?? '',
    label: values.label ?? '',
    port: Number(values.port),
    legalBasis: values['legal-basis'],
    labelZh: values['label-zh'],
    keyField: values['key-field'],
    nameZh: values['name-zh'],
    doublePublicity: values['double-publicity'] ?? false,
  });
  console.log(`wrote subgraphs/${values.name}/ and edited ${touched.join(', ')}`);
  console.log('next: edit the policy entries, then `npm run generate && npm run build` (docs/adding-a-department.md)');
}

if (require.main === module) runCli(ADD_DEPARTMENT_CLI, main);
