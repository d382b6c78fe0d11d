import { CitizenIdError, codedError, keysFilter, parseCitizenId, policy, todayInCity } from '@credit/shared';

import type { Context } from '../context';
import type { QueryResolvers } from '../generated/graphql';
import { effectiveStatus, greenChannelEligible } from '../joint-punishment';
import { redListEntryInForce } from '../models/RedListEntry';

/**
 * The blacklist check: one lookup per collection for all IDs of the call.
 * Internal systems get the answer and the measures, never the records.
 */
export const blacklistCheck: QueryResolvers['blacklistCheck'] = async (_parent, { ids }, ctx: Context) => {
  const max = policy().limits.maxBlacklistCheckIds;
  if (ids.length > max) throw codedError('TOO_MANY_IDS', `blacklistCheck takes at most ${max} IDs, got ${ids.length}`, { max, argument: 'ids' });
  const parsed = ids.map((raw) => {
    try {
      return { raw, id: parseCitizenId(raw).id, error: null };
    } catch (err) {
      if (err instanceof CitizenIdError) return { raw, id: null, error: err.reason };
      throw err;
    }
  });
  const valid = [...new Set(parsed.map((p) => p.id).filter((id): id is string => id !== null))];
  const { models } = ctx;
  const [statuses, volunteer, charity, redList] = valid.length
    ? await Promise.all([
        models.JointPunishmentStatus.find(keysFilter('_id', valid)).lean().exec(),
        models.VolunteerRecord.find(keysFilter('personId', valid), { personId: 1 }).lean().exec(),
        models.CharityRecord.find(keysFilter('personId', valid), { personId: 1 }).lean().exec(),
        models.RedListEntry.find(keysFilter('personId', valid)).lean().exec(),
      ])
    : [[], [], [], []];
  const statusById = new Map(statuses.map((s) => [s._id, s]));
  const good = new Set([
    ...volunteer.map((v) => v.personId),
    ...charity.map((c) => c.personId),
    ...redList.filter((r) => redListEntryInForce(r)).map((r) => r.personId),
  ]);
  const today = todayInCity();
  return parsed.map(({ raw, id, error }) => {
    if (!id)
      return {
        id: raw,
        valid: false,
        error,
        listed: null,
        categories: null,
        measures: null,
        since: null,
        until: null,
        greenChannelEligible: null,
        underObjection: null,
      };
    const doc = statusById.get(id) ?? null;
    const status = effectiveStatus(doc, today);
    return {
      id,
      valid: true,
      error: null,
      listed: status.listed,
      categories: status.categories,
      measures: status.measures,
      since: status.since,
      until: status.until,
      greenChannelEligible: !status.listed && greenChannelEligible(doc?.lastNegativeDecisionDate, good.has(id), today),
      underObjection: status.underObjection,
    };
  });
};
