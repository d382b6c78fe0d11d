import { paginate, seesGreenChannelEligibility, visibleConsents } from '@credit/shared';

import { evaluate } from '../evaluation';
import type { PersonResolvers } from '../generated/graphql';
import { redListEntryInForce } from '../models/RedListEntry';
import { effectiveStatus, greenChannelEligible } from '../standing-rules';

const byId = (doc: { _id: string }) => doc._id;

export const Person: PersonResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  consents: async ({ id }, args, { loaders, principal }) => {
    const consents = await loaders.consentsBySubject.load(id);
    return paginate(visibleConsents(principal, consents), args, byId);
  },
  // Read from the log's index, newest first, one page at a time (query-log-index.ts).
  queryLog: async ({ id }, args, { loaders }) => loaders.queryLogPages.load({ id, first: args.first, after: args.after }),
  jointPunishment: async ({ id }, _args, { loaders }) => {
    // Derived from the grounds in force today: a lapsed record leaves the list without a batch job.
    const { grounds: _grounds, underObjection: _flag, ...status } = effectiveStatus(await loaders.jointPunishmentById.load(id));
    return status;
  },
  redList: async ({ id }, _args, { loaders, principal }) => {
    const [entries, facts, volunteer, charity] = await Promise.all([
      loaders.redListByPerson.load(id),
      loaders.jointPunishmentById.load(id),
      loaders.volunteerRecordsByPerson.load(id),
      loaders.charityRecordsByPerson.load(id),
    ]);
    const onRedList = entries.some((entry) => redListEntryInForce(entry));
    const hasGoodRecords = onRedList || volunteer.length > 0 || charity.length > 0;
    const eligible = greenChannelEligible(facts, hasGoodRecords);
    return { onRedList, entries, greenChannelEligible: seesGreenChannelEligibility(principal, id, onRedList) ? eligible : null };
  },
  objections: async ({ id }, args, { loaders }) => paginate(await loaders.objectionsByPerson.load(id), args, byId),
  notifications: async ({ id }, args, { loaders }) => paginate(await loaders.notificationsByPerson.load(id), args, byId),
  repairs: async ({ id }, args, { loaders }) => paginate(await loaders.repairsByPerson.load(id), args, byId),
  practiceRecords: async ({ id }, args, { loaders }) => paginate(await loaders.practiceRecordsByPerson.load(id), args, byId),
  volunteerRecords: async ({ id }, args, { loaders }) => paginate(await loaders.volunteerRecordsByPerson.load(id), args, byId),
  charityRecords: async ({ id }, args, { loaders }) => paginate(await loaders.charityRecordsByPerson.load(id), args, byId),
  // Computed when read from the facts held for the person, so records that
  // left their display window since the last change no longer count.
  creditEvaluation: async ({ id }, _args, { loaders }) => {
    const [facts, volunteer, charity, redList] = await Promise.all([
      loaders.jointPunishmentById.load(id),
      loaders.volunteerRecordsByPerson.load(id),
      loaders.charityRecordsByPerson.load(id),
      loaders.redListByPerson.load(id),
    ]);
    return { _id: id, ...evaluate(facts?.negatives ?? [], volunteer, charity, redList) };
  },
};
