import { createHash } from 'node:crypto';

import { badInput, codedError, socialCreditCodeProblem, todayInCity } from '@credit/shared';
import { Error as MongooseError } from 'mongoose';

import type { Context } from '../context';
import type { MutationResolvers } from '../generated/graphql';
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
    if (input.validUntil < input.validFrom) throw badInput('validUntil is before validFrom', 'empty validity window', { argument: 'validUntil' });
    if (input.validUntil < todayInCity()) throw badInput('validUntil is in the past', 'consent would never be valid', { argument: 'validUntil' });
    if (!input.idempotencyKey || input.idempotencyKey.length > 200) throw badInput('idempotencyKey must be 1 to 200 characters', 'bad idempotency key');
    // The id derives from the subject and the client's key: a retried grant
    // hits the same id and returns the consent made the first time.
    const _id = `CNS-${createHash('sha256').update(`${subjectId}|${input.idempotencyKey}`).digest('hex').slice(0, 24)}`;
    const doc: ConsentDoc = {
      _id,
      subjectId,
      granteeInstitutionId: input.granteeInstitutionId.toUpperCase(),
      granteeInstitutionName: input.granteeInstitutionName,
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
      if ((err as { code?: number }).code === 11000) {
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
    const consentIds = [...new Set(entries.map((e) => e.consentId).filter((id): id is string => Boolean(id)))];
    const consents = consentIds.length
      ? await models(ctx)
          .Consent.find({ _id: { $in: consentIds } })
          .lean()
          .exec()
      : [];
    const names = new Map(consents.map((c) => [c._id, c.granteeInstitutionName]));
    const at = new Date();
    const contents: QueryLogContent[] = entries.map((e) => ({
      personId: e.personId ?? null,
      subjects: e.subjects ?? [],
      actorRole: e.actorRole,
      actorId: e.actorId ?? null,
      institution: e.institutionId ? { id: e.institutionId, name: (e.consentId && names.get(e.consentId)) || e.institutionId } : null,
      purpose: e.purpose ?? null,
      consentId: e.consentId ?? null,
      fieldGroups: e.fieldGroups,
      outcome: e.outcome,
      at,
    }));
    if (contents.some((c) => !c.personId && c.subjects?.length === 0)) throw badInput('Each entry names a person or the subjects of a batch', 'no person');
    return String(await queryLogWriter(models(ctx), ctx.log).append(contents));
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
