import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

import {
  BUREAUS,
  changedCompanies,
  changedPeople,
  companiesListed,
  connectDatabase,
  databaseName,
  ingestionModels,
  ingestRecords,
  initModels,
  internalSigningSecret,
  loadSubgraphDefinition,
  parseCli,
  peerUrlFromEnv,
  platformNotifier,
  rejectedOutcome,
  runCli,
  sourceOfBureau,
  standingSubjects,
  UsageError,
  type Bureau,
  type IngestOutcome,
} from '@credit/shared';

import { databaseForCli } from './database-for-cli';

/**
 * npm run import -- --bureau B file.jsonl
 *
 * Streams a JSON-lines file of the bureau's records (each line a record with
 * a `kind` field, e.g. {"kind":"TAX_ARREARS","id":"...",...}) into the
 * bureau's own database through the same ingestion path as the GraphQL
 * mutation. Memory stays flat for a million lines. A bad line is reported
 * with its number and reason and the good ones are stored; running the same
 * file again (after a crash, say) duplicates and loses nothing.
 * Exit code: 0 all stored, 2 some lines rejected, 1 the import failed.
 */
const BATCH_LINES = 500;

const CLI = {
  command: 'npm run import --',
  summary:
    'Streams a JSON-lines file of a bureau’s records (each line a record with a `kind` field) into the bureau’s database through the same ingestion path as the GraphQL mutation. Exit code: 0 all stored, 2 some lines rejected, 1 the import failed.',
  options: {
    bureau: { type: 'string', value: 'CODE', description: `the bureau whose records these are: ${BUREAUS.join(', ')}` },
    quiet: { type: 'boolean', default: false, description: 'no progress and no notes on stderr' },
  },
  positionals: { usage: '<file.jsonl>', min: 1, max: 1 },
  notes: ['Example: npm run import -- --bureau TAX arrears.jsonl'],
} as const;

async function main(): Promise<number> {
  const { values, positionals } = parseCli(CLI);
  const bureau = values.bureau?.toUpperCase() as Bureau | undefined;
  if (!bureau || !BUREAUS.includes(bureau)) throw new UsageError(`--bureau must be one of ${BUREAUS.join(', ')}`);
  const file = positionals[0]!;
  const entry = sourceOfBureau(bureau)!;
  const def = loadSubgraphDefinition(entry.name);

  const { uri, devDb } = await databaseForCli();
  const conn = await connectDatabase({ uri, dbName: databaseName(entry.name) });
  const totals: Record<IngestOutcome['status'], number> = { CREATED: 0, UPDATED: 0, UNCHANGED: 0, REJECTED: 0 };
  const started = Date.now();
  try {
    const models = def.createModels(conn);
    const ledger = ingestionModels(conn);
    await initModels(conn);
    const kinds = def.ingestKinds(models);
    const notifier = platformNotifier(conn, { bureau, platformUrl: () => peerUrlFromEnv('platform'), secret: internalSigningSecret() });

    const report = (outcome: IngestOutcome) => {
      totals[outcome.status]++;
      if (outcome.status === 'REJECTED') process.stderr.write(`line ${outcome.position}: ${outcome.reason} (${outcome.code ?? 'BAD_USER_INPUT'})\n`);
      else if (outcome.note && !values.quiet) process.stderr.write(`line ${outcome.position}: note: ${outcome.note}\n`);
    };
    let batch: { line: number; kind: string; raw: Record<string, unknown> }[] = [];
    // The platform is told about one batch while the next is written; the
    // notes go one after the other, and at most one waits while a batch is
    // written (the platform's pace holds the import back, memory stays flat).
    let settling: Promise<void> = Promise.resolve();
    const flush = async () => {
      const byKind = new Map<string, { position: number; raw: unknown }[]>();
      for (const { line, kind, raw } of batch) {
        if (!byKind.has(kind)) byKind.set(kind, []);
        byKind.get(kind)!.push({ position: line, raw });
      }
      for (const [kind, records] of byKind) {
        // Durable in the bureau's outbox before the records are written, so a
        // crash cannot leave written records the platform never hears of.
        const raws = records.map((r) => r.raw);
        const companies = companiesListed(kinds[kind]!, raws);
        const note = await notifier.announce(standingSubjects(kinds[kind]!, raws), companies);
        const outcomes = await ingestRecords(kinds[kind]!, bureau, records, ledger);
        outcomes.forEach(report);
        const changed = changedPeople(outcomes);
        const changedListings = changedCompanies(outcomes, companies);
        await settling;
        settling = notifier.settle(note, changed, changedListings).catch((err: unknown) => {
          process.stderr.write(`platform not told yet (the bureau's outbox keeps the note): ${(err as Error).message}\n`);
        });
      }
      batch = [];
      if (!values.quiet)
        process.stderr.write(`\r${Object.values(totals).reduce((a, b) => a + b, 0)} lines (${((Date.now() - started) / 1000).toFixed(1)} s)  `);
    };

    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const text of lines) {
      lineNumber++;
      if (text.trim() === '') continue;
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (err) {
        report(rejectedOutcome(lineNumber, `not JSON: ${(err as Error).message}`));
        continue;
      }
      const kind = raw && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined;
      if (typeof kind !== 'string' || !kinds[kind]) {
        report(rejectedOutcome(lineNumber, `kind must be one of ${Object.keys(kinds).join(', ')}`));
        continue;
      }
      const { kind: _kind, ...record } = raw as Record<string, unknown>;
      batch.push({ line: lineNumber, kind, raw: record });
      if (batch.length >= BATCH_LINES) await flush();
    }
    await flush();
    await settling;
    if (!values.quiet) process.stderr.write('\n');
    console.log(
      JSON.stringify({
        bureau,
        file,
        lines: lineNumber,
        seconds: (Date.now() - started) / 1000,
        created: totals.CREATED,
        updated: totals.UPDATED,
        unchanged: totals.UNCHANGED,
        rejected: totals.REJECTED,
      }),
    );
    return totals.REJECTED > 0 ? 2 : 0;
  } finally {
    await conn.close();
    await devDb?.stop();
  }
}

runCli(CLI, main);
