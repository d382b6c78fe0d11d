import type { IngestKind } from '@credit/shared';

import type { Models } from '../models';

/** The kinds of records the PLATFORM bureau writes, and how each is keyed. */
export function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    // Good records bear on the green channel: the listing index is told of them.
    VOLUNTEER_RECORD: { model: models.VolunteerRecord, affectsStanding: true },
    CHARITY_RECORD: { model: models.CharityRecord, affectsStanding: true },
    PRACTICE_RECORD: { model: models.PracticeRecord },
    RED_LIST_ENTRY: { model: models.RedListEntry, affectsStanding: true },
    // Evidence for credit repair (repairs.ts), nothing the standing is derived from.
    REPAIR_TRAINING: { model: models.RepairTraining },
  };
}
