import type { IngestKind } from '@credit/shared';

import type { Models } from './models';

/** The kinds of records the TAX bureau writes, and how each is keyed. */
export function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    TAX_CREDIT_RATING: { model: models.TaxCreditRating },
    TAX_ARREARS: { model: models.TaxArrears, negative: true },
    TAX_DISHONESTY_CASE: { model: models.TaxDishonestyCase, negative: true },
  };
}
