import { groupedLoader, type DepartmentContext } from '@credit/shared';

import type { Models } from '../models';
import { COMPANY_OFFICER_ORDER } from '../models/CompanyOfficer';

/** Per-request loaders of the bureau's own fields (the double-publicity ones come with defineDepartment). */
export function createLoaders(models: Models) {
  return {
    companyOfficesByPerson: groupedLoader(models.CompanyOfficer, 'personId', COMPANY_OFFICER_ORDER),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What the bureau's resolvers see in their context. */
export type Context = DepartmentContext<Loaders>;
