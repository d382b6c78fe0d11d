import { byIdLoader, groupedLoader, NEGATIVE_RECORD_ORDER, type DepartmentContext } from '@credit/shared';

import type { Models } from '../models';

/** Per-request loaders: one command per collection for all people of a request. */
export function createLoaders(models: Models) {
  return {
    residentById: byIdLoader(models.Resident),
    violationsByPerson: groupedLoader(models.Violation, 'personId', NEGATIVE_RECORD_ORDER),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What the bureau's resolvers see in their context. */
export type Context = DepartmentContext<Loaders, Models>;
