import { codedError, logActorId, logActorRole } from '@credit/shared';

import type { Context } from '../context';
import { queryLogWriter } from './chain';
import type { QueryActorRole } from './models/QueryLogEntry';

/**
 * Reads of people's data that the platform answers outside `Person` (the
 * query log across people, overdue cases) are logged here, where they are
 * answered, before the answer leaves (MISSION rule 4): one entry naming
 * every person of the page. The gateway logs what it serves under `Person`;
 * this covers what it cannot see as a person. If the entry cannot be
 * written, nothing is answered.
 */
export async function recordReads(ctx: Context, personIds: readonly string[], fieldGroups: string[]): Promise<void> {
  const { principal } = ctx;
  // Nobody but the person is logged; the person reading their own cases is not.
  const others = [...new Set(personIds)].filter((id) => !(principal.role === 'subject' && principal.subjectId === id));
  if (others.length === 0) return;
  try {
    await queryLogWriter(ctx.models, ctx.log).append([
      {
        personId: others.length === 1 ? others[0]! : null,
        subjects: others.length === 1 ? [] : others,
        actorRole: logActorRole(principal.role) as QueryActorRole,
        actorId: logActorId(principal),
        institution: null,
        purpose: null,
        consentId: null,
        fieldGroups,
        outcome: 'SERVED',
        at: new Date(),
      },
    ]);
  } catch (err) {
    ctx.log.error('query log append failed; answer withheld', { err });
    throw codedError('QUERY_LOG_UNAVAILABLE', 'The read could not be recorded in the query log; nothing is answered. Retry later.');
  }
}
