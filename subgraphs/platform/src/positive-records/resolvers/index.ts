import { ingestionResolver, paginate, seesGreenChannelEligibility } from '@credit/shared';

import type { Resolvers } from '../../generated/graphql';
import { greenChannelGrounds } from '../../standing/standing-rules';
import { honourRoll } from '../honour-roll';
import { ingestKinds } from '../ingestion';
import { redListEntryInForce } from '../models/RedListEntry';
import { CharityRecord } from './CharityRecord';
import { PracticeRecord } from './PracticeRecord';
import { RedListEntry } from './RedListEntry';
import { RepairTraining } from './RepairTraining';
import { VolunteerRecord } from './VolunteerRecord';

const byId = (doc: { _id: string }) => doc._id;

export const resolvers: Resolvers = {
  Query: { honourRoll: async (_parent, args, ctx) => honourRoll(args, ctx) },
  Mutation: { ingestPlatformRecords: ingestionResolver('PLATFORM', ingestKinds) },
  Person: {
    redList: async ({ id }, _args, { loaders, principal }) => {
      const [entries, facts, volunteer, charity] = await Promise.all([
        loaders.redListByPerson.load(id),
        loaders.jointPunishmentById.load(id),
        loaders.volunteerRecordsByPerson.load(id),
        loaders.charityRecordsByPerson.load(id),
      ]);
      const onRedList = entries.some((entry) => redListEntryInForce(entry));
      const hasGoodRecords = onRedList || volunteer.length > 0 || charity.length > 0;
      const grounds = greenChannelGrounds(id, facts, hasGoodRecords);
      const seen = seesGreenChannelEligibility(principal, id, onRedList);
      return { onRedList, entries, greenChannelEligible: seen ? grounds.length > 0 : null, greenChannelGrounds: seen ? grounds : null };
    },
    practiceRecords: async ({ id }, args, { loaders }) => paginate(await loaders.practiceRecordsByPerson.load(id), args, byId),
    volunteerRecords: async ({ id }, args, { loaders }) => paginate(await loaders.volunteerRecordsByPerson.load(id), args, byId),
    charityRecords: async ({ id }, args, { loaders }) => paginate(await loaders.charityRecordsByPerson.load(id), args, byId),
    repairTrainings: async ({ id }, args, { loaders }) => paginate(await loaders.repairTrainingsByPerson.load(id), args, byId),
  },
  RedListEntry,
  PracticeRecord,
  VolunteerRecord,
  CharityRecord,
  RepairTraining,
};
