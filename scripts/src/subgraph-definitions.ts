import type { SubgraphDefinition } from '@credit/shared';
import { courtsSubgraph } from '@credit/subgraph-courts/dist/server';
import { educationSubgraph } from '@credit/subgraph-education/dist/server';
import { pbocSubgraph } from '@credit/subgraph-pboc/dist/server';
import { platformSubgraph } from '@credit/subgraph-platform/dist/server';
import { publicSecuritySubgraph } from '@credit/subgraph-public-security/dist/server';
import { taxSubgraph } from '@credit/subgraph-tax/dist/server';

/** Every subgraph definition by name (the names of shared's SUBGRAPHS registry). */
// The definitions' model and loader types differ per subgraph; callers only
// use the common surface (start, seed), so they are held as `unknown`.
export const SUBGRAPH_DEFINITIONS: Readonly<Record<string, SubgraphDefinition<unknown, unknown>>> = Object.freeze({
  'public-security': publicSecuritySubgraph as SubgraphDefinition<unknown, unknown>,
  education: educationSubgraph as SubgraphDefinition<unknown, unknown>,
  tax: taxSubgraph as SubgraphDefinition<unknown, unknown>,
  courts: courtsSubgraph as SubgraphDefinition<unknown, unknown>,
  pboc: pbocSubgraph as SubgraphDefinition<unknown, unknown>,
  platform: platformSubgraph as SubgraphDefinition<unknown, unknown>,
});
