import path from 'node:path';

import type { SubgraphDefinition } from '@credit/shared';

import { ingestKinds } from './ingestion';
import { listingIndex } from './listing-index';
import { createLoaders, type Loaders } from './loaders';
import { createModels, type Models } from './models';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { seed } from './seed';

/**
 * The platform subgraph: consents, the query log, the joint-punishment and
 * red lists, objections and repairs, positive records and the credit evaluation.
 */
export const platformSubgraph: SubgraphDefinition<Models, Loaders> = {
  name: 'platform',
  bureau: 'PLATFORM',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  resolvers: resolvers as never,
  createModels,
  createLoaders,
  seed,
  ingestKinds,
  permissions,
  // Loading the listing index reads whole collections: start it now rather
  // than at the first blacklist check (which the database answers meanwhile).
  onReady: (models, log) => void listingIndex(models, log).whenLoaded(),
};
