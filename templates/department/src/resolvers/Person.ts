import { pageOfShownRecords } from '@credit/shared';

import type { PersonResolvers } from '../generated/graphql';

export const Person: PersonResolvers = {
  __camel__Records: async ({ id }, args, { loaders, forwarded }) => pageOfShownRecords(await loaders.recordsByPerson.load(id), args, forwarded),
};
