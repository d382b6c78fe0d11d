import { bureauWriter, groupedLoader } from '@credit/shared';
import { allow } from 'graphql-shield';

import type { PlatformDomain } from '../domain';
import { ingestKinds } from './ingestion';
import { createPositiveRecordModels, type PositiveRecordModels } from './models';
import { CHARITY_RECORD_ORDER } from './models/CharityRecord';
import { PRACTICE_RECORD_ORDER } from './models/PracticeRecord';
import { RED_LIST_ORDER } from './models/RedListEntry';
import { REPAIR_TRAINING_ORDER } from './models/RepairTraining';
import { VOLUNTEER_RECORD_ORDER } from './models/VolunteerRecord';
import { resolvers } from './resolvers';
import { seedPositiveRecords } from './seed';

function createPositiveRecordLoaders(models: PositiveRecordModels) {
  return {
    redListByPerson: groupedLoader(models.RedListEntry, 'personId', RED_LIST_ORDER),
    practiceRecordsByPerson: groupedLoader(models.PracticeRecord, 'personId', PRACTICE_RECORD_ORDER),
    volunteerRecordsByPerson: groupedLoader(models.VolunteerRecord, 'personId', VOLUNTEER_RECORD_ORDER),
    charityRecordsByPerson: groupedLoader(models.CharityRecord, 'personId', CHARITY_RECORD_ORDER),
    repairTrainingsByPerson: groupedLoader(models.RepairTraining, 'personId', REPAIR_TRAINING_ORDER),
  };
}

/**
 * Positive records (方案 二(五)一, services for good credit): the red list of honours, key
 * professions' practice records, volunteer service and charity, and the
 * credit-repair courses people completed, which the platform ingests as the
 * PLATFORM bureau.
 */
export const positiveRecords: PlatformDomain<PositiveRecordModels, ReturnType<typeof createPositiveRecordLoaders>> = {
  name: 'positive-records',
  createModels: createPositiveRecordModels,
  createLoaders: createPositiveRecordLoaders,
  resolvers,
  // The honour roll is public: it serves people masked as the public sees them.
  permissions: { Query: { honourRoll: allow }, Mutation: { ingestPlatformRecords: bureauWriter('PLATFORM') } },
  ingestKinds,
  seed: seedPositiveRecords,
};
