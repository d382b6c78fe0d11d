import { randomUUID, type KeyObject } from 'node:crypto';

import { isDuplicateKeyError, policy, type Logger } from '@credit/shared';
import type { mongo } from 'mongoose';

import type { Models } from '../models';
import { archivedEntries } from './archive';
import { entryHash } from './entry-hash';
import { announcePages, indexedFrom, indexEntries, knownRows, MAX_SUBJECTS_PER_ENTRY, type KnownRows } from './log-index';
import type { QueryLogCheckpointDoc, QueryLogEntryDoc } from './models/QueryLogEntry';
import { checkpointHolds, queryLogPublicKey, queryLogSigningKey, sealBatch, sealHolds, signCheckpoint, type LogKey } from './seal';

/**
 * The query log (MISSION rule 4): one platform-wide, append-only chain.
 * Each entry's hash covers its content and the previous entry's hash, so
 * editing or deleting any entry breaks the chain from there on.
 *
 * Appending needs no transaction. The unique index on `sequence` is the
 * compare-and-set: a batch takes the positions after the head; if another
 * writer got there first, the first insert fails with E11000 and the batch
 * retries on the new head. The head document only saves a sort over the
 * whole log; a head left behind (crash between insert and head update) is
 * moved forward by the next appender.
 *
 * A hash chain alone proves nothing to someone who can write the database,
 * so each batch is sealed with the platform's key and the head is
 * checkpointed apart from the chain (seal.ts); each entry also
 * carries the page keys it is read by (log-index.ts), announced in the
 * directory before the entries are written.
 */

export type QueryLogContent = Omit<QueryLogEntryDoc, '_id' | 'sequence' | 'prevHash' | 'hash' | 'seal' | 'pageKeys'>;

export { entryHash };

const MAX_ATTEMPTS = 50;

/**
 * How long an unsealed tail counts as a batch another writer is still
 * inserting. An ordered insert shows its entries one by one, and the seal
 * rides on the last: chaining onto the middle of such a batch would take the
 * position its own next entry needs, leave it half-written and unsealed,
 * and make verify-log call honest entries forged. Past this age the writer
 * is taken to have died mid-append (verify-log names those entries), and
 * the chain goes on after them rather than stopping for good.
 */
const IN_FLIGHT_BATCH_MS = 10_000;

/**
 * The entry at a position, or null when the position is free. Every position
 * from the first live entry to the last is taken (a batch is inserted in
 * order, a lost race writes nothing), so the free positions above the stored
 * head are exactly those past the last entry.
 */
async function entryAt(models: Models, sequence: number): Promise<Pick<QueryLogEntryDoc, 'sequence' | 'hash' | 'seal' | 'at'> | null> {
  return models.QueryLogEntry.findOne({ sequence }, { sequence: 1, hash: 1, seal: 1, at: 1 }).lean().exec();
}

/**
 * The chain's head: the last entry, found from the stored head by lookups
 * of single positions, doubling the step while positions are taken, then
 * halving the gap between the last taken and the first free one. A stored
 * head n entries behind costs about 2·log2(n) lookups, and ends while the
 * log grows. A walk of one lookup per entry did not: under a steady load of
 * 10,000-ID blacklist checks the log grew by about 450 entries a second,
 * faster than the walk, so each checkpoint's catch-up chased the tail for
 * minutes, a new one joined every 30 s, and the embedded FerretDB, at full
 * CPU, let the appends time out. A range or a sort would be one query on
 * MongoDB, but the embedded FerretDB reads the whole log for either; a
 * lookup by position is an index lookup on both.
 */
async function currentHead(models: Models, now: number = Date.now()): Promise<ChainHead> {
  const stored = await models.QueryLogHead.findById('head').lean().exec();
  // The stored head only ever names the last entry of a whole batch.
  const from: ChainHead = { sequence: stored?.sequence ?? 0, hash: stored?.hash ?? null };
  let taken = from.sequence;
  let tail: Awaited<ReturnType<typeof entryAt>> = null;
  let free = 0;
  for (let step = 1; !free; step *= 2) {
    const entry = await entryAt(models, taken + step);
    if (entry) {
      taken = entry.sequence;
      tail = entry;
    } else free = taken + step;
  }
  while (free - taken > 1) {
    const middle = Math.floor((taken + free) / 2);
    const entry = await entryAt(models, middle);
    if (entry) {
      taken = middle;
      tail = entry;
    } else free = middle;
  }
  if (!tail) return from;
  if (tail.seal || now - new Date(tail.at).getTime() >= IN_FLIGHT_BATCH_MS) return { sequence: tail.sequence, hash: tail.hash };
  // The tail's batch is still being inserted: the chain goes on after the last whole batch.
  for (let sequence = tail.sequence - 1; sequence > from.sequence; sequence--) {
    const entry = await entryAt(models, sequence);
    if (entry?.seal) return { sequence: entry.sequence, hash: entry.hash };
  }
  return from;
}

