import { createPublicKey, generateKeyPairSync } from 'node:crypto';

import { scratchDatabase, type Logger } from '@credit/shared';

import { createModels, type Models } from '../../models';
import { appendQueryLog, entryHash, QueryLogWriter, verifyQueryLog, writeCheckpoint, type QueryLogContent } from '../chain';
import { queryLogSigningKey, sealBatch, signCheckpoint } from '../seal';

let scratch: Awaited<ReturnType<typeof scratchDatabase<Models>>> | undefined;
let models: Models[];

/** A logger that keeps what it is told (level and message). */
function recordingLogger(): Logger & { lines: [string, string][] } {
  const lines: [string, string][] = [];
  const logger = {
    lines,
    debug: (msg: string) => lines.push(['debug', msg]),
    info: (msg: string) => lines.push(['info', msg]),
    warn: (msg: string) => lines.push(['warn', msg]),
    error: (msg: string) => lines.push(['error', msg]),
    child: () => logger,
  };
  return logger;
}

const entry = (i: number): QueryLogContent => ({
  personId: '51070319900101001X',
  actorRole: 'PUBLIC',
  actorId: null,
  institution: null,
  purpose: null,
  consentId: null,
  fieldGroups: ['administrative_penalties'],
  outcome: 'SERVED',
  at: new Date(Date.UTC(2026, 10, 25, 8, 0, i % 60)),
});

beforeAll(async () => {
  // Two connections stand for two platform processes sharing one database.
  scratch = await scratchDatabase('qlog', 2, createModels);
  models = scratch.models;
});
afterAll(async () => {
  await scratch?.dispose();
});

describe('the query log chain under concurrent writers', () => {
  it('stays one unbroken chain when two processes append many batches at once', async () => {
    const writers = models.map((m) => new QueryLogWriter(m));
    const appends = Array.from({ length: 60 }, (_, i) => writers[i % 2]!.append([entry(i), entry(i + 1)]));
    const lastSequences = await Promise.all(appends);
    expect(new Set(lastSequences).size).toBe(60);
    const result = await verifyQueryLog(models[0]!);
    expect(result).toEqual({ ok: true, entries: 120, checkpoints: 0, problems: [], notes: [] });
  });

  it('waits for a batch another process is still inserting instead of chaining onto its middle', async () => {
    const chain = await scratchDatabase('qloginflight', 1, createModels);
    try {
      const m = chain.models[0]!;
      const raw = chain.conns[0]!.db!.collection('query_log');
      await new QueryLogWriter(m).append([entry(1), entry(2)]);
      // Another process has inserted the first of its two entries; its sealed last is still to come.
      const first = { ...entry(3), at: new Date(), sequence: 3, prevHash: ((await raw.findOne({ sequence: 2 })) as { hash: string } | null)!.hash };
      const firstHash = entryHash(first);
      await raw.insertOne({ _id: 'inflight-1' as never, ...first, subjects: [], deniedFieldGroups: [], hash: firstHash, seal: null });
      const ours = appendQueryLog(m, [entry(5)]);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const second = { ...entry(4), at: new Date(), sequence: 4, prevHash: firstHash };
      const secondHash = entryHash(second);
      await raw.insertOne({
        _id: 'inflight-2' as never,
        ...second,
        subjects: [],
        deniedFieldGroups: [],
        hash: secondHash,
        seal: sealBatch(queryLogSigningKey(), 3, 4, secondHash),
      });
      expect((await ours).sequence).toBe(5);
      expect(await verifyQueryLog(m)).toMatchObject({ ok: true, entries: 5, problems: [] });
      expect(await writeCheckpoint(m)).toMatchObject({ sequence: 5 });
    } finally {
      await chain.dispose();
    }
  });

  it('finds the last entry in a few lookups when the stored head is far behind, and chains on after it', async () => {
    const chain = await scratchDatabase('qlogstalehead', 1, createModels);
    try {
      const m = chain.models[0]!;
      const writer = new QueryLogWriter(m);
      for (let b = 0; b < 10; b++) await writer.append(Array.from({ length: 100 }, (_, i) => entry(b * 100 + i)));
      // The stored head lost (or, as seen after an overload, far behind): a walk entry by entry took one lookup per entry.
      await chain.conns[0]!.db!.collection('query_log_head').deleteMany({});
      const lookups = jest.spyOn(m.QueryLogEntry, 'findOne');
      const head = await appendQueryLog(m, [entry(1000)]);
      expect(head.sequence).toBe(1001);
      // About 2·log2(1,000): the step doubled to 512, then the gap to 1,001 halved.
      expect(lookups.mock.calls.length).toBeLessThanOrEqual(22);
      lookups.mockRestore();
      expect(await verifyQueryLog(m)).toMatchObject({ ok: true, entries: 1001, problems: [] });
    } finally {
      await chain.dispose();
    }
  });

  it('refuses to update an entry through the model (append-only)', async () => {
    await expect(models[0]!.QueryLogEntry.updateOne({ sequence: 1 }, { $set: { outcome: 'DENIED' } })).rejects.toThrow(/append-only/);
  });
});

