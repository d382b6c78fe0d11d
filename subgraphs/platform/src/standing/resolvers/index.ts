import type { Resolvers } from '../../generated/graphql';
import { factsFromBureaus, recomputeJointPunishment } from '../joint-punishment';
import { publicListed } from '../public-lists';
import { effectiveStatus } from '../standing-rules';
import { blacklistCheck } from './BlacklistCheck';

export const resolvers: Resolvers = {
  Query: { blacklistCheck, publicListed: async (_parent, { ids }, ctx) => publicListed(ids, ctx) },
  Mutation: {
    recordsChanged: async (_parent, { personIds, bureau }, ctx) => {
      await recomputeJointPunishment(ctx.models, personIds, factsFromBureaus(ctx.peerUrl, ctx.internalSecret), { bureau: bureau ?? undefined, log: ctx.log });
      return personIds.length;
    },
  },
  Person: {
    jointPunishment: async ({ id }, _args, { loaders }) => {
      // Derived from the grounds in force today: a lapsed record leaves the list without a batch job.
      const { grounds: _grounds, underObjection: _flag, ...status } = effectiveStatus(await loaders.jointPunishmentById.load(id));
      return status;
    },
  },
};
