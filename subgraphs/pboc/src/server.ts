import path from 'node:path';

import type { SubgraphDefinition } from '@credit/shared';

import { ingestKinds } from './ingestion';
import { createLoaders, type Loaders } from './loaders';
import { createModels, type Models } from './models';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The pboc subgraph: loans summary and financial negative records from the credit reference system. */
export const pbocSubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'pboc',
  bureau: 'PBOC',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  resolvers: resolvers as never,
  createModels,
  createLoaders,
  seed,
  ingestKinds,
  permissions,
};
