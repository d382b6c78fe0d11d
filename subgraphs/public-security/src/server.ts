import path from 'node:path';

import type { SubgraphDefinition } from '@credit/shared';

import { ingestKinds } from './ingestion';
import { createLoaders, type Loaders } from './loaders';
import { createModels, type Models } from './models';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The public-security subgraph: population base, real-name registrations, violations. */
export const publicSecuritySubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'public-security',
  bureau: 'PUBLIC_SECURITY',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  resolvers: resolvers as never,
  createModels,
  createLoaders,
  seed,
  ingestKinds,
  permissions,
};
