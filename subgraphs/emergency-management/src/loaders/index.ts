import type { DepartmentContext } from '@credit/shared';

import type { Models } from '../models';

/** Per-request loaders of the bureau's own fields (the double-publicity ones come with defineDepartment). */
export function createLoaders(_models: Models) {
  return {};
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What the bureau's resolvers see in their context. */
export type Context = DepartmentContext<Loaders>;
