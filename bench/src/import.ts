import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { addMonths, makeCitizenId, parseCli, REPO_ROOT, todayInCity } from '@credit/shared';

/**
 * Bulk import throughput: writes a JSON-lines file of N tax-arrears records
 * (negative records, so each batch also notifies the platform) and imports it with
 * `npm run import`, twice: the first run creates every record, the second
 * finds every record unchanged (a rerun after a crash). Prints lines/s.
 *
 *   npm run bench:import -- [--lines 20000]
 *
 * The records carry a run tag in their ids and their people a county code
 * of the run, so repeated benches import new records about new people.
 */
const run = promisify(execFile);
const { values } = parseCli({
  command: 'npm run bench:import --',
  summary: 'Bulk import lines/s (first run and rerun) of TAX arrears about new people, against the database of a running `npm start`.',
  options: { lines: { type: 'string', default: '20000', value: 'N', description: 'lines in the file imported' } },
});
const lines = Number(values.lines);
const tag = Date.now().toString(36);
const today = todayInCity();
const county = `5107${String(Date.now() % 100).padStart(2, '0')}`;

function record(i: number): string {
  // People new to this run (a county code of its own), spread over birth
  // dates so IDs stay valid: a new person per line for the first 600,000
  // lines, then the same people again.
  const personId = makeCitizenId(county, addMonths('1950-01-01', Math.floor(i / 1000) % 600), i % 1000);
  return JSON.stringify({
    kind: 'TAX_ARREARS',
    id: `BENCH-${tag}-${i}`,
    personId,
    category: 'TAX_ARREARS',
    grade: 'GENERAL',
    decisionDate: addMonths(today, -1),
    decisionNumber: `绵税欠〔2026〕${i}号`,
    authority: '国家税务总局绵阳市税务局',
    legalBasis: '《中华人民共和国税收征收管理法》',
    taxType: 'VALUE_ADDED_TAX',
    amountYuan: 100 + (i % 5000),
    periodFrom: '2025-01-01',
    periodTo: '2025-12-31',
  });
}

async function writeFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 1; i <= lines; i++) {
    if (!out.write(record(i) + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function importOnce(file: string): Promise<{ seconds: number; summary: Record<string, number> }> {
  const started = Date.now();
  const { stdout } = await run(process.execPath, [path.join(REPO_ROOT, 'scripts', 'dist', 'import.js'), '--bureau', 'TAX', '--quiet', file], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return { seconds: (Date.now() - started) / 1000, summary: JSON.parse(stdout) as Record<string, number> };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'credit-bench-import-'));
  try {
    const file = path.join(dir, 'tax.jsonl');
    await writeFile(file);
    const first = await importOnce(file);
    const rerun = await importOnce(file);
    console.log(`\nnpm run import, ${lines} lines of tax records\n`);
    console.log('| run | created | unchanged | rejected | seconds | lines/s |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, r] of [
      ['first', first],
      ['rerun', rerun],
    ] as const) {
      console.log(
        `| ${name} | ${r.summary.created} | ${r.summary.unchanged} | ${r.summary.rejected} | ${r.seconds.toFixed(1)} | ${(lines / r.seconds).toFixed(0)} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exit(1);
});
