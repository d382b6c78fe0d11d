import { gzipSync } from 'node:zlib';

import { policy, scratchDatabase } from '@credit/shared';

import { createModels, type Models } from '../../models';
import { ARCHIVE_SEGMENT_ENTRIES, archiveQueryLog, retentionCutoff, segmentEntries } from '../archive';
import { QueryLogWriter, verifyQueryLog, writeCheckpoint, type QueryLogContent } from '../chain';
import { readLog } from '../log-index';

// Retention of the query log: entries older than queryLog.retentionYears
// leave the live log for the archive, and verify-log still walks one chain
// across both.

const person = '51070319900101001X';
const now = new Date('2032-06-01T00:00:00Z');
const years = policy().queryLog.retentionYears;

const entry = (at: Date, i = 0): QueryLogContent => ({
  personId: person,
  actorRole: 'PUBLIC',
  actorId: null,
  institution: null,
  purpose: null,
  consentId: null,
  fieldGroups: ['administrative_penalties'],
  outcome: 'SERVED',
  at: new Date(at.getTime() + i * 1000),
});

async function withLog<T>(name: string, run: (models: Models, raw: ReturnType<typeof rawCollections>) => Promise<T>): Promise<T> {
  const scratch = await scratchDatabase(name, 1, createModels);
  try {
    return await run(scratch.models[0]!, rawCollections(scratch.conns[0]!));
  } finally {
    await scratch.dispose();
  }
}

function rawCollections(conn: Awaited<ReturnType<typeof scratchDatabase>>['conns'][number]) {
  const audit = conn.useDb(`${conn.name}_audit`);
  return { live: conn.db!.collection('query_log'), segments: audit.db!.collection('query_log_archive') };
}

/** `old` entries from before the cutoff, then `recent` ones after it, in batches of 10. */
async function writeLog(models: Models, old: number, recent: number): Promise<void> {
  const writer = new QueryLogWriter(models);
  const cutoff = retentionCutoff(now, years);
  const before = new Date(cutoff.getTime() - 30 * 24 * 3600 * 1000);
  for (let i = 0; i < old; i += 10) await writer.append(Array.from({ length: Math.min(10, old - i) }, (_, k) => entry(before, i + k)));
  for (let i = 0; i < recent; i += 10) await writer.append(Array.from({ length: Math.min(10, recent - i) }, (_, k) => entry(cutoff, 60 + i + k)));
}

describe('the query log past its retention period', () => {
  it('moves the old entries to the archive and verifies the chain across archive and live log, checkpoints included', async () => {
    await withLog('qlogarchive', async (models, raw) => {
      await writeLog(models, 40, 20);
      await writeCheckpoint(models);
      const run = await archiveQueryLog(models, now);
      expect(run).toEqual({ archived: 40, segments: 1, archivedThrough: 40 });
      expect(await raw.live.countDocuments({})).toBe(20);
      expect(await raw.live.countDocuments({ sequence: { $lte: 40 } })).toBe(0);
      const verified = await verifyQueryLog(models);
      expect(verified).toMatchObject({ ok: true, entries: 60, checkpoints: 1, problems: [] });
      expect(verified.notes).toContain('entries 1..40 are archived past the retention period; verified from the archive');
      // The person's own log now holds what is within the retention period.
      const page = await readLog(models, { kind: 'person', id: person }, { size: 100 });
      expect(page.nodes).toHaveLength(20);
      // Again: nothing more is due.
      expect(await archiveQueryLog(models, now)).toEqual({ archived: 0, segments: 0, archivedThrough: 40 });
    });
  });

  it('finishes a run that stored its segment but stopped before removing the entries', async () => {
    await withLog('qlogarchivestop', async (models, raw) => {
      await writeLog(models, 12, 3);
      await archiveQueryLog(models, now);
      // As if the run had stopped before its delete: the archived entries are back in the live log.
      const segment = (await raw.segments.findOne({ _id: 1 as never }))!;
      const archived = segmentEntries(segment as never);
      await raw.live.insertMany(archived.map((e) => ({ ...e, pageKeys: [] })) as never);
      expect(await verifyQueryLog(models)).toMatchObject({
        ok: true,
        notes: expect.arrayContaining(['12 archived entries are still in the live log (an archive run stopped; the next removes them)']),
      });
      expect(await archiveQueryLog(models, now)).toEqual({ archived: 0, segments: 0, archivedThrough: 12 });
      expect(await raw.live.countDocuments({})).toBe(3);
    });
  });

  it('archives in segments of bounded size', async () => {
    await withLog('qlogarchivesegments', async (models, raw) => {
      await writeLog(models, ARCHIVE_SEGMENT_ENTRIES + 10, 0);
      expect(await archiveQueryLog(models, now)).toEqual({
        archived: ARCHIVE_SEGMENT_ENTRIES + 10,
        segments: 2,
        archivedThrough: ARCHIVE_SEGMENT_ENTRIES + 10,
      });
      expect(await raw.segments.countDocuments({})).toBe(2);
      expect(await verifyQueryLog(models)).toMatchObject({ ok: true, entries: ARCHIVE_SEGMENT_ENTRIES + 10 });
    });
  }, 60_000);

  it('detects an archived entry altered or a segment removed', async () => {
    await withLog('qlogarchivetamper', async (models, raw) => {
      await writeLog(models, 20, 5);
      await archiveQueryLog(models, now);
      const segment = (await raw.segments.findOne({ _id: 1 as never }))!;
      const entries = segmentEntries(segment as never);
      entries[4] = { ...entries[4]!, outcome: 'DENIED' };
      await raw.segments.updateOne({ _id: 1 as never }, { $set: { entries: gzipSync(JSON.stringify(entries)) } });
      expect((await verifyQueryLog(models)).problems).toContain('entry 5: content does not match its hash (altered)');
      await raw.segments.deleteOne({ _id: 1 as never });
      expect((await verifyQueryLog(models)).problems).toContain('entry 1..20 missing (next is 21)');
    });
  });

  it('reads no window of the log when nothing is due', async () => {
    await withLog('qlogarchivenone', async (models) => {
      await writeLog(models, 0, 30);
      const windows = jest.spyOn(models.QueryLogEntry, 'find');
      expect(await archiveQueryLog(models, now)).toEqual({ archived: 0, segments: 0, archivedThrough: 0 });
      expect(windows).not.toHaveBeenCalled();
    });
  });

  it('refuses to archive past a break in the chain', async () => {
    await withLog('qlogarchivebroken', async (models, raw) => {
      await writeLog(models, 20, 0);
      await raw.live.updateOne({ sequence: 8 }, { $set: { outcome: 'DENIED' } });
      const run = await archiveQueryLog(models, now);
      expect(run.archivedThrough).toBe(0);
      expect(await raw.live.countDocuments({})).toBe(20);
    });
  });
});
