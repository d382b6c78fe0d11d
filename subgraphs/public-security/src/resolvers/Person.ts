import { maskName, pageOfShownRecords } from '@credit/shared';

import type { PersonResolvers } from '../generated/graphql';

export const Person: PersonResolvers = {
  identity: async ({ id }, _args, { loaders }) => loaders.residentById.load(id),
  realNameRegistrations: async ({ id }, _args, { loaders }) => {
    const resident = await loaders.residentById.load(id);
    return (resident?.realNameRegistrations ?? []).map((r) => ({ sector: r.sector as never, registered: r.registered, verifiedOn: r.verifiedOn ?? null }));
  },
  violations: async ({ id }, args, { loaders, forwarded }) => pageOfShownRecords(await loaders.violationsByPerson.load(id), args, forwarded),
  publicName: async ({ id }, _args, { loaders }) => {
    const resident = await loaders.residentById.load(id);
    return resident ? maskName(resident.name) : null;
  },
};
