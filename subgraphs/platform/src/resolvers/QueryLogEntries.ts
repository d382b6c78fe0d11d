import { badInput, codedError, encodeCursor, maskCitizenId, pageSize } from '@credit/shared';

import type { QueryResolvers } from '../generated/graphql';
import { recordReads } from '../read-log';
import { shownActorId } from './QueryLogEntry';

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
    // The platform holds the blacklist: a blacklisted institution reads nothing, its own log included.
    if (await ctx.models.InstitutionBlacklistEntry.exists({ _id: principal.org, liftedAt: null })) {
      throw codedError('FORBIDDEN', `institution ${principal.org} is on the misconduct blacklist; its queries are refused`);
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
  const peopleOf = (doc: (typeof nodes)[number]) => (doc.personId ? [doc.personId] : (doc.subjects ?? []));
  // An auditor sees whom each entry is about, unmasked: that is a read of those people's query log.
  if (principal.role === 'auditor') await recordReads(ctx, nodes.flatMap(peopleOf), ['query_log']);
  return {
    nodes: nodes.map((doc) => ({
      ...doc,
      sequence: String(doc.sequence),
      deniedFieldGroups: doc.deniedFieldGroups ?? [],
      // A partner learns which of its own queries happened, not more about the people than it had.
      personIds: peopleOf(doc).map((id) => (principal.role === 'partner' ? maskCitizenId(id) : id)),
      actorId: principal.role === 'auditor' ? doc.actorId : shownActorId(doc),
    })),
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(String(last.sequence)) : null },
  } as never;
};