async function moveHead(models: Models, to: { sequence: number; hash: string }): Promise<void> {
  try {
    // Only forward. When the head is already further, the filter misses and the
    // upsert's insert of a second `head` fails with E11000: nothing to do.
    await models.QueryLogHead.updateOne({ _id: 'head', sequence: { $lt: to.sequence } }, { $set: to }, { upsert: true }).exec();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/** A check of many people is logged as entries of at most MAX_SUBJECTS_PER_ENTRY people each. */
function splitSubjects(content: QueryLogContent): QueryLogContent[] {
  const subjects = content.subjects ?? [];
  if (subjects.length <= MAX_SUBJECTS_PER_ENTRY) return [content];
  const parts: QueryLogContent[] = [];
  for (let i = 0; i < subjects.length; i += MAX_SUBJECTS_PER_ENTRY) parts.push({ ...content, subjects: subjects.slice(i, i + MAX_SUBJECTS_PER_ENTRY) });
  return parts;
}

const indexStates = new WeakMap<Models, { from: number; announced: KnownRows }>();

/** What a process remembers of the log index: where it starts, and the directory rows it wrote or found. */
function indexState(models: Models): { from: number; announced: KnownRows } {
  let state = indexStates.get(models);
  if (!state) {
    state = { from: Number.POSITIVE_INFINITY, announced: knownRows() };
    indexStates.set(models, state);
  }
  return state;
}

export interface ChainHead {
  sequence: number;
  hash: string | null;
}

/**
 * Appends entries in order and returns the new head. `knownHead` (the
 * writer's memory of its own last append) saves reading the head; if another
 * writer has moved on since, the insert fails on its first position and the
 * head is read afresh. The stored head is not moved here: it only saves
 * later readers a catch-up, and the writer moves it now and then
 * (QueryLogWriter).
 */
export async function appendQueryLog(
  models: Models,
  contents: readonly QueryLogContent[],
  knownHead?: ChainHead,
  key: LogKey = queryLogSigningKey(),
): Promise<ChainHead> {
  if (contents.length === 0) throw new Error('appendQueryLog needs at least one entry');
  const split = contents.flatMap(splitSubjects);
  const index = indexState(models);
  let head = knownHead ?? (await currentHead(models));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let prevHash = head.hash;
    const positioned: QueryLogEntryDoc[] = split.map((content, i) => {
      const withoutHash = { ...content, sequence: head.sequence + 1 + i, prevHash };
      const hash = entryHash(withoutHash);
      prevHash = hash;
      return { _id: randomUUID(), ...withoutHash, hash, seal: null };
    });
    const { entries, rows } = indexEntries(positioned);
    // The seal rides on the batch's last entry, in the same insert.
    const last = entries[entries.length - 1]!;
    last.seal = sealBatch(key, entries[0]!.sequence, last.sequence, last.hash);
    // Before the entries: readers must be able to find every entry written.
    if (!Number.isFinite(index.from)) index.from = await indexedFrom(models, entries[0]!.sequence);
    await announcePages(models, rows, index.announced);
    try {
      // Ordered: a lost race fails on the first entry, so nothing of this batch is written.
      // The driver's own insert: every field is set here, typed, with the
      // schema's defaults (storedEntry), so mongoose's casting and
      // validation of each document would only repeat it, at about half the
      // platform's CPU of an append.
      // (mongoose types the raw collection with ObjectId ids; ours are strings)
      await (models.QueryLogEntry.collection as unknown as mongo.Collection<QueryLogEntryDoc>).insertMany(entries.map(storedEntry), { ordered: true });
    } catch (err) {
      const e = err as { index?: number; writeErrors?: { index?: number }[] };
      const failedAt = e.writeErrors?.[0]?.index ?? e.index ?? 0;
      // Another writer took the first position: nothing of ours was written; retry on the new head.
      if (isDuplicateKeyError(err) && failedAt === 0) {
        // A batch still being written keeps its next position taken: give it a moment.
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(100, 5 * attempt)));
        head = await currentHead(models);
        continue;
      }
      throw err;
    }
    return { sequence: last.sequence, hash: last.hash };
  }
  throw new Error(`query log: no free position after ${MAX_ATTEMPTS} attempts`);
}

