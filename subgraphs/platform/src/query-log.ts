import { createHash, randomUUID } from 'node:crypto';

import type { Logger } from '@credit/shared';

import type { Models } from './models';
import type { QueryLogEntryDoc } from './models/QueryLogEntry';

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
 */

export type QueryLogContent = Omit<QueryLogEntryDoc, '_id' | 'sequence' | 'prevHash' | 'hash'>;

const MAX_ATTEMPTS = 50;

/** Hash of an entry: SHA-256 over the previous hash and the entry's canonical content. */
export function entryHash(entry: Omit<QueryLogEntryDoc, '_id' | 'hash'>): string {
  const canonical = JSON.stringify([
    entry.sequence,
    entry.prevHash ?? null,
    entry.personId,
    entry.actorRole,
    entry.actorId ?? null,
    entry.institution ? [entry.institution.id, entry.institution.name] : null,
    entry.purpose ?? null,
    entry.consentId ?? null,
    [...entry.fieldGroups],
    entry.outcome,
    new Date(entry.at).toISOString(),
    // Batch entries only: single reads hash exactly as before subjects existed.
    ...(entry.subjects?.length ? [[...entry.subjects]] : []),
    // Blacklist checks only, for the same reason.
    ...(entry.checkPurpose ? [entry.checkPurpose] : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

async function currentHead(models: Models): Promise<{ sequence: number; hash: string | null }> {
  const stored = await models.QueryLogHead.findById('head').lean().exec();
  let head = { sequence: stored?.sequence ?? 0, hash: stored?.hash ?? null };
  // Catch up over entries appended by a writer that stopped before moving the head.
  for (;;) {
    const next = await models.QueryLogEntry.findOne({ sequence: head.sequence + 1 })
      .lean()
      .exec();
    if (!next) break;
    head = { sequence: next.sequence, hash: next.hash };
  }
  return head;
}

async function moveHead(models: Models, to: { sequence: number; hash: string }): Promise<void> {
  try {
    // Only forward. When the head is already further, the filter misses and the
    // upsert's insert of a second `head` fails with E11000: nothing to do.
    await models.QueryLogHead.updateOne({ _id: 'head', sequence: { $lt: to.sequence } }, { $set: to }, { upsert: true }).exec();
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
  }
}

export interface ChainHead {
  sequence: number;
  hash: string | null;
}

/**
 * Appends entries in order and returns the new head. `knownHead` (the
 * writer's memory of its own last append) saves reading the head; if another
 * writer has moved on since, the insert fails on its first position and the
 * head is read afresh. Moving the stored head is off the critical path: it
 * only saves later readers a catch-up, and only ever moves forward.
 */
export async function appendQueryLog(
  models: Models,
  contents: readonly QueryLogContent[],
  knownHead?: ChainHead,
  onHeadError?: (err: unknown) => void,
): Promise<ChainHead> {
  if (contents.length === 0) throw new Error('appendQueryLog needs at least one entry');
  let head = knownHead ?? (await currentHead(models));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let prevHash = head.hash;
    const entries: QueryLogEntryDoc[] = contents.map((content, i) => {
      const withoutHash = { ...content, sequence: head.sequence + 1 + i, prevHash };
      const hash = entryHash(withoutHash);
      prevHash = hash;
      return { _id: randomUUID(), ...withoutHash, hash };
    });
    try {
      // Ordered: a lost race fails on the first entry, so nothing of this batch is written.
      await models.QueryLogEntry.insertMany(entries, { ordered: true });
    } catch (err) {
      const e = err as { code?: number; index?: number; writeErrors?: { index?: number }[] };
      const failedAt = e.writeErrors?.[0]?.index ?? e.index ?? 0;
      // Another writer took the first position: nothing of ours was written; retry on the new head.
      if (e.code === 11000 && failedAt === 0) {
        head = await currentHead(models);
        continue;
      }
      throw err;
    }
    const last = entries[entries.length - 1]!;
    const next = { sequence: last.sequence, hash: last.hash };
    moveHead(models, next).catch((err: unknown) => onHeadError?.(err));
    return next;
  }
  throw new Error(`query log: no free position after ${MAX_ATTEMPTS} attempts`);
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  problems: string[];
}

/**
 * Walks the whole chain from sequence 1 and recomputes every hash. Reports a
 * changed entry (hash mismatch), a removed one (a gap) and a broken link.
 */
export async function verifyQueryLog(models: Models): Promise<ChainVerification> {
  const problems: string[] = [];
  let prevHash: string | null = null;
  let expected = 1;
  let count = 0;
  const cursor = models.QueryLogEntry.find({}).sort({ sequence: 1 }).lean().cursor();
  for await (const entry of cursor) {
    count++;
    if (entry.sequence !== expected)
      problems.push(`entry ${expected}${entry.sequence > expected + 1 ? `..${entry.sequence - 1}` : ''} missing (next is ${entry.sequence})`);
    if ((entry.prevHash ?? null) !== prevHash) problems.push(`entry ${entry.sequence}: prevHash does not match the hash of the entry before it`);
    if (entryHash(entry) !== entry.hash) problems.push(`entry ${entry.sequence}: content does not match its hash (altered)`);
    prevHash = entry.hash;
    expected = entry.sequence + 1;
  }
  return { ok: problems.length === 0, entries: count, problems };
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
            (err) => this.log?.warn('query log head not moved (the next reader catches up)', { err }),
          );
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
}

const MAX_BATCH_ENTRIES = 2000;

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
