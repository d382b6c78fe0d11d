import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';

import { connectDatabase, databaseName, initModels, modelConnections, REPO_ROOT } from '@credit/shared';
import { createModels, entryHash, QueryLogWriter, writeCheckpoint, type Models } from '@credit/subgraph-platform';
import type { Connection } from 'mongoose';

// `npm run verify-log` as an operator runs it, against a platform database
// that someone with database access has tampered with.

const run = promisify(execFile);
const prefix = `vl${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
let conn: Connection;
let models: Models;

const entry = (i: number) => ({
  personId: '51070319900101001X',
  actorRole: 'PUBLIC' as const,
  actorId: null,
  institution: null,
  purpose: null,
  consentId: null,
  fieldGroups: ['administrative_penalties'],
  outcome: 'SERVED' as const,
  at: new Date(Date.UTC(2026, 10, 25, 8, 0, i)),
});

beforeAll(async () => {
  conn = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: databaseName('platform', prefix) });
  models = createModels(conn);
  for (const c of modelConnections(conn, models)) await initModels(c);
  const writer = new QueryLogWriter(models);
  for (let i = 0; i < 4; i++) await writer.append([entry(2 * i), entry(2 * i + 1)]);
  await writeCheckpoint(models);
});
afterAll(async () => {
  for (const c of modelConnections(conn, models)) await c.dropDatabase();
  await conn.close();
});

async function verifyLog(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('node', [path.join(REPO_ROOT, 'scripts', 'dist', 'verify-log.js')], {
      env: { ...process.env, MONGODB_DB_PREFIX: prefix, LOG_LEVEL: 'silent' },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

describe('npm run verify-log', () => {
  it('passes an intact log, naming the checkpoints it checked', async () => {
    const { code, out } = await verifyLog();
    expect(code).toBe(0);
    expect(out).toMatch(/query log intact: 8 entries, every hash, link and seal verified; 1 signed checkpoints agree/);
  });

  it('fails on a forged entry appended with a correct hash', async () => {
    const raw = conn.db!.collection('query_log');
    const forged = { ...entry(50), sequence: 9, prevHash: ((await raw.findOne({ sequence: 8 })) as { hash: string } | null)!.hash };
    await raw.insertOne({ _id: 'forged' as never, ...forged, subjects: [], deniedFieldGroups: [], hash: entryHash(forged), seal: null });
    const { code, out } = await verifyLog();
    expect(code).toBe(1);
    expect(out).toMatch(/entry 9 is not sealed by the platform/);
    await raw.deleteOne({ _id: 'forged' as never });
  });

  it('fails on a re-hashed chain and on a cut tail', async () => {
    const raw = conn.db!.collection('query_log');
    const fifth = (await raw.findOne({ sequence: 5 }))!;
    await raw.updateOne(
      { _id: fifth._id },
      { $set: { outcome: 'DENIED', hash: entryHash({ ...(fifth as unknown as Parameters<typeof entryHash>[0]), outcome: 'DENIED' }) } },
    );
    const rehashed = await verifyLog();
    expect(rehashed.code).toBe(1);
    expect(rehashed.out).toMatch(/entry 6: prevHash does not match/);
    await raw.deleteMany({ sequence: { $gte: 7 } });
    const cut = await verifyLog();
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(/checkpoint 8 .*: entry 8 is gone \(the tail was cut\)/);
  });
});
