import { addMonths, displayWindow, todayInCity } from './display-window';
import { ingestionModels, type IngestKind } from './ingestion';
import type { Logger } from './logger';
import type { NegativeRecordDoc } from './negative-record';
import type { PlatformNotifier } from './outbox';
import { categoryPolicy, policy, type CreditPolicy } from './policy';

/**
 * Retention of negative records (policy `retention`): a record no longer
 * shown is kept, for auditors, only so long. A financial record is deleted
 * when its display ends, five years after the act ends (PBoC credit
 * reference regulation art. 16, `financialNegativeRecords`), repaired or
 * not; any other `retention.negativeRecordsYearsAfterDisplayEnds` years
 * after the natural end of its display period. Each department deletes its
 * own, with the earlier versions ingestion kept of them, and tells the
 * platform, which re-derives the people (their published records and
 * statuses drop the record). The ingestion ledger keeps only the record's
 * id and content hash, so a bureau sending the same record again does not
 * bring it back.
 */

/** The day a negative record is deleted: its display's natural end for a financial one, that plus the policy's years for any other. */
export function retentionEnds(doc: NegativeRecordDoc & { actEndedOn?: string | null }, p: CreditPolicy = policy()): string {
  const { until } = displayWindow(doc, todayInCity(), p);
  return categoryPolicy(doc.category, p).financial ? until : addMonths(until, 12 * p.retention.negativeRecordsYearsAfterDisplayEnds);
}

/** The earliest decision date a record due on `today` can have: no display ends before its decision, nor a financial act before it. */
function latestDueDecision(today: string, p: CreditPolicy): string {
  const years = Math.min(p.retention.negativeRecordsYearsAfterDisplayEnds, p.financialNegativeRecords.deleteYearsAfterActEnds);
  return addMonths(today, -12 * years);
}

const BATCH = 500;

/**
 * Deletes the bureau's negative records past retention on `today` (and
 * their earlier versions), then tells the platform about their people.
 * Repeatable: a run that stopped part-way leaves the rest to the next one;
 * a record already deleted is simply not found.
 */
export async function deleteRecordsPastRetention(
  kinds: Record<string, IngestKind>,
  notifier: Pick<PlatformNotifier, 'announce' | 'settle'>,
  today: string = todayInCity(),
): Promise<number> {
  const p = policy();
  const before = latestDueDecision(today, p);
  let deleted = 0;
  for (const kind of Object.values(kinds)) {
    if (!kind.negative) continue;
    const { History } = ingestionModels(kind.model.db);
    // Candidates only: every record due today was decided on or before `before` (on MongoDB the index of category and decision date serves it).
    const cursor = kind.model
      .find({ category: { $in: Object.keys(p.categories) }, decisionDate: { $lte: before } })
      .lean()
      .cursor({ batchSize: BATCH });
    let due: NegativeRecordDoc[] = [];
    const flush = async () => {
      if (due.length === 0) return;
      const ids = due.map((d) => d._id);
      const people = [...new Set(due.map((d) => d.personId))];
      // The note is stored before the deletes (the outbox's rule): a run that stops after them still reaches the platform.
      const note = await notifier.announce(people);
      await kind.model.deleteMany({ _id: { $in: ids } }).exec();
      await History.deleteMany({ collection: kind.model.collection.collectionName, recordId: { $in: ids } }).exec();
      await notifier.settle(note, people);
      deleted += ids.length;
      due = [];
    };
    for await (const raw of cursor) {
      const doc = raw as NegativeRecordDoc;
      if (retentionEnds({ ...doc, ...kind.displayFacts?.(doc) }, p) <= today) due.push(doc);
      if (due.length >= BATCH) await flush();
    }
    await flush();
  }
  return deleted;
}

const SWEEP_EVERY_MS = 24 * 60 * 60 * 1000;

/** Deletes now and every day; returns a stop function. */
export function startRetentionSweeper(kinds: Record<string, IngestKind>, notifier: Pick<PlatformNotifier, 'announce' | 'settle'>, log: Logger): () => void {
  const sweep = () =>
    deleteRecordsPastRetention(kinds, notifier)
      .then((n) => (n > 0 ? log.info('negative records past retention deleted', { records: n }) : undefined))
      .catch((err: unknown) => log.warn('retention sweep failed; retried tomorrow', { err }));
  void sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
