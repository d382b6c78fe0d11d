import type { IngestKind } from '@credit/shared';

import type { Models } from './models';

/** The kinds of records the PUBLIC_SECURITY bureau writes, and how each is keyed. */
export function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    RESIDENT: { model: models.Resident, keyedByPerson: true },
    VIOLATION: { model: models.Violation, negative: true },
  };
}
