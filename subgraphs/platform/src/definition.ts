import path from 'node:path';

import type { SubgraphDefinition } from '@credit/shared';

import { ingestKinds } from './ingestion';
import { listingIndex } from './listing-index';
import { createLoaders, type Loaders } from './loaders';
import { createModels, type Models } from './models';
import { permissions } from './permissions';
import { startCheckpointer } from './query-log';
import { queryLogSigningKey } from './query-log-seal';
import { resolvers } from './resolvers';
import { seed } from './seed';

/**
 * The platform subgraph: consents, the query log, the joint-punishment and
 * red lists, objections and repairs, positive records and the credit evaluation.
 */
export const definition: SubgraphDefinition<Models, Loaders> = {
  name: 'platform',
  bureau: 'PLATFORM',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  resolvers,
  createModels,
  createLoaders,
  seed,
  ingestKinds,
  permissions,
  // The query log cannot be sealed without the platform key: refuse to start.
  checkConfiguration: () => void queryLogSigningKey(),
  onReady: (models, log) => {
    // Loading the listing index reads whole collections: start it now rather
    // than at the first blacklist check (which the database answers meanwhile).
    void listingIndex(models, log).whenLoaded();
    return startCheckpointer(models, log);
  },
};
