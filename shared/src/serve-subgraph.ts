import { runSubgraphProcess } from './subgraph';
import { loadSubgraphDefinition } from './subgraph-definitions';
import { sourceEntry } from './subgraph-registry';

/**
 * The process of one subgraph: `node shared/dist/serve-subgraph.js <name>`,
 * with PORT (else the registry's default port) and MONGODB_URI.
 */
const name = process.argv[2];
if (!name) {
  console.error('usage: node shared/dist/serve-subgraph.js <subgraph name of the source registry>');
  process.exit(2);
}
runSubgraphProcess(loadSubgraphDefinition(name), sourceEntry(name).defaultPort);
