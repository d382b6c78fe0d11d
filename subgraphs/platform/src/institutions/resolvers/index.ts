import { badInput, codedError, socialCreditCodeProblem } from '@credit/shared';

import type { Resolvers } from '../../generated/graphql';
import { forgetName } from '../names';
import { InstitutionBlacklistEntry } from './InstitutionBlacklistEntry';

function checkInstitutionId(id: string): void {
  const problem = socialCreditCodeProblem(id);
  if (problem) throw badInput(`Invalid institution ID "${id}": ${problem}`, problem, { argument: 'institutionId' });
}

export const resolvers: Resolvers = {
  Query: {
    institution: async (_parent, { id }, ctx) => {
      const doc = await ctx.models.Institution.findById(id.toUpperCase()).lean().exec();
      return doc ? { id: doc._id, name: doc.name } : null;
    },
  },
  Mutation: {
    registerInstitution: async (_parent, { id, name }, ctx) => {
      checkInstitutionId(id);
      if (name.trim().length < 2 || name.length > 100) throw badInput('An institution name has 2 to 100 characters', 'bad name', { argument: 'name' });
      const doc = await ctx.models.Institution.findOneAndUpdate(
        { _id: id.toUpperCase() },
        { $set: { name: name.trim(), registeredBy: ctx.principal.org ?? 'reviewer' }, $setOnInsert: { registeredAt: new Date() } },
        { upsert: true, returnDocument: 'after' },
      )
        .lean()
        .exec();
      forgetName(ctx.models, id.toUpperCase());
      return { id: doc!._id, name: doc!.name };
    },

    blacklistInstitution: async (_parent, { institutionId, reason }, ctx) => {
      checkInstitutionId(institutionId);
      if (!reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
      const since = new Date();
      const entry = await ctx.models.InstitutionBlacklistEntry.findOneAndUpdate(
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
      const lifted = await ctx.models.InstitutionBlacklistEntry.findOneAndUpdate(
        { _id: institutionId.toUpperCase(), liftedAt: null },
        { $set: { liftedAt: new Date() } },
        { returnDocument: 'after' },
      )
        .lean()
        .exec();
      if (lifted) return lifted;
      const existing = await ctx.models.InstitutionBlacklistEntry.findById(institutionId.toUpperCase()).lean().exec();
      if (existing) return existing;
      throw codedError('BAD_USER_INPUT', `Institution ${institutionId} is not on the blacklist`, { reason: 'not blacklisted' });
    },
  },
  InstitutionBlacklistEntry,
};
