import { pageOfShownRecords } from '@credit/shared';

import type { PersonResolvers } from '../generated/graphql';

export const Person: PersonResolvers = {
  taxCreditLevel: async ({ id }, _args, { loaders }) => (await loaders.ratingsByPerson.load(id))[0] ?? null,
  taxCreditHistory: async ({ id }, _args, { loaders }) => loaders.ratingsByPerson.load(id),
  taxArrears: async ({ id }, args, { loaders, forwarded }) => pageOfShownRecords(await loaders.arrearsByPerson.load(id), args, forwarded),
  taxDishonestyCases: async ({ id }, args, { loaders, forwarded }) => pageOfShownRecords(await loaders.dishonestyByPerson.load(id), args, forwarded),
};
