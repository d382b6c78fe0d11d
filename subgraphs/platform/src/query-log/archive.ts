import { gunzipSync, gzipSync } from 'node:zlib';

import { isDuplicateKeyError, policy, type Logger } from '@credit/shared';
import type { mongo } from 'mongoose';

import type { Models } from '../models';
import { entryHash } from './entry-hash';
import type { QueryLogArchiveSegmentDoc } from './models/QueryLogArchive';
import type { QueryLogEntryDoc } from './models/QueryLogEntry';

/**
 * Retention of the query log (policy `queryLog.retentionYears`): entries
 * older than the retention period leave the live log for the archive, in
 * segments of consecutive positions (models/QueryLogArchive.ts), so the
 * person's and the auditors' reads no longer serve them, while the chain
 * stays verifiable end to end: `verify-log` walks the archive and then the
 * live log as one chain, with every hash, link, seal and checkpoint.
 *
 * A run is idempotent and safe to repeat or to run in several platform
 * processes at once. It archives only a prefix of the chain that verifies
 * (each entry's hash, and its link to the last archived one): a broken chain
 * is reported, not archived. Each segment is stored before its entries are
 * removed from the live log; a run that stopped in between is finished by
 * the next (it removes live entries the archive already holds, and moves
 * the archive's head over segments written after it).
 */

/** Entries per segment: one document stays far below MongoDB's 16 MB (about 400 bytes an entry before gzip). */
export const ARCHIVE_SEGMENT_ENTRIES = 2000;

const ARCHIVE_EVERY_MS = 60 * 60 * 1000;

interface ArchiveHead {
  to: number;
  hash: string | null;
}

export interface ArchiveRun {
  /** Entries moved to the archive by this run. */
  archived: number;
  segments: number;
  /** The last archived position after the run (0 when nothing ever was). */
  archivedThrough: number;
}

