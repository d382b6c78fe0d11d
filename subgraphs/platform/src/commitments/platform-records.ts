import {
  bureauCreditFacts,
  keysFilter,
  recordActionResolver,
  type BureauCreditFacts,
  type IngestKind,
  type PlatformNotifier,
  type RecordAction,
  type RecordActionResult,
} from '@credit/shared';

import type { CommitmentsModels } from './models';
import type { BrokenCommitmentRecordDoc } from './models/BrokenCommitmentRecord';

/**
 * The platform's own negative records: broken credit commitments, which no
 * department holds (the commitment was made through the platform). They are
 * what a department's records are to the rest of the system: credit facts
 * merged into the person's status (standing), records a person disputes,
 * repairs and annotates through the same record actions, and records
 * deleted past retention; "the department" deciding on them is the
 * platform's own operators (bureau PLATFORM).
 */

/** The platform's negative-record kinds, as a department declares its own. */
export function platformRecordKinds(models: Pick<CommitmentsModels, 'BrokenCommitmentRecord'>): Record<string, IngestKind> {
  return { BROKEN_COMMITMENT: { model: models.BrokenCommitmentRecord, negative: true } };
}

/** The credit facts of these people's platform records (those shown today count, as for a department). */
export async function platformCreditFacts(
  models: Pick<CommitmentsModels, 'BrokenCommitmentRecord'>,
  personIds: readonly string[],
): Promise<Map<string, BureauCreditFacts>> {
  const rows = await models.BrokenCommitmentRecord.find(keysFilter('personId', [...personIds]))
    .lean<BrokenCommitmentRecordDoc[]>()
    .exec();
  const byPerson = new Map<string, BrokenCommitmentRecordDoc[]>();
  for (const row of rows) {
    const own = byPerson.get(row.personId);
    if (own) own.push(row);
    else byPerson.set(row.personId, [row]);
  }
  return new Map([...byPerson].map(([id, records]) => [id, bureauCreditFacts('PLATFORM', records)]));
}

/** Re-derives people after their platform records changed (the platform tells itself: no outbox between). */
export type Rederive = (personIds: string[]) => Promise<void>;

/** What a department's outbox does for its records, done in process for the platform's. */
export function platformNotifier(rederive: Rederive): Pick<PlatformNotifier, 'notify' | 'announce' | 'settle'> {
  return {
    notify: rederive,
    announce: () => Promise.resolve(null),
    settle: (_note, changed) => rederive(changed),
  };
}

const resolveAction = recordActionResolver((models: Pick<CommitmentsModels, 'BrokenCommitmentRecord'>) => platformRecordKinds(models));

/** A record action (objection, repair, statement) on one of the platform's own records. */
export function platformRecordAction(
  models: Pick<CommitmentsModels, 'BrokenCommitmentRecord'>,
  rederive: Rederive,
  args: { recordId: string; personId: string; objectionId?: string | null; action: RecordAction; statement?: string | null; until?: string | null },
): Promise<RecordActionResult> {
  return resolveAction(null, args, { models, notifier: platformNotifier(rederive) });
}
