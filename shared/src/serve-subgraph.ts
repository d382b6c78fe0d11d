import { ConfigError, startupProblems } from './config';
import { createLogger } from './logger';
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
// Checked before the definition loads: its models read the policy, which reads the configuration.
const problems = startupProblems(sourceEntry(name).kind === 'platform' ? 'platform' : 'subgraph');
if (problems.length) {
  createLogger({ service: name }).error(new ConfigError(problems).message);
  process.exit(2);
}
runSubgraphProcess(loadSubgraphDefinition(name), sourceEntry(name).defaultPort);
