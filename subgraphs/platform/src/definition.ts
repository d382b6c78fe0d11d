import { readdirSync } from 'node:fs';
import path from 'node:path';

import { rootQueryResolvers, scalarResolvers, subgraphModuleSchemaFile, type SubgraphDefinition } from '@credit/shared';

import type { Loaders, Models } from './context';
import { mergeIngestKinds, mergeLoaders, mergePermissions, mergeResolvers, mergeSeeds } from './domain';
import { DOMAINS } from './domains';
import type { Resolvers } from './generated/graphql';
import { createModels } from './models';

const ROOT = path.join(__dirname, '..');

/**
 * The SDL parts are read from the domains' folders (src/<domain>/schema.graphql,
 * by the shared rule that codegen and composition follow too): a folder with
 * a part that is not in the list, or a listed domain without one, would
 * serve types nobody resolves. Either stops the start.
 */
export function domainFolderProblems(subgraphRoot: string, listed: readonly string[]): string[] {
  const withSdl = readdirSync(path.join(subgraphRoot, 'src'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .filter((name) => subgraphModuleSchemaFile(subgraphRoot, name) !== null);
  return [
    ...withSdl.filter((name) => !listed.includes(name)).map((name) => `src/${name}/schema.graphql belongs to no domain of domains.ts`),
    ...listed.filter((name) => !withSdl.includes(name)).map((name) => `domain ${name} has no src/${name}/schema.graphql`),
  ];
}

const domainResolvers = mergeResolvers(DOMAINS);
const resolvers: Resolvers = { ...scalarResolvers, ...domainResolvers, Query: { ...rootQueryResolvers, ...domainResolvers.Query } };

export const definition: SubgraphDefinition<Models, Loaders> = {
  name: 'platform',
  bureau: 'PLATFORM',
  schemaFile: path.join(ROOT, 'schema.graphql'),
  resolvers,
  createModels,
  createLoaders: (models) => mergeLoaders(DOMAINS, models),
  seed: mergeSeeds(DOMAINS),
  ingestKinds: (models) => mergeIngestKinds(DOMAINS, models),
  permissions: mergePermissions(DOMAINS),
  checkConfiguration: () => {
    const problems = domainFolderProblems(
      ROOT,
      DOMAINS.map((d) => d.name),
    );
    if (problems.length) throw new Error(`The platform's domains and their folders disagree: ${problems.join('; ')}`);
    for (const d of DOMAINS) d.checkConfiguration?.();
  },
  onReady: (models, log) => {
    const stops = DOMAINS.map((d) => d.onReady?.(models, log)).filter((stop) => typeof stop === 'function');
    return () => {
      for (const stop of stops) stop();
    };
  },
};
