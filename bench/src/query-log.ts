import {
  addDays,
  config,
  connectDatabase,
  initModels,
  makeCitizenId,
  makeSocialCreditCode,
  modelConnections,
  parseCli,
  Rng,
  startDevDb,
  type DevDb,
} from '@credit/shared';
import { createModels, QueryLogWriter, readLog, type LogReadKey, type Models, type QueryLogContent } from '@credit/subgraph-platform';

/**
 * Reads of the query log by institution, by person and of the whole log, at
 * a million entries: the p50 and p99 of a first page and of a page deep in
 * the log, each scenario sampled in interleaved rounds. The log is written
 * with the platform's own writer (hashed, sealed, indexed) into a database
 * of its own, kept between runs (`--reset` starts it again).
 *
 *   npm run bench:query-log -- [--entries 1000000] [--rounds 40] [--reset]
 *
 * Uses MONGODB_URI when set, the embedded FerretDB (credit_dev) otherwise.
 */
const { values } = parseCli({
  command: 'npm run bench:query-log --',
  summary:
    'Reads of the query log by institution, by person and of the whole log, at a million entries written by the platform’s own writer, in a database of its own kept between runs.',
  options: {
    entries: { type: 'string', default: '1000000', value: 'N', description: 'entries in the log' },
    rounds: { type: 'string', default: '40', value: 'N', description: 'interleaved rounds of every read' },
    reset: { type: 'boolean', default: false, description: 'drop the kept log and write it again' },
  },
});
const target = Number(values.entries);
const rounds = Number(values.rounds);

// 200,000 people read now and then, 30 institutions; one bank makes 30% of
// all reads and one person is read 5,000 times.
const people = Array.from({ length: 200_000 }, (_, i) => makeCitizenId('510703', addDays('1950-01-01', Math.floor(i / 1000)), i % 1000));
const banks = Array.from({ length: 30 }, (_, i) => makeSocialCreditCode(`91510700MA6${String(i).padStart(2, '0')}BENCH`.slice(0, 17)));
const busyPerson = people[12_345]!;

function entryFor(i: number, rng: Rng): QueryLogContent {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 1000);
  const base = { actorId: null, consentId: null, fieldGroups: ['tax', 'identity'], outcome: 'SERVED' as const, at, institution: null, purpose: null };
  const roll = rng.next();
  const person = i % 200 === 0 ? busyPerson : people[rng.int(0, people.length - 1)]!;
  if (roll < 0.3) return { ...base, personId: person, actorRole: 'PARTNER', institution: { id: banks[0]!, name: '绵州银行' }, purpose: 'LOAN' };
  if (roll < 0.6) {
    const bank = banks[rng.int(1, banks.length - 1)]!;
    return { ...base, personId: person, actorRole: 'PARTNER', institution: { id: bank, name: bank }, purpose: 'LOAN' };
  }
  if (roll < 0.98) return { ...base, personId: person, actorRole: 'AUDITOR', actorId: 'audit' };
  // A blacklist check of 48 people (one entry).
  return {
    ...base,
    personId: null,
    subjects: Array.from({ length: 48 }, () => people[rng.int(0, people.length - 1)]!),
    actorRole: 'INTERNAL',
    checkPurpose: 'LICENSING',
  };
}

async function fill(models: Models): Promise<number> {
  // The head, not a count: FerretDB counts by reading every document.
  let count = (await models.QueryLogHead.findById('head').lean().exec())?.sequence ?? 0;
  if (count >= target) return count;
  const writer = new QueryLogWriter(models);
  const rng = new Rng(count + 1);
  const started = Date.now();
  while (count < target) {
    const batch = Array.from({ length: Math.min(1000, target - count) }, (_, k) => entryFor(count + k, rng));
    // Several appends in flight, as under load: the writer commits them in groups.
    const last = await Promise.all([0, 1, 2, 3].map((q) => writer.append(batch.slice(q * 250, (q + 1) * 250))));
    count = Math.max(...last);
    if (Math.floor(count / 50_000) !== Math.floor((count - batch.length) / 50_000)) {
      console.log(`  ${count} entries (${Math.round(count / ((Date.now() - started) / 1000))} entries/s)`);
    }
  }
  return count;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  let devDb: DevDb | null = null;
  const { MONGODB_URI, DEVDB_DATABASE } = config();
  const uri = MONGODB_URI ?? (devDb = await startDevDb({ postgresDatabase: DEVDB_DATABASE })).uri;
  const conn = await connectDatabase({ uri, dbName: 'bench_query_log' });
  try {
    const models = createModels(conn);
    if (values.reset) for (const c of modelConnections(conn, models)) await c.dropDatabase();
    for (const c of modelConnections(conn, models)) await initModels(c);
    console.log(`filling the log to ${target} entries (kept between runs)…`);
    const entries = await fill(models);
    const head = (await models.QueryLogHead.findById('head').lean().exec())?.sequence ?? entries;
    const sparseBank = banks[7]!;
    const typicalPerson = people[777]!;
    // Cursors deep in each key's log: the 20th page, from a first walk.
    const deepCursor = async (key: LogReadKey) => {
      let before: number | undefined;
      for (let n = 0; n < 20; n++) {
        const page = await readLog(models, key, { size: 20, before });
        if (!page.hasNextPage) break;
        before = page.nodes[page.nodes.length - 1]!.sequence;
      }
      return before;
    };
    const scenarios: { name: string; key: LogReadKey; before?: number }[] = [
      { name: 'busy institution (30% of reads), first page', key: { kind: 'institution', id: banks[0]! } },
      { name: 'busy institution, 20th page', key: { kind: 'institution', id: banks[0]! }, before: await deepCursor({ kind: 'institution', id: banks[0]! }) },
      { name: 'one of 29 other institutions, first page', key: { kind: 'institution', id: sparseBank } },
      { name: 'a typical person, first page', key: { kind: 'person', id: typicalPerson } },
      { name: 'a person read 5,000 times, first page', key: { kind: 'person', id: busyPerson } },
      { name: 'a person read 5,000 times, 20th page', key: { kind: 'person', id: busyPerson }, before: await deepCursor({ kind: 'person', id: busyPerson }) },
      { name: 'the whole log (auditor), first page', key: { kind: 'all' } },
      { name: 'the whole log, middle of the log', key: { kind: 'all' }, before: Math.floor(head / 2) },
    ];
    const samples = new Map<string, number[]>(scenarios.map((s) => [s.name, []]));
    const found = new Map<string, number>();
    // Interleaved: each round runs every scenario once, so a busy moment of the machine hits all alike.
    for (let r = 0; r < rounds; r++) {
      for (const s of scenarios) {
        const started = process.hrtime.bigint();
        const page = await readLog(models, s.key, { size: 20, before: s.before });
        samples.get(s.name)!.push(Number(process.hrtime.bigint() - started) / 1e6);
        found.set(s.name, page.nodes.length);
      }
    }
    console.log(`\nquery log of ${entries} entries; ${rounds} interleaved rounds; page size 20\n`);
    console.log('| read | entries on the page | p50 ms | p99 ms |');
    console.log('|---|---:|---:|---:|');
    for (const s of scenarios) {
      const sorted = [...samples.get(s.name)!].sort((a, b) => a - b);
      console.log(`| ${s.name} | ${found.get(s.name)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`);
    }
  } finally {
    await conn.close();
    await devDb?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exit(1);
});
