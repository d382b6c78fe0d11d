import path from 'node:path';

import type { SubgraphDefinition } from '@credit/shared';

import { ingestKinds } from './ingestion';
import { createLoaders, type Loaders } from './loaders';
import { createModels, type Models } from './models';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The courts subgraph: dishonest judgment debtors, enforcement cases, consumption restrictions, company representations. */
export const courtsSubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'courts',
  bureau: 'COURTS',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  resolvers: resolvers as never,
  createModels,
  createLoaders,
  seed,
  ingestKinds,
  permissions,
};
