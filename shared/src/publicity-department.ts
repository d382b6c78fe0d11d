import { defineDepartment } from './department';
import { REPO_ROOT } from './devdb';
import { seedDoublePublicity, type PublicityCatalogue } from './double-publicity-seed';
import type { SubgraphDefinition } from './subgraph';
import { sourceEntry, subgraphSchemaFile } from './subgraph-registry';

/**
 * The whole definition of a department whose only records are the
 * double-publicity ones (`publicityOnly` in the source registry): its
 * penalties and licences, their kinds, models, loaders, fields and seed all
 * come from defineDepartment and its catalogue; it has nothing of its own
 * to model, load or resolve. Its folder is its SDL header (the
 * `<Stem>RecordKind` enum the common part extends) and `src/publicity.ts`.
 */
export function doublePublicityDepartment(name: string, publicity: PublicityCatalogue): SubgraphDefinition<Record<string, never>, Record<string, never>> {
  const entry = sourceEntry(name);
  if (!entry.doublePublicity || !entry.publicityOnly)
    throw new Error(`${name}: only a publicityOnly, doublePublicity department of the source registry is defined from its catalogue alone`);
  return defineDepartment({
    name,
    schemaFile: subgraphSchemaFile(REPO_ROOT, entry),
    ingestKinds: () => ({}),
    createModels: () => ({}),
    createLoaders: () => ({}),
    resolvers: {},
    seed: (models, people, seed) => seedDoublePublicity(name, publicity, models, people, seed),
    publicity,
  });
}
