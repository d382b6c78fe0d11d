import { ageOn, areaName, decideAccess, maskAddress, maskMobile, maskName, todayInCity } from '@credit/shared';

import type { IdentityResolvers } from '../generated/graphql';
import type { Context } from '../loaders';
import type { ResidentDoc } from '../models/Resident';

// The shield rule has already allowed `identity`; this says whether masked.
function masked(doc: ResidentDoc, ctx: Context): boolean {
  const decision = decideAccess(ctx.forwarded, 'identity', doc._id);
  return decision.allowed && decision.masked;
}

export const Identity: IdentityResolvers = {
  masked: (doc, _args, ctx) => masked(doc, ctx),
  name: (doc, _args, ctx) => (masked(doc, ctx) ? maskName(doc.name) : doc.name),
  birthDate: (doc, _args, ctx) => (masked(doc, ctx) ? null : doc.birthDate),
  age: (doc, _args, ctx) => (masked(doc, ctx) ? null : ageOn(doc.birthDate, todayInCity())),
  mobile: (doc, _args, ctx) => (doc.mobile && masked(doc, ctx) ? maskMobile(doc.mobile) : (doc.mobile ?? null)),
  registeredResidence: (doc, _args, ctx) => ({
    areaCode: doc.registeredResidence.areaCode,
    areaName: areaName(doc.registeredResidence.areaCode),
    address: masked(doc, ctx) ? maskAddress(doc.registeredResidence.areaCode) : doc.registeredResidence.address,
  }),
};
