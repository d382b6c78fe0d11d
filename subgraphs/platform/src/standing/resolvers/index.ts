import type { Resolvers } from '../../generated/graphql';
import { companiesFromDepartments, factsFromBureaus, recomputeJointPunishment } from '../joint-punishment';
import { publicListed } from '../public-lists';
import { effectiveStatus } from '../standing-rules';
import { blacklistCheck } from './BlacklistCheck';

export const resolvers: Resolvers = {
  Query: { blacklistCheck, publicListed: async (_parent, { ids }, ctx) => publicListed(ids, ctx) },
  Mutation: {
    recordsChanged: async (_parent, { personIds, bureau, companies }, ctx) => {
      const facts = factsFromBureaus(ctx.peerUrl, ctx.internalSecret);
      const companySource = companiesFromDepartments(ctx.peerUrl, ctx.internalSecret);
      await recomputeJointPunishment(ctx.models, personIds, facts, { bureau: bureau ?? undefined, companies: companySource, log: ctx.log });
      // Everyone any department records responsible for a company whose listing changed, from every department:
      // the writer's own facts may not know them, nor their stored status their offices elsewhere.
      const named = new Set(personIds);
      const officers = companies?.length ? [...(await companySource(companies)).values()].flatMap((c) => c.officerIds).filter((id) => !named.has(id)) : [];
      await recomputeJointPunishment(ctx.models, officers, facts, { companies: companySource, log: ctx.log });
      return named.size + new Set(officers).size;
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
