import path from 'node:path';

import { defineDepartment, type IngestKind } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels, type Models } from './models';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The kinds of records the TAX bureau writes, and how each is keyed. */
function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    TAX_CREDIT_RATING: { model: models.TaxCreditRating },
    TAX_ARREARS: { model: models.TaxArrears, negative: true },
    TAX_DISHONESTY_CASE: { model: models.TaxDishonestyCase, negative: true },
  };
}

/** The tax subgraph: tax-credit ratings, tax arrears, major tax-dishonesty cases. */
export const definition = defineDepartment({
  name: 'tax',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  ingestKinds,
  createModels,
  createLoaders,
  resolvers,
  seed,
});