/** An entry as stored: every field of the schema present, absent ones at the schema's default. */
function storedEntry(entry: QueryLogEntryDoc): Required<QueryLogEntryDoc> {
  return {
    _id: entry._id,
    sequence: entry.sequence,
    personId: entry.personId ?? null,
    subjects: entry.subjects ?? [],
    actorRole: entry.actorRole,
    actorId: entry.actorId ?? null,
    institution: entry.institution ? { id: entry.institution.id, name: entry.institution.name } : null,
    purpose: entry.purpose ?? null,
    checkPurpose: entry.checkPurpose ?? null,
    consentId: entry.consentId ?? null,
    fieldGroups: [...entry.fieldGroups],
    deniedFieldGroups: entry.deniedFieldGroups ?? [],
    outcome: entry.outcome,
    at: new Date(entry.at),
    prevHash: entry.prevHash ?? null,
    hash: entry.hash,
    pageKeys: entry.pageKeys ?? [],
    seal: entry.seal ? { from: entry.seal.from, keyId: entry.seal.keyId, signature: entry.seal.signature } : null,
  };
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  checkpoints: number;
  problems: string[];
  /** What is worth knowing but is not a fault (entries that predate sealing). */
  notes: string[];
}

/**
 * Walks the whole chain from sequence 1 and checks what someone with access
 * to the database could have done around the platform:
 *
 * - a changed entry (its hash no longer matches), a removed one (a gap), a
 *   broken link;
 * - an entry the platform did not write: outside every sealed batch, or
 *   under a seal that the platform key did not make (a re-hashed chain
 *   cannot be re-sealed without the key); only entries before the first
 *   seal (written before sealing existed) are let stand unsealed, since the
 *   chain ties them to the sealed ones;
 * - a cut tail or a rewritten chain: a signed checkpoint of the head (kept
 *   apart from the chain) names a position that is gone or holds another
 *   hash.
 *
 * Entries past the retention period are read from the archive (archive.ts)
 * and the walk goes on into the live log, as one chain.
 */
export async function verifyQueryLog(models: Models, publicKey: KeyObject = queryLogPublicKey().publicKey): Promise<ChainVerification> {
  const problems: string[] = [];
  let prevHash: string | null = null;
  let expected = 1;
  let count = 0;
  const notes: string[] = [];
  // First position not yet covered by a valid seal; none seen yet.
  let unsealedFrom = 1;
  let sealed = false;
  const hashes = new Map<number, string>();
  const checkpoints = await models.QueryLogCheckpoint.find({}).sort({ _id: 1 }).lean().exec();
  const checkpointed = new Set(checkpoints.map((c) => c.sequence));
  let archivedThrough = 0;
  for await (const entry of chainEntries(models, (to) => (archivedThrough = to))) {
    count++;
    if (entry.sequence !== expected)
      problems.push(`entry ${expected}${entry.sequence > expected + 1 ? `..${entry.sequence - 1}` : ''} missing (next is ${entry.sequence})`);
    if ((entry.prevHash ?? null) !== prevHash) problems.push(`entry ${entry.sequence}: prevHash does not match the hash of the entry before it`);
    if (entryHash(entry) !== entry.hash) problems.push(`entry ${entry.sequence}: content does not match its hash (altered)`);
    if (entry.seal) {
      if (!sealHolds(publicKey, entry.seal, entry.sequence, entry.hash)) {
        problems.push(`entry ${entry.sequence}: its seal was not made by the platform key over this hash (re-hashed or forged)`);
      } else {
        if (entry.seal.from > unsealedFrom) {
          // Entries before the first seal were written before sealing existed:
          // the chain links them to the sealed ones, so a change still shows.
          if (sealed) problems.push(unsealedProblem(unsealedFrom, entry.seal.from - 1));
          else notes.push(`entries ${unsealedFrom}..${entry.seal.from - 1} predate sealing; the hash chain and the seals after them cover them`);
        }
        sealed = true;
        unsealedFrom = entry.sequence + 1;
      }
    }
    if (checkpointed.has(entry.sequence)) hashes.set(entry.sequence, entry.hash);
    prevHash = entry.hash;
    expected = entry.sequence + 1;
  }
  if (unsealedFrom < expected) problems.push(unsealedProblem(unsealedFrom, expected - 1));
  if (archivedThrough > 0) {
    notes.push(`entries 1..${archivedThrough} are archived past the retention period; verified from the archive`);
    const leftover = await models.QueryLogEntry.countDocuments({ sequence: { $lte: archivedThrough } }).exec();
    if (leftover > 0) notes.push(`${leftover} archived entries are still in the live log (an archive run stopped; the next removes them)`);
  }
  for (const checkpoint of checkpoints) {
    if (!checkpointHolds(publicKey, checkpoint)) {
      problems.push(`checkpoint ${checkpoint.sequence} (${checkpoint.at.toISOString()}): signature does not verify with the platform key`);
      continue;
    }
    const hash = hashes.get(checkpoint.sequence);
    if (hash === undefined)
      problems.push(`checkpoint ${checkpoint.sequence} (${checkpoint.at.toISOString()}): entry ${checkpoint.sequence} is gone (the tail was cut)`);
    else if (hash !== checkpoint.hash) problems.push(`checkpoint ${checkpoint.sequence}: the chain holds another hash there (rewritten)`);
  }
  return { ok: problems.length === 0, entries: count, checkpoints: checkpoints.length, problems, notes };
}

