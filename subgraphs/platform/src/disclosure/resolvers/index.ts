import { doublePublicityTypeResolvers } from '@credit/shared';

import type { Resolvers } from '../../generated/graphql';
import { recordReads } from '../../query-log/record-reads';
import { pageOfPersonLicences, pageOfPersonPenalties, type PersonLicence, type PersonPenalty } from '../person-records';
import { publicListSearch } from '../public-search';
import { licenceView, penaltyView, readFeed, servedGroups } from '../published-records';
import { approveTypicalCase, draftTypicalCase, returnTypicalCase, reviseTypicalCase, typicalCases, viewCases, withdrawTypicalCase } from '../typical-cases';

/** A page of the feed, logged before it is answered: every person on it, with the groups it showed of them. */
async function logged<T extends Awaited<ReturnType<typeof readFeed>>>(page: T, ctx: Parameters<typeof recordReads>[0]): Promise<T> {
  await recordReads(
    ctx,
    page.nodes.map((doc) => doc.personId),
    servedGroups(page.nodes),
  );
  return page;
}

// Each record of the index knows the department it came from.
const recordTypes = doublePublicityTypeResolvers((doc) => (doc as PersonPenalty | PersonLicence).department);

export const resolvers: Resolvers = {
  Person: {
    administrativePenalties: async ({ id }, args, ctx) => pageOfPersonPenalties(await ctx.loaders.publishedRecordsByPerson.load(id), args, ctx.forwarded),
    administrativeLicences: async ({ id }, args, ctx) => pageOfPersonLicences(await ctx.loaders.publishedRecordsByPerson.load(id), args, ctx.forwarded),
  },
  AdministrativePenalty: recordTypes.AdministrativePenalty,
  AdministrativeLicence: recordTypes.AdministrativeLicence,
  PublishedPenaltyPage: { totalCount: (page) => page.totalCount() },
  PublishedLicencePage: { totalCount: (page) => page.totalCount() },
  Query: {
    publishedPenalties: async (_parent, { filter, first, after }, ctx) => {
      const page = await logged(await readFeed(ctx.models, 'PENALTY', filter ?? {}, { first, after }), ctx);
      return { ...page, nodes: page.nodes.map(penaltyView) };
    },
    publishedLicences: async (_parent, { filter, first, after }, ctx) => {
      const page = await logged(await readFeed(ctx.models, 'LICENCE', { ...filter, categories: null, keyFields: null }, { first, after }), ctx);
      return { ...page, nodes: page.nodes.map(licenceView) };
    },
    typicalCases: async (_parent, args, ctx) => typicalCases(ctx, args),
    publicListSearch: async (_parent, { query }, ctx) => publicListSearch(query, ctx),
  },
  Mutation: {
    draftTypicalCase: async (_parent, { input }, ctx) => (await viewCases(ctx, [await draftTypicalCase(ctx, input)]))[0],
    reviseTypicalCase: async (_parent, { id, input }, ctx) => (await viewCases(ctx, [await reviseTypicalCase(ctx, id, input)]))[0],
    approveTypicalCase: async (_parent, { id }, ctx) => (await viewCases(ctx, [await approveTypicalCase(ctx, id)]))[0],
    returnTypicalCase: async (_parent, { id, note }, ctx) => (await viewCases(ctx, [await returnTypicalCase(ctx, id, note)]))[0],
    withdrawTypicalCase: async (_parent, { id, note }, ctx) => (await viewCases(ctx, [await withdrawTypicalCase(ctx, id, note)]))[0],
  },
};
