import { codedError, maskCitizenId, seesQueryLogInternals, seesQueryLogSubjectsMasked } from '@credit/shared';

import type { QueryResolvers } from '../../generated/graphql';
import { logConnection, peopleOf, type LogReadKey } from '../log-index';
import { recordReads } from '../record-reads';
import { shownActorId } from './QueryLogEntry';

/**
 * The log across people, newest first, read from the log's index
 * (log-index.ts) a page at a time, with keyset cursors on the
 * position, so a page never shifts as new reads are appended. A partner is
 * held to its own institution whatever it asks for, and sees IDs masked:
 * the log tells it which of its queries happened, not more about the people
 * than it had.
 */
export const queryLogEntries: QueryResolvers['queryLogEntries'] = async (_parent, args, ctx) => {
  const { principal } = ctx;
  let institution = args.institutionId?.toUpperCase() ?? null;
  if (principal.role === 'partner') {
    if (institution && institution !== principal.org) throw codedError('FORBIDDEN', 'A partner reads only the log of its own queries');
    // The platform holds the blacklist: a blacklisted institution reads nothing, its own log included.
    if (await ctx.models.InstitutionBlacklistEntry.exists({ _id: principal.org, liftedAt: null })) {
      throw codedError('FORBIDDEN', `institution ${principal.org} is on the misconduct blacklist; its queries are refused`);
    }
    institution = principal.org!;
  }
  // The narrowest key answers; the other filter is applied to its entries.
  const key: LogReadKey = args.personId ? { kind: 'person', id: args.personId } : institution ? { kind: 'institution', id: institution } : { kind: 'all' };
  const page = await logConnection(ctx.models, key, args, args.personId && institution ? (entry) => entry.institution?.id === institution : undefined);
  // Whom each entry is about, served unmasked, is a read of those people's query log.
  if (!seesQueryLogSubjectsMasked(principal)) await recordReads(ctx, page.nodes.flatMap(peopleOf), ['query_log']);
  return {
    nodes: page.nodes.map((doc) => ({
      ...doc,
      sequence: String(doc.sequence),
      deniedFieldGroups: doc.deniedFieldGroups ?? [],
      // A partner learns which of its own queries happened, not more about the people than it had.
      personIds: peopleOf(doc).map((id) => (seesQueryLogSubjectsMasked(principal) ? maskCitizenId(id) : id)),
      actorId: seesQueryLogInternals(principal) ? doc.actorId : shownActorId(doc),
    })),
    pageInfo: page.pageInfo,
  };
};