/** The whole chain in order: the archived entries, then the live ones after them; `archived` learns where the archive ends. */
async function* chainEntries(models: Models, archived: (through: number) => void): AsyncGenerator<QueryLogEntryDoc, void> {
  let through = 0;
  for await (const entry of archivedEntries(models)) {
    through = entry.sequence;
    yield entry;
  }
  archived(through);
  yield* models.QueryLogEntry.find({ sequence: { $gt: through } })
    .sort({ sequence: 1 })
    .lean()
    .cursor();
}

function unsealedProblem(from: number, to: number): string {
  return `entr${from === to ? `y ${from} is` : `ies ${from}..${to} are`} not sealed by the platform (forged, or left by an interrupted append)`;
}

/**
 * Writes a signed checkpoint of the chain head when the log has grown since
 * the last one. Only a head the platform sealed is checkpointed: an unsealed
 * tail (forged, or a broken append) is reported instead of being vouched
 * for. Several platform processes may checkpoint the same head; the
 * position is the checkpoint's id, so that writes it once.
 */
export async function writeCheckpoint(models: Models, key: LogKey = queryLogSigningKey(), log?: Logger): Promise<QueryLogCheckpointDoc | null> {
  const head = await currentHead(models);
  if (head.sequence === 0 || !head.hash) return null;
  const last = await models.QueryLogCheckpoint.find({}).sort({ _id: -1 }).limit(1).lean().exec();
  if (last[0] && last[0].sequence >= head.sequence) return null;
  const entry = await models.QueryLogEntry.findOne({ sequence: head.sequence }).lean().exec();
  if (entry?.seal && entry.seal.keyId !== key.keyId) {
    // Sealed with another key: the key was rotated, or a development key
    // made anew (.run/ removed) over a database that kept its log. Nothing
    // is wrong with the log: the next append is sealed with the current key
    // and checkpointed then. (verify-log checks seals against one public
    // key, so the entries sealed with the old one are reported by it.)
    reportOnce(models, head.sequence, () =>
      log?.info('query log head was sealed with another key; checkpoints resume after the next entry', {
        sequence: head.sequence,
        sealKeyId: entry.seal!.keyId,
        keyId: key.keyId,
      }),
    );
    return null;
  }
  if (!entry?.seal || !sealHolds(key.publicKey, entry.seal, entry.sequence, entry.hash)) {
    reportOnce(models, head.sequence, () =>
      log?.error('query log head is not sealed by the platform: not checkpointed (run npm run verify-log)', { sequence: head.sequence }),
    );
    return null;
  }
  const at = new Date();
  const checkpoint: QueryLogCheckpointDoc = {
    _id: head.sequence,
    sequence: head.sequence,
    hash: head.hash,
    at,
    keyId: key.keyId,
    signature: signCheckpoint(key, head.sequence, head.hash, at),
  };
  try {
    await models.QueryLogCheckpoint.create(checkpoint);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return null;
  }
  return checkpoint;
}

