import path from 'node:path';

import { defineDepartment, type IngestKind } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels, type Models } from './models';
import { resolvers } from './resolvers';
import { financialDisplayFacts } from './resolvers/FinancialRecords';
import { seed } from './seed';

/** The kinds of records the PBOC bureau writes, and how each is keyed. */
function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    LOANS_SUMMARY: { model: models.LoansSummary, keyedByPerson: true },
    FINANCIAL_RECORD: { model: models.FinancialRecord, negative: true, displayFacts: financialDisplayFacts },
  };
}

/** The pboc subgraph: loans summary and financial negative records from the credit reference system. */
export const definition = defineDepartment({
  name: 'pboc',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  ingestKinds,
  createModels,
  createLoaders,
  resolvers,
  seed,
});
