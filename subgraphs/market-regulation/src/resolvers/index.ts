import { officesNotRemoved } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';

/** Resolvers of the bureau's own fields; the common and double-publicity ones come from defineDepartment. */
export const resolvers: Resolvers = {
  Person: {
    companyOffices: async ({ id }, _args, { loaders }) => officesNotRemoved(await loaders.companyOfficesByPerson.load(id)),
  },
  CompanyOffice: {
    id: (doc) => doc._id,
    underObjection: (doc) => Boolean(doc.underObjection),
  },
};
