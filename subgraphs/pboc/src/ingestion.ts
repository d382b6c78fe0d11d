import type { IngestKind } from '@credit/shared';

import type { Models } from './models';
import { financialDisplayFacts } from './resolvers/FinancialRecords';

/** The kinds of records the PBOC bureau writes, and how each is keyed. */
export function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    LOANS_SUMMARY: { model: models.LoansSummary, keyedByPerson: true },
    FINANCIAL_RECORD: { model: models.FinancialRecord, negative: true, displayFacts: financialDisplayFacts },
  };
}
