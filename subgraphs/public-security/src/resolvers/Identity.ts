import { ageOn, areaName, todayInCity } from '@credit/shared';

import type { IdentityResolvers } from '../generated/graphql';

export const Identity: IdentityResolvers = {
  age: (doc) => ageOn(doc.birthDate, todayInCity()),
  registeredResidence: (doc) => ({
    areaCode: doc.registeredResidence.areaCode,
    areaName: areaName(doc.registeredResidence.areaCode),
    address: doc.registeredResidence.address,
  }),
};
