import { keysFilter } from '@credit/shared';

import type { ConsentGrant, QueryResolvers } from '../../generated/graphql';
import { consentStatus } from '../models/Consent';

/**
 * The gateway's consent check: one query for all people of a request. Several
 * active consents of one person for the same purpose add up (the union of
 * their scopes); the newest names the consent in the query log.
 */
export const consentCheck: QueryResolvers['consentCheck'] = async (_parent, { institutionId, purpose, subjectIds }, ctx) => {
  const { models } = ctx;
  const institution = institutionId.toUpperCase();
  const [registered, blacklisting, consents] = await Promise.all([
    models.Institution.exists({ _id: institution }),
    models.InstitutionBlacklistEntry.findOne({ _id: institution, liftedAt: null }).lean().exec(),
    subjectIds.length
      ? models.Consent.find({ granteeInstitutionId: institution, purpose, ...keysFilter('subjectId', subjectIds) })
          .sort({ grantedAt: -1 })
          .lean()
          .exec()
      : Promise.resolve([]),
  ]);
  const grants = new Map<string, ConsentGrant>();
  for (const consent of consents) {
    if (consentStatus(consent) !== 'ACTIVE') continue;
    const grant = grants.get(consent.subjectId);
    if (grant) grant.scopes = [...new Set([...grant.scopes, ...consent.scopes])];
    else grants.set(consent.subjectId, { subjectId: consent.subjectId, consentId: consent._id, purpose: consent.purpose, scopes: [...consent.scopes] });
  }
  return { institutionBlacklisted: Boolean(blacklisting), institutionRegistered: registered !== null, grants: [...grants.values()] };
};
