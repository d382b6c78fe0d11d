import { groupedLoader, NEGATIVE_RECORD_ORDER, type DepartmentContext } from '@credit/shared';

import type { Models } from '../models';
import { TAX_CREDIT_ORDER } from '../models/TaxCreditRating';

/** Per-request loaders: one command per collection for all people of a request. */
export function createLoaders(models: Models) {
  return {
    // The current level and the history share this loader: the level is the newest rating.
    ratingsByPerson: groupedLoader(models.TaxCreditRating, 'personId', TAX_CREDIT_ORDER),
    arrearsByPerson: groupedLoader(models.TaxArrears, 'personId', NEGATIVE_RECORD_ORDER),
    dishonestyByPerson: groupedLoader(models.TaxDishonestyCase, 'personId', NEGATIVE_RECORD_ORDER),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What the bureau's resolvers see in their context. */
export type Context = DepartmentContext<Loaders>;