describe('verify-log against someone with access to the database', () => {
  // Each case on a chain of its own: a fresh database, 3 batches of 3 entries.
  async function freshChain() {
    const chain = await scratchDatabase('qlogtamper', 1, createModels);
    const writer = new QueryLogWriter(chain.models[0]!);
    for (let b = 0; b < 3; b++) await writer.append([entry(b * 3), entry(b * 3 + 1), entry(b * 3 + 2)]);
    return { chain, models: chain.models[0]!, raw: chain.conns[0]!.db!.collection('query_log') };
  }

  it('finds an intact chain intact, with its checkpoint', async () => {
    const { chain, models: m } = await freshChain();
    try {
      expect(await writeCheckpoint(m)).toMatchObject({ sequence: 9 });
      expect(await verifyQueryLog(m)).toEqual({ ok: true, entries: 9, checkpoints: 1, problems: [], notes: [] });
    } finally {
      await chain.dispose();
    }
  });

  it('detects a forged append: an entry with a correct hash the platform did not seal', async () => {
    const { chain, models: m, raw } = await freshChain();
    try {
      const last = (await raw.find({}).sort({ sequence: -1 }).limit(1).toArray())[0]!;
      const forged = { ...entry(99), personId: '51070319900101002X', sequence: 10, prevHash: last.hash as string };
      await raw.insertOne({ _id: 'forged' as never, ...forged, subjects: [], deniedFieldGroups: [], hash: entryHash(forged), seal: null });
      const result = await verifyQueryLog(m);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual(['entry 10 is not sealed by the platform (forged, or left by an interrupted append)']);
      // The platform does not vouch for it in a checkpoint either.
      expect(await writeCheckpoint(m)).toBeNull();
    } finally {
      await chain.dispose();
    }
  });

  it('reports an unsealed head once, not at every checkpoint interval', async () => {
    const { chain, models: m, raw } = await freshChain();
    try {
      const last = (await raw.find({}).sort({ sequence: -1 }).limit(1).toArray())[0]!;
      const forged = { ...entry(98), sequence: 10, prevHash: last.hash as string };
      await raw.insertOne({ _id: 'forged-2' as never, ...forged, subjects: [], deniedFieldGroups: [], hash: entryHash(forged), seal: null });
      const log = recordingLogger();
      for (let i = 0; i < 3; i++) expect(await writeCheckpoint(m, queryLogSigningKey(), log)).toBeNull();
      expect(log.lines).toEqual([['error', 'query log head is not sealed by the platform: not checkpointed (run npm run verify-log)']]);
    } finally {
      await chain.dispose();
    }
  });

  it('takes a head sealed with another key (a new development key, a rotation) for what it is: no error, checkpoints after the next entry', async () => {
    const { chain, models: m } = await freshChain();
    try {
      const privateKey = generateKeyPairSync('ed25519').privateKey;
      const newKey = { privateKey, publicKey: createPublicKey(privateKey), keyId: 'new-key-0000001' };
      const log = recordingLogger();
      expect(await writeCheckpoint(m, newKey, log)).toBeNull();
      expect(await writeCheckpoint(m, newKey, log)).toBeNull();
      expect(log.lines).toEqual([['info', 'query log head was sealed with another key; checkpoints resume after the next entry']]);
      await appendQueryLog(m, [entry(50)], undefined, newKey);
      expect(await writeCheckpoint(m, newKey, log)).toMatchObject({ sequence: 10, keyId: 'new-key-0000001' });
    } finally {
      await chain.dispose();
    }
  });

  it('detects a re-hashed chain: an entry changed and every hash after it recomputed', async () => {
    const { chain, models: m, raw } = await freshChain();
    try {
      await writeCheckpoint(m);
      const entries = await raw.find({}).sort({ sequence: 1 }).toArray();
      let prevHash: string | null = null;
      for (const doc of entries) {
        const changed = {
          ...(doc as never as QueryLogContent & { sequence: number }),
          prevHash,
          ...(doc.sequence === 4 ? { outcome: 'DENIED' as const } : {}),
        };
        const hash = entryHash(changed);
        await raw.updateOne({ _id: doc._id }, { $set: { outcome: changed.outcome, prevHash, hash } });
        prevHash = hash;
      }
      const result = await verifyQueryLog(m);
      expect(result.ok).toBe(false);
      // Every batch seal from the change on fails, and the checkpoint disagrees.
      expect(result.problems).toEqual([
        'entry 6: its seal was not made by the platform key over this hash (re-hashed or forged)',
        'entry 9: its seal was not made by the platform key over this hash (re-hashed or forged)',
        'entries 4..9 are not sealed by the platform (forged, or left by an interrupted append)',
        'checkpoint 9: the chain holds another hash there (rewritten)',
      ]);
    } finally {
      await chain.dispose();
    }
  });

  it('detects a cut tail against the last signed checkpoint', async () => {
    const { chain, models: m, raw } = await freshChain();
    try {
      await writeCheckpoint(m);
      await raw.deleteMany({ sequence: { $gte: 7 } });
      const result = await verifyQueryLog(m);
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual([expect.stringMatching(/^checkpoint 9 \(.*\): entry 9 is gone \(the tail was cut\)$/)]);
    } finally {
      await chain.dispose();
    }
  });

  it('refuses a seal or a checkpoint made with another key', async () => {
    const { chain, models: m, raw } = await freshChain();
    try {
      const other = generateKeyPairSync('ed25519');
      const stranger = { privateKey: other.privateKey, publicKey: other.publicKey, keyId: 'stranger' };
      const last = (await raw.find({}).sort({ sequence: -1 }).limit(1).toArray())[0]!;
      const forged = { ...entry(7), sequence: 10, prevHash: last.hash as string };
      const hash = entryHash(forged);
      await raw.insertOne({ _id: 'forged' as never, ...forged, subjects: [], deniedFieldGroups: [], hash, seal: sealBatch(stranger, 10, 10, hash) });
      const at = new Date();
      await chain.conns[0]!.useDb(`${chain.conns[0]!.name}_audit`)
        .collection('query_log_checkpoints')
        .insertOne({ _id: 10 as never, sequence: 10, hash, at, keyId: 'stranger', signature: signCheckpoint(stranger, 10, hash, at) });
      const result = await verifyQueryLog(m);
      expect(result.problems).toEqual([
        'entry 10: its seal was not made by the platform key over this hash (re-hashed or forged)',
        'entry 10 is not sealed by the platform (forged, or left by an interrupted append)',
        `checkpoint 10 (${at.toISOString()}): signature does not verify with the platform key`,
      ]);
    } finally {
      await chain.dispose();
    }
  });

  it('refuses deletes through the model, of entries and checkpoints', async () => {
    await expect(models[0]!.QueryLogEntry.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(models[0]!.QueryLogEntry.deleteOne({ sequence: 1 })).rejects.toThrow(/append-only/);
    await expect(models[0]!.QueryLogCheckpoint.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
