import path from 'node:path';

import { REPO_ROOT } from './devdb';
import type { SubgraphDefinition } from './subgraph';
import { sourceEntry, subgraphDir, SUBGRAPHS } from './subgraph-registry';

/**
 * Every subgraph's definition is `definition` exported by its folder's
 * `src/definition.ts`, found from the source registry: the stack, `npm
 * start`, the seed and the tests load them by path, so no list of the
 * subgraphs' packages is kept anywhere.
 */
// The definitions' model and loader types differ per subgraph; callers only
// use the common surface (start, seed), so they are held as `unknown`.
export type AnySubgraphDefinition = SubgraphDefinition<unknown, unknown>;

/** File of a subgraph's built definition. */
export function subgraphDefinitionFile(name: string, repoRoot = REPO_ROOT): string {
  return path.join(repoRoot, subgraphDir(sourceEntry(name)), 'dist', 'definition.js');
}

/** The definition of a subgraph by its registry name (built: run `npm run build` first). */
export function loadSubgraphDefinition(name: string): AnySubgraphDefinition {
  const file = subgraphDefinitionFile(name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path from the registry, not by a package list
  const loaded = require(file) as { definition?: AnySubgraphDefinition };
  if (!loaded.definition) throw new Error(`${file} does not export \`definition\``);
  if (loaded.definition.name !== name) throw new Error(`${file} defines ${loaded.definition.name}, not ${name}`);
  return loaded.definition;
}

/** Every subgraph's definition, in registry order. */
export function loadSubgraphDefinitions(): Record<string, AnySubgraphDefinition> {
  return Object.fromEntries(SUBGRAPHS.map((s) => [s.name, loadSubgraphDefinition(s.name)]));
}
