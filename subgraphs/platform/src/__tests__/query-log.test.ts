import { scratchDatabase } from '@credit/shared';

import { createModels, type Models } from '../models';
import { QueryLogWriter, verifyQueryLog, type QueryLogContent } from '../query-log';

let scratch: Awaited<ReturnType<typeof scratchDatabase<Models>>> | undefined;
let models: Models[];

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
    expect(result).toEqual({ ok: true, entries: 120, checkpoints: 0, problems: [] });
  });

  it('refuses to update an entry through the model (append-only)', async () => {
    await expect(models[0]!.QueryLogEntry.updateOne({ sequence: 1 }, { $set: { outcome: 'DENIED' } })).rejects.toThrow(/append-only/);
  });
});
