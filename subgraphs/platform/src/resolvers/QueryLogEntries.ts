import { badInput, codedError, encodeCursor, maskCitizenId, pageSize } from '@credit/shared';

import type { QueryResolvers } from '../generated/graphql';

function sequenceFromCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const sequence = Number(text.startsWith('r:') ? text.slice(2) : NaN);
  if (!Number.isInteger(sequence) || sequence < 1) throw badInput(`Invalid cursor "${cursor}"`, 'cursor was not issued by this API', { argument: 'after' });
  return sequence;
}

/**
 * The log across people. Keyset pagination on `sequence` (newest first), so a
 * page never shifts as new reads are appended. A partner is held to its own
 * institution whatever it asks for, and sees IDs masked: the log tells it
 * which of its queries happened, not more about the people than it had.
 */
export const queryLogEntries: QueryResolvers['queryLogEntries'] = async (_parent, args, ctx) => {
  const { principal } = ctx;
  const filter: Record<string, unknown> = {};
  if (principal.role === 'partner') {
    if (args.institutionId && args.institutionId.toUpperCase() !== principal.org) {
      throw codedError('FORBIDDEN', 'A partner reads only the log of its own queries');
    }
    filter['institution.id'] = principal.org;
  } else if (args.institutionId) {
    filter['institution.id'] = args.institutionId.toUpperCase();
  }
  if (args.personId) filter.$or = [{ personId: args.personId }, { subjects: args.personId }];
  if (args.after) filter.sequence = { $lt: sequenceFromCursor(args.after) };
  const size = pageSize(args.first);
  const rows = await ctx.models.QueryLogEntry.find(filter)
    .sort({ sequence: -1 })
    .limit(size + 1)
    .lean()
    .exec();
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return {
    nodes: nodes.map((doc) => ({
      ...doc,
      sequence: String(doc.sequence),
      personIds: (doc.personId ? [doc.personId] : (doc.subjects ?? [])).map((id) => (principal.role === 'partner' ? maskCitizenId(id) : id)),
    })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(String(last.sequence)) : null },
  } as never;
};
