import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import type { Stack } from '@credit/scripts/dist/stack';
import { makeCitizenId, REPO_ROOT } from '@credit/shared';

import { startTestStack } from '../harness';

const run = promisify(execFile);
let stack: Stack;
let dir: string;

beforeAll(async () => {
  stack = await startTestStack();
  dir = mkdtempSync(path.join(tmpdir(), 'credit-import-'));
});
afterAll(async () => {
  await stack?.stop();
});

const LINES = 1200;
function line(i: number): string {
  if (i === 100) return '{"kind": "TAX_ARREARS", "id": broken';
  if (i === 200) return JSON.stringify({ kind: 'PARKING_TICKET', id: 'X' });
  if (i === 300) return JSON.stringify({ kind: 'TAX_ARREARS', id: 'IMP-300', personId: '510703199001010011', legalBasis: 'x' });
  return JSON.stringify({
    kind: i % 2 ? 'TAX_ARREARS' : 'TAX_CREDIT_RATING',
    ...(i % 2
      ? {
          id: `IMP-${i}`,
          personId: makeCitizenId('510704', i < 1000 ? '1980-01-01' : '1980-01-02', i % 1000),
          category: 'TAX_ARREARS',
          grade: 'GENERAL',
          decisionDate: '2026-03-01',
          decisionNumber: `绵税欠〔2026〕${i}号`,
          authority: '国家税务总局绵阳市税务局',
          taxType: 'VALUE_ADDED_TAX',
          amountYuan: 100 + i,
          periodFrom: '2025-01-01',
          periodTo: '2025-12-31',
        }
      : {
          id: `IMP-R-${i}`,
          personId: makeCitizenId('510705', i < 1000 ? '1981-02-02' : '1981-02-03', i % 1000),
          year: 2025,
          level: 'B',
          score: 80,
          directD: false,
          ratedOn: '2026-04-01',
        }),
    legalBasis: '《中华人民共和国税收征收管理法》',
  });
}

async function importFile(lines: number): Promise<{ code: number; summary: Record<string, number>; stderr: string }> {
  const file = path.join(dir, `tax-${lines}.jsonl`);
  writeFileSync(file, Array.from({ length: lines }, (_, i) => line(i + 1)).join('\n') + '\n');
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(REPO_ROOT, 'scripts', 'dist', 'import.js'), '--bureau', 'TAX', '--quiet', file], {
      env: { ...process.env, MONGODB_DB_PREFIX: stack.dbPrefix },
    });
    return { code: 0, summary: JSON.parse(stdout), stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    if (!e.stdout) throw new Error(`import exited ${e.code} without a summary: ${e.stderr}`);
    return { code: e.code, summary: JSON.parse(e.stdout), stderr: e.stderr };
  }
}

describe('npm run import', () => {
  it('imports a file, reporting bad lines by number and reason, and a rerun after a crash loses and duplicates nothing', async () => {
    // The "crash": only the first half of the file got in.
    const half = await importFile(LINES / 2);
    expect(half.summary).toMatchObject({ created: LINES / 2 - 3, rejected: 3 });
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/line 100: not JSON/);
    expect(half.stderr).toMatch(/line 200: kind must be one of/);
    expect(half.stderr).toMatch(/line 300: personId: check digit/);

    const full = await importFile(LINES);
    expect(full.summary).toMatchObject({ created: LINES / 2, unchanged: LINES / 2 - 3, updated: 0, rejected: 3 });
    const db = stack.subgraphs.tax!.connection.db!;
    const stored =
      (await db.collection('tax_arrears').countDocuments({ _id: { $regex: '^IMP-' } as never })) +
      (await db.collection('tax_credit_ratings').countDocuments({ _id: { $regex: '^IMP-R-' } as never }));
    expect(stored).toBe(LINES - 3);
  });
});
