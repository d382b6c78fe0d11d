import path from 'node:path';

import { defineDepartment, type IngestKind } from '@credit/shared';

import { createLoaders } from './loaders';
import { createModels, type Models } from './models';
import { resolvers } from './resolvers';
import { seed } from './seed';

/** The kinds of records the __CODE__ bureau writes (the values of `__Stem__RecordKind`), and how each is kept. */
function ingestKinds(models: Models): Record<string, IngestKind> {
  return {
    __CODE___RECORD: { model: models.Record, negative: true },
  };
}

/** The __name__ subgraph: __label__. */
export const definition = defineDepartment({
  name: '__name__',
  schemaFile: path.join(__dirname, '..', 'schema.graphql'),
  ingestKinds,
  createModels,
  createLoaders,
  resolvers,
  seed,
});