/** The first instant kept live: `years` calendar years before `now`. */
export function retentionCutoff(now: Date, years: number = policy().queryLog.retentionYears): Date {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** The archive's head, moved over any segment stored after it (a run that stopped before moving it). */
async function archiveHead(models: Models): Promise<ArchiveHead> {
  const stored = await models.QueryLogArchiveHead.findById('head').lean().exec();
  let head: ArchiveHead = { to: stored?.to ?? 0, hash: stored?.lastHash ?? null };
  for (;;) {
    const next = await models.QueryLogArchiveSegment.findById(head.to + 1, { to: 1, lastHash: 1 })
      .lean()
      .exec();
    if (!next) break;
    head = { to: next.to, hash: next.lastHash };
  }
  if (head.to > (stored?.to ?? 0)) await moveArchiveHead(models, head);
  return head;
}

async function moveArchiveHead(models: Models, head: ArchiveHead): Promise<void> {
  try {
    // Forward only: when another run is further, the filter misses and the upsert's insert fails on `_id`.
    await models.QueryLogArchiveHead.updateOne({ _id: 'head', to: { $lt: head.to } }, { $set: { to: head.to, lastHash: head.hash } }, { upsert: true }).exec();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}

// The live log through the driver: its model refuses deletes (models/QueryLogEntry.ts), and only this job removes entries.
const liveEntries = (models: Models) => models.QueryLogEntry.collection as unknown as mongo.Collection<QueryLogEntryDoc>;

/** Moves the entries past the retention period to the archive; see the module comment. */
export async function archiveQueryLog(models: Models, now: Date = new Date(), log?: Logger): Promise<ArchiveRun> {
  const cutoff = retentionCutoff(now);
  let head = await archiveHead(models);
  // A run that stored its segment but stopped before removing the entries: finish it.
  if (head.to > 0) await liveEntries(models).deleteMany({ sequence: { $lte: head.to } });
  let archived = 0;
  let segments = 0;
  for (;;) {
    const from = head.to + 1;
    // The next entry alone tells whether anything is due, and most runs find
    // it within the retention period: they stop on one lookup by position
    // instead of reading a window, a range the embedded FerretDB serves by
    // reading the whole log (its run at each start had taken 30 s and two
    // cores on a log of 110,000 entries). On MongoDB both are indexed.
    const next = await models.QueryLogEntry.findOne({ sequence: from }, { at: 1 }).lean().exec();
    if (!next || new Date(next.at) >= cutoff) break;
    const window = await models.QueryLogEntry.find({ sequence: { $gte: from, $lt: from + ARCHIVE_SEGMENT_ENTRIES } })
      .lean()
      .exec();
    window.sort((a, b) => a.sequence - b.sequence);
    const due: QueryLogEntryDoc[] = [];
    let prevHash = head.hash;
    for (const entry of window) {
      if (entry.sequence !== from + due.length || new Date(entry.at) >= cutoff) break;
      if ((entry.prevHash ?? null) !== prevHash || entryHash(entry) !== entry.hash) {
        // Archiving would hide the break from nobody, but would carry it out of sight of the live log's readers.
        log?.error('query log chain does not verify where the archive would continue it; nothing archived past it (run npm run verify-log)', {
          sequence: entry.sequence,
        });
        return { archived, segments, archivedThrough: head.to };
      }
      due.push(entry);
      prevHash = entry.hash;
    }
    if (due.length === 0) break;
    const last = due[due.length - 1]!;
    const segment: QueryLogArchiveSegmentDoc = {
      _id: from,
      from,
      to: last.sequence,
      count: due.length,
      prevHash: head.hash,
      lastHash: last.hash,
      // The page keys only served reads of the live log; everything the chain covers is kept.
      entries: gzipSync(JSON.stringify(due.map(({ pageKeys: _pageKeys, ...entry }) => entry))),
      archivedAt: now,
    };
    try {
      await models.QueryLogArchiveSegment.create(segment);
      archived += due.length;
      segments++;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Another process archived from here first: go on from its segment.
      head = await archiveHead(models);
      await liveEntries(models).deleteMany({ sequence: { $lte: head.to } });
      continue;
    }
    head = { to: last.sequence, hash: last.hash };
    await moveArchiveHead(models, head);
    await liveEntries(models).deleteMany({ sequence: { $gte: from, $lte: last.sequence } });
    // The window ended on an entry still within the retention period.
    if (due.length < ARCHIVE_SEGMENT_ENTRIES) break;
  }
  return { archived, segments, archivedThrough: head.to };
}

/** The entries of a segment, as they were stored in the live log (dates restored). */
export function segmentEntries(segment: Pick<QueryLogArchiveSegmentDoc, 'entries'>): QueryLogEntryDoc[] {
  const entries = JSON.parse(gunzipSync(storedBytes(segment.entries)).toString('utf8')) as (QueryLogEntryDoc & { at: string })[];
  return entries.map((entry) => ({ ...entry, at: new Date(entry.at) }));
}

// A lean read gives the driver's Binary, not a Buffer.
function storedBytes(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  return Buffer.from((value as { buffer: Uint8Array }).buffer);
}

/**
 * The archived entries in order, segment by segment (each read by its id,
 * the next one's following from it), then where the archive ends.
 */
export async function* archivedEntries(models: Models): AsyncGenerator<QueryLogEntryDoc, void> {
  let from = 1;
  for (;;) {
    const segment = await models.QueryLogArchiveSegment.findById(from).lean().exec();
    if (!segment) return;
    yield* segmentEntries(segment);
    from = segment.to + 1;
  }
}

/** Archives now and every hour; returns a stop function. */
export function startLogArchiver(models: Models, log: Logger): () => void {
  const run = () =>
    archiveQueryLog(models, new Date(), log)
      .then((r) => (r.archived > 0 ? log.info('query log entries past retention archived', { entries: r.archived, through: r.archivedThrough }) : undefined))
      .catch((err: unknown) => log.warn('query log archive failed; retried in an hour', { err }));
  void run();
  const timer = setInterval(run, ARCHIVE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
