import { createHash } from 'node:crypto';

import { addDays, badInput, codedError, grantableScopes, isDuplicateKeyError, paginate, policy, todayInCity, visibleConsents } from '@credit/shared';
import { Error as MongooseError } from 'mongoose';

import type { Resolvers } from '../../generated/graphql';
import type { ConsentDoc } from '../models/Consent';
import { Consent } from './Consent';
import { consentCheck } from './ConsentCheck';

// Mongoose validation failures are the caller's bad input, with the reason.
function asBadInput(err: unknown): never {
  if (err instanceof MongooseError.ValidationError) {
    throw badInput(
      `Invalid input: ${Object.values(err.errors)
        .map((e) => e.message)
        .join('; ')}`,
      'validation failed',
    );
  }
  throw err;
}

const byId = (doc: { _id: string }) => doc._id;

/**
 * A grant retried with its idempotency key is answered with the consent made
 * the first time, but only when it asks for the same: a key reused for
 * another grant is refused, never silently answered with the old consent.
 */
function sameGrant(existing: ConsentDoc, asked: ConsentDoc, validFromGiven: boolean): ConsentDoc {
  // A retry on a later day of a grant that let validFrom default to its day asks for the same.
  const fields = ['granteeInstitutionId', 'purpose', 'scopes', ...(validFromGiven ? (['validFrom'] as const) : []), 'validUntil'] as const;
  const differing = fields.find((field) =>
    field === 'scopes' ? [...existing.scopes].sort().join() !== [...asked.scopes].sort().join() : existing[field] !== asked[field],
  );
  if (differing) {
    throw codedError(
      'IDEMPOTENCY_KEY_REUSED',
      `This idempotency key was used for consent ${existing._id} with another ${differing}; a retry repeats the grant exactly, a new grant needs a new key`,
      { argument: differing, consentId: existing._id },
    );
  }
  return existing;
}

export const resolvers: Resolvers = {
  Query: { consentCheck },
  Mutation: {
    grantConsent: async (_parent, { input: asked }, ctx) => {
      const subjectId = ctx.principal.subjectId!;
      const today = todayInCity();
      // Without validFrom the consent starts today.
      const input = { ...asked, validFrom: asked.validFrom ?? today };
      const tolerance = policy().security.consentBackdateToleranceDays;
      if (input.validUntil < input.validFrom) throw badInput('validUntil is before validFrom', 'empty validity window', { argument: 'validUntil' });
      if (input.validUntil < today) throw badInput('validUntil is in the past', 'consent would never be valid', { argument: 'validUntil' });
      if (input.validFrom < addDays(today, -tolerance)) {
        throw badInput(
          `validFrom may be at most ${tolerance} day(s) before today: a consent does not cover reads made before it was given`,
          'back-dated consent',
          {
            argument: 'validFrom',
            earliest: addDays(today, -tolerance),
          },
        );
      }
      if (!input.idempotencyKey || input.idempotencyKey.length > 200) throw badInput('idempotencyKey must be 1 to 200 characters', 'bad idempotency key');
      const grantable = grantableScopes();
      const refused = input.scopes.filter((scope) => !grantable.includes(scope));
      if (refused.length > 0 || input.scopes.length === 0) {
        throw badInput(
          `${refused.length ? `Scopes ${refused.join(', ')} cannot be granted` : 'A consent needs at least one scope'}: a consent covers only what a partner reads under consent (${grantable.join(', ')})`,
          'scope not grantable',
          { argument: 'scopes', grantable },
        );
      }
      const granteeInstitutionId = input.granteeInstitutionId.toUpperCase();
      const institution = await ctx.models.Institution.findById(granteeInstitutionId).lean().exec();
      if (!institution) {
        throw badInput(
          `Institution ${granteeInstitutionId} is not registered with the platform; consents go only to registered institutions`,
          'unknown institution',
          {
            argument: 'granteeInstitutionId',
          },
        );
      }
      // The id derives from the subject and the client's key: a retried grant
      // hits the same id and returns the consent made the first time.
      const _id = `CNS-${createHash('sha256').update(`${subjectId}|${input.idempotencyKey}`).digest('hex').slice(0, 24)}`;
      const doc: ConsentDoc = {
        _id,
        subjectId,
        granteeInstitutionId,
        granteeInstitutionName: institution.name,
        purpose: input.purpose,
        scopes: [...new Set(input.scopes)],
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        grantedAt: new Date(),
        revokedAt: null,
        version: 0,
      };
      try {
        await ctx.models.Consent.create(doc);
        return doc;
      } catch (err) {
        if (isDuplicateKeyError(err)) {
          const existing = await ctx.models.Consent.findById(_id).lean().exec();
          if (existing) return sameGrant(existing, doc, asked.validFrom != null);
        }
        return asBadInput(err);
      }
    },

    revokeConsent: async (_parent, { id }, ctx) => {
      const subjectId = ctx.principal.subjectId!;
      const revoked = await ctx.models.Consent.findOneAndUpdate(
        { _id: id, subjectId, revokedAt: null },
        { $set: { revokedAt: new Date() }, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
        .lean()
        .exec();
      if (revoked) return revoked;
      // Already revoked (a retry) is answered with the consent as it stands.
      const existing = await ctx.models.Consent.findOne({ _id: id, subjectId }).lean().exec();
      if (existing) return existing;
      throw badInput(`You have no consent ${id}`, 'unknown consent', { argument: 'id' });
    },
  },
  Person: {
    consents: async ({ id }, args, { loaders, principal }) => {
      const consents = await loaders.consentsBySubject.load(id);
      return paginate(visibleConsents(principal, consents), args, byId);
    },
  },
  Consent,
};