// The head each platform process last reported as not checkpointable: a
// head is reported once, not at every interval until the log moves on.
const reportedHeads = new WeakMap<Models, number>();

function reportOnce(models: Models, sequence: number, report: () => void): void {
  if (reportedHeads.get(models) === sequence) return;
  reportedHeads.set(models, sequence);
  report();
}

/** Checkpoints the head every `queryLog.checkpointIntervalSeconds` of the policy; returns a stop function. */
export function startCheckpointer(models: Models, log: Logger, intervalMs = policy().queryLog.checkpointIntervalSeconds * 1000): () => void {
  let running = false;
  const timer = setInterval(() => {
    // One checkpoint at a time: a slow one is not joined by the next.
    if (running) return;
    running = true;
    writeCheckpoint(models, queryLogSigningKey(), log)
      .catch((err: unknown) => log.warn('query log checkpoint failed; retried next time', { err }))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

interface PendingAppend {
  contents: readonly QueryLogContent[];
  resolve: (lastSequence: number) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: concurrent requests of one platform process append through
 * one writer, which writes everything queued since its last write as one
 * batch (one position claim, one insert). Without it, every concurrent read
 * of the API would race for the same position and retry. Several platform
 * processes still coordinate through the unique `sequence` index.
 */
export class QueryLogWriter {
  private queue: PendingAppend[] = [];
  private writing = false;
  private head: ChainHead | undefined;
  // The stored head is moved at most every HEAD_MOVE_ENTRIES entries or
  // HEAD_MOVE_MS, not after every batch: it only saves readers a catch-up
  // (one lookup per entry behind), and each move is a write.
  private headStoredAt = 0;
  private headMoveTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly models: Models,
    private readonly log?: Logger,
  ) {}

  append(contents: readonly QueryLogContent[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ contents, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        // Bounded batches keep each insert short; callers stay in order.
        let taken = 0;
        let entries = 0;
        while (taken < this.queue.length && (taken === 0 || entries + this.queue[taken]!.contents.length <= MAX_BATCH_ENTRIES)) {
          entries += this.queue[taken]!.contents.length;
          taken++;
        }
        const batch = this.queue.slice(0, taken);
        this.queue = this.queue.slice(taken);
        try {
          this.head = await appendQueryLog(
            this.models,
            batch.flatMap((p) => p.contents),
            this.head,
          );
          this.storeHeadSoon(this.head);
          let last = this.head.sequence;
          // Each caller learns the sequence of its own last entry.
          for (let i = batch.length - 1; i >= 0; i--) {
            batch[i]!.resolve(last);
            last -= batch[i]!.contents.length;
          }
        } catch (err) {
          // Forget the head: the next batch reads it from the database.
          this.head = undefined;
          for (const pending of batch) pending.reject(err);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private storeHeadSoon(head: ChainHead): void {
    const store = () => {
      clearTimeout(this.headMoveTimer);
      this.headMoveTimer = undefined;
      this.headStoredAt = head.sequence;
      moveHead(this.models, { sequence: head.sequence, hash: head.hash! }).catch((err: unknown) =>
        this.log?.warn('query log head not moved (the next reader catches up)', { err }),
      );
    };
    if (head.sequence - this.headStoredAt >= HEAD_MOVE_ENTRIES) return store();
    // A quiet writer still leaves the head where its last batch ended.
    clearTimeout(this.headMoveTimer);
    this.headMoveTimer = setTimeout(store, HEAD_MOVE_MS).unref();
  }
}

const HEAD_MOVE_ENTRIES = 64;
const HEAD_MOVE_MS = 1000;

// Bounded so that one insert stays well inside the database timeout (policy `timeouts.databaseSocketMs`) on the embedded FerretDB.
const MAX_BATCH_ENTRIES = 500;

const writers = new WeakMap<Models, QueryLogWriter>();

/** The writer of a platform process (one per set of models). */
export function queryLogWriter(models: Models, log?: Logger): QueryLogWriter {
  let writer = writers.get(models);
  if (!writer) {
    writer = new QueryLogWriter(models, log);
    writers.set(models, writer);
  }
  return writer;
}
