import path from 'node:path';

import type { SubgraphDefinition } from '@credit/shared';

import { ingestKinds } from './ingestion';
import { createLoaders, type Loaders } from './loaders';
import { createModels, type Models } from './models';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The tax subgraph: tax-credit ratings, tax arrears, major tax-dishonesty cases. */
export const taxSubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'tax',
  bureau: 'TAX',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  resolvers: resolvers as never,
  createModels,
  createLoaders,
  seed,
  ingestKinds,
  permissions,
};
