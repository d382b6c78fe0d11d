import { ageOn, areaName, decideAccess, isMianyangArea, maskAddress, maskMobile, maskName, todayInCity } from '@credit/shared';

import type { IdentityResolvers, ResidencePermitResolvers } from '../generated/graphql';
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
  // Whether someone is a migrant is theirs to show: withheld from a masked view like the birth date.
  populationStatus: (doc, _args, ctx) => {
    if (masked(doc, ctx)) return null;
    if (isMianyangArea(doc.registeredResidence.areaCode)) return 'REGISTERED_RESIDENT';
    return doc.residencePermit ? 'MIGRANT' : 'NON_RESIDENT';
  },
  residencePermit: (doc, _args, ctx) => (masked(doc, ctx) ? null : (doc.residencePermit ?? null)),
};

export const ResidencePermit: ResidencePermitResolvers = {
  residence: (permit) => ({ areaCode: permit.areaCode, areaName: areaName(permit.areaCode), address: permit.address }),
  valid: (permit) => {
    const today = todayInCity();
    return permit.issuedOn <= today && today <= permit.validUntil;
  },
};
