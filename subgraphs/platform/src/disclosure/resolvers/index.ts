import type { Resolvers } from '../../generated/graphql';
import { recordReads } from '../../query-log/record-reads';
import type { PublishedRecordDoc } from '../models/PublishedRecord';
import { publicView, readFeed, servedGroups } from '../published-records';

/** A page of the feed, logged before it is answered: every person on it, with the groups it showed of them. */
async function servedPage(page: Awaited<ReturnType<typeof readFeed>>, ctx: Parameters<typeof recordReads>[0]) {
  await recordReads(
    ctx,
    page.nodes.map((doc: PublishedRecordDoc) => doc.personId),
    servedGroups(page.nodes),
  );
  return { ...page, nodes: page.nodes.map(publicView) };
}

export const resolvers: Resolvers = {
  Query: {
    publishedPenalties: async (_parent, { filter, first, after }, ctx) => {
      const page = await servedPage(await readFeed(ctx.models, 'PENALTY', filter ?? {}, { first, after }), ctx);
      return {
        ...page,
        nodes: page.nodes.map((p) => ({
          ...p,
          category: p.category!,
          grade: p.grade as never,
          publishedUntil: p.publishedUntil!,
          decisionNumber: p.documentNumber,
          violationType: p.title,
          penaltyContent: p.content,
          department: p.department as never,
        })),
      };
    },
    publishedLicences: async (_parent, { filter, first, after }, ctx) => {
      const page = await servedPage(await readFeed(ctx.models, 'LICENCE', { ...filter, categories: null, keyFields: null }, { first, after }), ctx);
      return {
        ...page,
        nodes: page.nodes.map((p) => ({ ...p, certificateName: p.title, department: p.department as never })),
      };
    },
  },
};
