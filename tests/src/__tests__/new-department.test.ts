import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { REPO_ROOT, SUBGRAPHS, type SourceEntry } from '@credit/shared';

/**
 * Adds a department as a newcomer would, in a copy of the repository:
 * `npm run add-department` (templates/department plus one line of the source
 * registry and the policy's entries), `npm run generate`, `npm run build`;
 * then the copy's whole system runs on free ports and its gateway serves the
 * new department's field, its ingestion mutation, its access rule, and the
 * platform's evaluation from its records. Nothing else is edited by hand.
 *
 * `npm test` runs it after the other suites, on its own: its two builds
 * would otherwise take the CPU that timed suites (the 10,000-ID blacklist
 * check) need.
 */
const NEW = { name: 'veterans-affairs', code: 'VETERANS_AFFAIRS', label: 'Veterans Affairs Bureau', port: '4019' };
// A department whose only records are penalties and licences (双公示): a registry line and a catalogue.
const PUBLICITY_ONLY = { name: 'statistics', code: 'STATISTICS', label: 'Statistics Bureau', nameZh: '绵阳市统计局', port: '4020' };
// Directories of the checkout that are not the project's files.
const NOT_COPIED = new Set(['node_modules', '.git', '.devdb-data', '.devdb-bin', '.run']);

let copy: string;

function run(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every file of a tree, relative to it, with its content. */
function snapshot(root: string, dir = root, out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Build outputs (ignored by git) are not the change.
    if (NOT_COPIED.has(entry.name) || entry.name === 'dist' || entry.name.endsWith('.tsbuildinfo')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) snapshot(root, full, out);
    else if (entry.isFile()) out.set(path.relative(root, full), readFileSync(full, 'utf8'));
  }
  return out;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f)).sort();
}

beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'credit-new-department-'));
  // Built outputs come along, so the build after the change is incremental.
  cpSync(REPO_ROOT, copy, { recursive: true, filter: (src) => !NOT_COPIED.has(path.basename(src)) });
  // The installed packages are shared; the workspaces' links point into the copy.
  mkdirSync(path.join(copy, 'node_modules', '@credit'), { recursive: true });
  for (const entry of readdirSync(path.join(REPO_ROOT, 'node_modules'))) {
    if (entry !== '@credit') symlinkSync(path.join(REPO_ROOT, 'node_modules', entry), path.join(copy, 'node_modules', entry));
  }
  const workspaces = path.join(REPO_ROOT, 'node_modules', '@credit');
  for (const link of readdirSync(workspaces)) {
    const target = path.relative(REPO_ROOT, path.resolve(workspaces, readlinkSync(path.join(workspaces, link))));
    symlinkSync(path.join(copy, target), path.join(copy, 'node_modules', '@credit', link));
    // A workspace's own packages (a version other than the one hoisted to the root) are shared too.
    const nested = path.join(REPO_ROOT, target, 'node_modules');
    if (existsSync(nested)) symlinkSync(nested, path.join(copy, target, 'node_modules'));
  }
});
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('a new department', () => {
  let handEdited: string[];
  let regenerated: string[];

  it('is one folder plus the source registry and the policy, and the rest is generated', () => {
    const targets = (output: string) => Number(/up to date .* (\d+) codegen targets/.exec(output)?.[1]);
    const targetsBefore = targets(run(['scripts/dist/check-generated.js']));
    const before = snapshot(copy);
    run(['scripts/dist/add-department.js', '--name', NEW.name, '--code', NEW.code, '--label', NEW.label, '--port', NEW.port]);
    const p = PUBLICITY_ONLY;
    run([
      'scripts/dist/add-department.js',
      '--double-publicity',
      '--name',
      p.name,
      '--code',
      p.code,
      '--label',
      p.label,
      '--name-zh',
      p.nameZh,
      '--port',
      p.port,
    ]);
    const afterAdd = snapshot(copy);
    const folders = [`subgraphs/${NEW.name}/`, `subgraphs/${p.name}/`];
    handEdited = changed(before, afterAdd).filter((f) => !folders.some((folder) => f.startsWith(folder)));
    expect(handEdited).toEqual(['shared/policy/credit-policy.json', 'shared/src/subgraph-registry.ts']);
    // No models, loaders or resolvers to fill in: its SDL header and its catalogue.
    expect(changed(before, afterAdd).filter((f) => f.startsWith(folders[1]!))).toEqual([
      'subgraphs/statistics/schema.graphql',
      'subgraphs/statistics/src/definition.ts',
      'subgraphs/statistics/src/publicity.ts',
      'subgraphs/statistics/tsconfig.json',
    ]);

    run(['node_modules/typescript/bin/tsc', '--build', 'shared']);
    for (const script of ['codegen', 'compose', 'docs']) run([`scripts/dist/${script}.js`]);
    run(['scripts/build-ts.mjs']);
    // One codegen target more: the new department's typed resolvers (the publicity-only one resolves nothing of its own).
    expect(targets(run(['scripts/dist/check-generated.js']))).toBe(targetsBefore + 1);
    regenerated = changed(afterAdd, snapshot(copy)).filter(
      (f) => !f.startsWith(`subgraphs/${NEW.name}/`) && !f.startsWith(`subgraphs/${PUBLICITY_ONLY.name}/`),
    );
    // What `npm run generate` rewrote from the registry, the SDL and the policy.
    const typedCode = regenerated.filter((f) => f.includes('/src/generated/'));
    expect(regenerated.filter((f) => !typedCode.includes(f))).toEqual([
      'README.md',
      'codegen.yml',
      'docker-compose.yml',
      'docs/access-matrix.md',
      // Its category, outside the key fields until the policy names one.
      'docs/key-fields.md',
      'gateway/supergraph.graphql',
      // The gateway's public API, which the portal's typed operations are checked against.
      'portal/schema.graphql',
    ]);
    // The portal lists the new department among those whose records it shows.
    expect(typedCode).toContain('portal/app/src/generated/departments.ts');
    // The Bureau enum of every subgraph's typed resolvers (and of the typed service calls) gains the new code.
    expect(typedCode).toEqual(
      expect.arrayContaining(SUBGRAPHS.filter((s: SourceEntry) => !s.publicityOnly).map((s) => `subgraphs/${s.name}/src/generated/graphql.ts`)),
    );
  }, 600_000);

  it('serves its records through the gateway, under the policy, and counts in the platform’s evaluation', () => {
    const script = path.join(copy, 'new-department-check.js');
    writeFileSync(script, CHECK_SCRIPT);
    const result = JSON.parse(run([script]).trim().split('\n').pop()!) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(result.ingest).toEqual({ data: { ingestVeteransAffairsRecords: { created: 1, rejected: 0 } } });
    expect(result.asSubject.data.person.veteransAffairsRecords).toEqual({
      totalCount: 1,
      nodes: [
        { id: 'VAB-1', category: 'VETERANS_AFFAIRS_VIOLATION', grade: 'GENERAL', provenance: { bureau: 'VETERANS_AFFAIRS' }, displayWindow: { shown: true } },
      ],
    });
    // The new field group follows each role's `*` rule: the public may not read it.
    expect(result.asPublic.data.person.veteransAffairsRecords).toBeNull();
    expect(result.asPublic.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(result.factors).toContainEqual({ factor: 'VETERANS_AFFAIRS_VIOLATION', bureau: 'VETERANS_AFFAIRS', recordId: 'VAB-1' });
    // The publicity-only department takes penalties, and the public reads them masked among every department's.
    expect(result.penaltyIngest).toEqual({ data: { ingestStatisticsRecords: { created: 1, rejected: 0 } } });
    expect(result.penalties.errors).toBeUndefined();
    const [published, ...more] = result.penalties.data.person.administrativePenalties.nodes;
    expect(more).toEqual([]);
    expect(published).toMatchObject({ id: 'STA-1', department: 'STATISTICS', category: 'STATISTICS_VIOLATION' });
    // Masked as for the public (a compound surname is kept: 欧阳**).
    expect(published.counterpartName).toBe('欧阳**');
  }, 300_000);
});

// Runs in the copy: its own stack (every subgraph of its registry and the
// gateway, on free ports) against the test database, in databases of its own.
const CHECK_SCRIPT = `
const { startStack } = require('./scripts/dist/stack.js');
const { makeCitizenId, signDevToken } = require('@credit/shared');

async function main() {
  const stack = await startStack({ mongoUri: process.env.MONGODB_URI, dbPrefix: 'nd' + Date.now().toString(36) });
  try {
    const person = makeCitizenId('510703', '1980-03-04', 21);
    const bearer = async (claims) => ({ authorization: 'Bearer ' + (await signDevToken(claims, '10m')) });
    const ingest = await stack.query(
      'mutation ($records: [JSONObject!]!) { ingestVeteransAffairsRecords(kind: VETERANS_AFFAIRS_RECORD, records: $records) { created rejected } }',
      { records: [{ id: 'VAB-1', personId: person, category: 'VETERANS_AFFAIRS_VIOLATION', grade: 'GENERAL', decisionDate: '2026-06-01',
        decisionNumber: '绵人社罚〔2026〕1号', authority: '绵阳市人力资源和社会保障局', legalBasis: '《劳动保障监察条例》', description: '拖欠劳动者工资' }] },
      await bearer({ role: 'bureau', org: 'VETERANS_AFFAIRS' }),
    );
    const read = 'query ($id: CitizenId!) { person(id: $id) { veteransAffairsRecords { totalCount nodes { id category grade provenance { bureau } displayWindow { shown } } } } }';
    const asSubject = await stack.query(read, { id: person }, await bearer({ role: 'subject', sub: person }));
    const asPublic = await stack.query(read, { id: person }, {});
    // The department tells the platform of the write; the evaluation asks every department of the registry for its facts.
    let factors = [];
    for (let i = 0; i < 50 && !factors.some((f) => f.bureau === 'VETERANS_AFFAIRS'); i++) {
      const evaluation = await stack.query('query ($id: CitizenId!) { person(id: $id) { creditEvaluation { factors { factor bureau recordId } } } }', { id: person }, await bearer({ role: 'subject', sub: person }));
      factors = evaluation.body.data?.person?.creditEvaluation?.factors ?? [];
      if (!factors.some((f) => f.bureau === 'VETERANS_AFFAIRS')) await new Promise((r) => setTimeout(r, 200));
    }
    const code = '115107000086612347';
    const penaltyIngest = await stack.query(
      'mutation ($records: [JSONObject!]!) { ingestStatisticsRecords(kind: ADMINISTRATIVE_PENALTY, records: $records) { created rejected } }',
      { records: [{ id: 'STA-1', personId: person, counterpartName: '欧阳明远', category: 'STATISTICS_VIOLATION', grade: 'GENERAL', decisionDate: '2026-06-01',
        decisionNumber: '绵统罚〔2026〕1号', authority: '绵阳市统计局', authorityCode: code, sourceUnit: '绵阳市统计局', sourceUnitCode: code,
        legalBasis: '《中华人民共和国统计法》', violationType: '提供不真实统计资料', facts: '当事人提供不真实的统计资料。', penaltyBasis: '《中华人民共和国统计法》第四十一条',
        penaltyTypes: ['WARNING'], penaltyContent: '警告' }] },
      await bearer({ role: 'bureau', org: 'STATISTICS' }),
    );
    // Published through the platform's index, which the department's note reaches shortly after the write.
    let penalties = {};
    for (let i = 0; i < 50; i++) {
      const read = await stack.query('query ($id: CitizenId!) { person(id: $id) { administrativePenalties(departments: [STATISTICS]) { nodes { id department category counterpartName } } } }', { id: person }, {});
      penalties = read.body;
      if (read.body.data?.person?.administrativePenalties?.nodes?.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(JSON.stringify({ ingest: ingest.body, asSubject: asSubject.body, asPublic: asPublic.body, factors, penaltyIngest: penaltyIngest.body, penalties }));
  } finally {
    await stack.stop();
  }
}
main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
`;
