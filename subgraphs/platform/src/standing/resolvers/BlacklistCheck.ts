import {
  callerMayCheckFor,
  checkCallerOf,
  CitizenIdError,
  codedError,
  measuresForPurpose,
  parseCitizenId,
  policy,
  rewardMeasuresFor,
  rewardMeasuresForPurpose,
  todayInCity,
} from '@credit/shared';

import type { Context } from '../../context';
import type { QueryResolvers } from '../../generated/graphql';
import { queryLogWriter } from '../../query-log/chain';
import { checkStanding, listingIndex, standingsOf } from '../listing-index';

/** The groups a check reads, as the query log records them. */
const CHECKED_GROUPS = ['joint_punishment', 'red_list'];
/** What a caller answered only for its scenario (a carrier) reads. */
const SCENARIO_GROUPS = ['joint_punishment'];

/** An answer that says nothing about the person. */
function unanswered(id: string) {
  return {
    id,
    listed: null,
    categories: null,
    measures: null,
    applicableMeasures: null,
    restricted: null,
    since: null,
    until: null,
    greenChannelEligible: null,
    greenChannelGrounds: null,
    rewardMeasures: null,
    applicableRewardMeasures: null,
    underObjection: null,
    statements: null,
    postponedUntil: null,
  };
}

/**
 * The blacklist check: internal systems get the answer and the measures,
 * never the records. Answers come from the in-memory listing index, brought
 * up to date first (from the database while the index loads after a
 * start); the check is logged here, where it is answered, as one entry
 * naming every valid ID, written while the index catches up and the answer
 * is made, which leaves only once the entry is stored. If the entry cannot
 * be written nothing is answered (MISSION rule 4, fail closed).
 */
export const blacklistCheck: QueryResolvers['blacklistCheck'] = async (_parent, { ids, purpose }, ctx: Context) => {
  const max = policy().limits.maxBlacklistCheckIds;
  if (ids.length > max) throw codedError('TOO_MANY_IDS', `blacklistCheck takes at most ${max} IDs, got ${ids.length}`, { max, argument: 'ids' });
  // The shield rule admitted only callers with a scope of the policy's callers.
  const caller = checkCallerOf(ctx.principal.scopes)!;
  if (!callerMayCheckFor(caller, purpose)) {
    const allowed = caller.purposes === 'ALL' ? [] : caller.purposes;
    throw codedError('FORBIDDEN', `Scope ${caller.scope} checks only for ${allowed.join(', ')}, not ${purpose}`, { argument: 'purpose', allowed });
  }
  const full = caller.answers === 'FULL';
  const parsed = ids.map((raw) => {
    try {
      return { raw, id: parseCitizenId(raw).id, error: null };
    } catch (err) {
      if (err instanceof CitizenIdError) return { raw, id: null, error: err.reason };
      throw err;
    }
  });
  const valid = [...new Set(parsed.map((p) => p.id).filter((id): id is string => id !== null))];
  if (valid.length > 0) {
    const logged = queryLogWriter(ctx.models, ctx.log).append([
      {
        personId: null,
        subjects: valid,
        // The shield rule admits only internal systems with a caller scope.
        actorRole: 'INTERNAL',
        actorId: ctx.principal.org ?? null,
        institution: null,
        purpose: null,
        checkPurpose: purpose,
        consentId: null,
        fieldGroups: full ? CHECKED_GROUPS : SCENARIO_GROUPS,
        outcome: 'SERVED',
        at: new Date(),
      },
    ]);
    // The answer is computed while the entry is written, and leaves only once it is stored.
    ctx.answerHolds.until(logged, (err) => {
      ctx.log.error('query log append failed; blacklist check not answered', { err });
      return codedError('QUERY_LOG_UNAVAILABLE', 'The check could not be recorded in the query log; nothing is answered. Retry later.');
    });
  }
  const index = listingIndex(ctx.models, ctx.log);
  const caughtUp = await index.catchUp();
  const today = todayInCity();
  // While the index (re)loads, the standings of these people come from the database.
  const fromDatabase = caughtUp ? null : new Map((await standingsOf(ctx.models, valid)).map((s) => [s.personId, s]));
  const answer = (id: string) => (fromDatabase ? checkStanding(id, fromDatabase.get(id), today) : index.check(id, today));
  return parsed.map(({ raw, id, error }) => {
    if (!id) return { ...unanswered(raw), valid: false, error };
    const standing = answer(id);
    const applicableMeasures = measuresForPurpose(purpose, standing.measures);
    const scenario = { applicableMeasures, restricted: applicableMeasures.length > 0 };
    // Joint reward (seed 二(五)一): the measures the person's green-channel groups open, and the purpose's share of them.
    const rewardMeasures = rewardMeasuresFor(standing.greenChannelGrounds);
    const reward = { rewardMeasures, applicableRewardMeasures: rewardMeasuresForPurpose(purpose, rewardMeasures) };
    if (full) return { id, valid: true, error: null, ...standing, ...scenario, ...reward };
    // A carrier learns whether the passenger may travel so, not why nor anything else.
    return { ...unanswered(id), valid: true, error: null, ...scenario };
  });
};
