import { createHash } from 'node:crypto';

import { addDays, badInput, codedError, isDuplicateKeyError, policy, socialCreditCodeProblem, todayInCity } from '@credit/shared';
import { Error as MongooseError } from 'mongoose';

import type { Context } from '../context';
import type { MutationResolvers } from '../generated/graphql';
import { forgetName, registeredNames } from '../institutions';
import { factsFromBureaus, recomputeJointPunishment } from '../joint-punishment';
import type { ConsentDoc } from '../models/Consent';
import { decideObjection, fileObjection, startObjectionReview } from '../objections';
import { queryLogWriter, type QueryLogContent } from '../query-log';
import { applyForRepair, decideRepair, startRepairReview } from '../repairs';

function models(ctx: Context) {
  return ctx.models;
}

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

function checkInstitutionId(id: string): void {
  const problem = socialCreditCodeProblem(id);
  if (problem) throw badInput(`Invalid institution ID "${id}": ${problem}`, problem, { argument: 'institutionId' });
}

export const Mutation: MutationResolvers = {
  applyForRepair: (_parent, args, ctx) => applyForRepair(ctx, args),
  startRepairReview: (_parent, args, ctx) => startRepairReview(ctx, args),
  decideRepair: (_parent, args, ctx) => decideRepair(ctx, args),

  fileObjection: (_parent, args, ctx) => fileObjection(ctx, args),
  startObjectionReview: (_parent, args, ctx) => startObjectionReview(ctx, args),
  decideObjection: (_parent, args, ctx) => decideObjection(ctx, args),

  recordsChanged: async (_parent, { personIds }, ctx) => {
    await recomputeJointPunishment(ctx.models, personIds, factsFromBureaus(ctx.peerUrl, ctx.internalSecret), ctx.log);
    return personIds.length;
  },

  grantConsent: async (_parent, { input }, ctx) => {
    const subjectId = ctx.principal.subjectId!;
    const today = todayInCity();
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
    const granteeInstitutionId = input.granteeInstitutionId.toUpperCase();
    const institution = await models(ctx).Institution.findById(granteeInstitutionId).lean().exec();
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
      await models(ctx).Consent.create(doc);
      return doc;
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        const existing = await models(ctx).Consent.findById(_id).lean().exec();
        if (existing) return existing;
      }
      return asBadInput(err);
    }
  },

  revokeConsent: async (_parent, { id }, ctx) => {
    const subjectId = ctx.principal.subjectId!;
    const revoked = await models(ctx)
      .Consent.findOneAndUpdate({ _id: id, subjectId, revokedAt: null }, { $set: { revokedAt: new Date() }, $inc: { version: 1 } }, { returnDocument: 'after' })
      .lean()
      .exec();
    if (revoked) return revoked;
    // Already revoked (a retry) is answered with the consent as it stands.
    const existing = await models(ctx).Consent.findOne({ _id: id, subjectId }).lean().exec();
    if (existing) return existing;
    throw badInput(`You have no consent ${id}`, 'unknown consent', { argument: 'id' });
  },

  appendQueryLog: async (_parent, { entries }, ctx) => {
    // Institutions are named as registered, never as some consent's text.
    const names = await registeredNames(
      models(ctx),
      entries.map((e) => e.institutionId).filter((id): id is string => Boolean(id)),
    );
    const at = new Date();
    const contents: QueryLogContent[] = entries.map((e) => ({
      personId: e.personId ?? null,
      subjects: e.subjects ?? [],
      actorRole: e.actorRole,
      actorId: e.actorId ?? null,
      institution: e.institutionId ? { id: e.institutionId, name: names.get(e.institutionId) ?? e.institutionId } : null,
      purpose: e.purpose ?? null,
      consentId: e.consentId ?? null,
      fieldGroups: e.fieldGroups,
      deniedFieldGroups: e.deniedFieldGroups ?? [],
      outcome: e.outcome,
      at,
    }));
    if (contents.some((c) => !c.personId && c.subjects?.length === 0)) throw badInput('Each entry names a person or the subjects of a batch', 'no person');
    return String(await queryLogWriter(models(ctx), ctx.log).append(contents));
  },

  registerInstitution: async (_parent, { id, name }, ctx) => {
    checkInstitutionId(id);
    if (name.trim().length < 2 || name.length > 100) throw badInput('An institution name has 2 to 100 characters', 'bad name', { argument: 'name' });
    const doc = await models(ctx)
      .Institution.findOneAndUpdate(
        { _id: id.toUpperCase() },
        { $set: { name: name.trim(), registeredBy: ctx.principal.org ?? 'reviewer' }, $setOnInsert: { registeredAt: new Date() } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean()
      .exec();
    forgetName(models(ctx), id.toUpperCase());
    return { id: doc!._id, name: doc!.name };
  },

  blacklistInstitution: async (_parent, { institutionId, reason }, ctx) => {
    checkInstitutionId(institutionId);
    if (!reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
    const since = new Date();
    const entry = await models(ctx)
      .InstitutionBlacklistEntry.findOneAndUpdate(
        { _id: institutionId.toUpperCase() },
        { $set: { reason, since, liftedAt: null, decidedBy: ctx.principal.org ?? 'reviewer' } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean()
      .exec();
    return entry!;
  },

  liftInstitutionBlacklist: async (_parent, { institutionId }, ctx) => {
    checkInstitutionId(institutionId);
    const lifted = await models(ctx)
      .InstitutionBlacklistEntry.findOneAndUpdate(
        { _id: institutionId.toUpperCase(), liftedAt: null },
        { $set: { liftedAt: new Date() } },
        { returnDocument: 'after' },
      )
      .lean()
      .exec();
    if (lifted) return lifted;
    const existing = await models(ctx).InstitutionBlacklistEntry.findById(institutionId.toUpperCase()).lean().exec();
    if (existing) return existing;
    throw codedError('BAD_USER_INPUT', `Institution ${institutionId} is not on the blacklist`, { reason: 'not blacklisted' });
  },
};
