import type { IngestKind } from '@credit/shared';

import type { Models } from './models';

/** The kinds of records the PLATFORM bureau writes, and how each is keyed. */
export function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    VOLUNTEER_RECORD: { model: models.VolunteerRecord },
    CHARITY_RECORD: { model: models.CharityRecord },
    PRACTICE_RECORD: { model: models.PracticeRecord },
    RED_LIST_ENTRY: { model: models.RedListEntry },
  };
}
