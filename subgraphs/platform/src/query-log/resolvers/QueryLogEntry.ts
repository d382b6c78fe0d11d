import { maskCitizenId, seesQueryLogInternals } from '@credit/shared';

import type { QueryLogEntryResolvers } from '../../generated/graphql';
import type { QueryLogEntryDoc } from '../models/QueryLogEntry';

/**
 * The caller an entry names, as shown to anyone but an auditor: a data
 * subject who looked someone up is another citizen, masked like any person
 * the reader may not see (operators and institutions are named as they are).
 */
export function shownActorId(doc: Pick<QueryLogEntryDoc, 'actorRole' | 'actorId'>): string | null {
  if (doc.actorRole === 'SUBJECT' && doc.actorId) return maskCitizenId(doc.actorId);
  return doc.actorId ?? null;
}

export const QueryLogEntry: QueryLogEntryResolvers = {
  id: (doc) => doc._id,
  sequence: (doc) => String(doc.sequence),
  actorId: (doc, _args, ctx) => (seesQueryLogInternals(ctx.principal) ? (doc.actorId ?? null) : shownActorId(doc)),
  deniedFieldGroups: (doc) => doc.deniedFieldGroups ?? [],
  // The hashes cover the unmasked caller: with them a subject could try the
  // few birth-date digits a mask hides until one hash matches. Only auditors,
  // who verify the chain and see callers unmasked anyway, get them.
  prevHash: (doc, _args, ctx) => (seesQueryLogInternals(ctx.principal) ? (doc.prevHash ?? null) : null),
  hash: (doc, _args, ctx) => (seesQueryLogInternals(ctx.principal) ? doc.hash : null),
};
