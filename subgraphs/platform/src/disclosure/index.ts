import { allow } from 'graphql-shield';

import type { PlatformDomain } from '../domain';
import { reviewer } from '../rules';
import { createDisclosureModels, type DisclosureModels } from './models';
import { personRowsLoader, personRowsOnlyLoader } from './person-records';
import { upgradePublishedRecords } from './published-records';
import { resolvers } from './resolvers';

/**
 * Disclosure (二(一)三, 二(五)三): what 信用中国（四川绵阳） publishes of the
 * departments' records — the 双公示 feed of penalties and licences — from
 * the platform's published-records index, which the departments keep
 * current with their credit facts (published-records.ts); a person's
 * penalties and licences of every department from the same index
 * (person-records.ts); and the typical cases reviewers draw from it
 * (typical-cases.ts).
 */
function createDisclosureLoaders(models: DisclosureModels) {
  // The rows alone serve what needs only whether a record is published (the public-list check); one read of them serves both.
  const publishedRowsByPerson = personRowsOnlyLoader(models);
  return { publishedRecordsByPerson: personRowsLoader(models, publishedRowsByPerson), publishedRowsByPerson };
}

export const disclosure: PlatformDomain<DisclosureModels, ReturnType<typeof createDisclosureLoaders>> = {
  name: 'disclosure',
  createModels: createDisclosureModels,
  createLoaders: createDisclosureLoaders,
  resolvers,
  // Public reads serve people only masked as the public sees them, and log every page.
  permissions: {
    Query: { publishedPenalties: allow, publishedLicences: allow, typicalCases: allow, publicListSearch: allow },
    Mutation: {
      draftTypicalCase: reviewer,
      reviseTypicalCase: reviewer,
      approveTypicalCase: reviewer,
      returnTypicalCase: reviewer,
      withdrawTypicalCase: reviewer,
    },
  },
  onReady: (models, log) => {
    upgradePublishedRecords(models, log).catch((err: unknown) => log.error('bringing published records to the current shape failed', { err }));
  },
};
