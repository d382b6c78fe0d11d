import type { IngestKind } from '@credit/shared';

import type { Models } from './models';

/** The kinds of records the COURTS bureau writes, and how each is keyed. */
export function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    DEBTOR_LISTING: { model: models.DebtorListing, negative: true },
    ENFORCEMENT_CASE: { model: models.EnforcementCase },
    CONSUMPTION_RESTRICTION: { model: models.ConsumptionRestriction },
    COMPANY_REPRESENTATION: { model: models.CompanyRepresentation },
    COMPANY_DISHONESTY_RECORD: { model: models.CompanyDishonestyRecord, negative: true },
  };
}
