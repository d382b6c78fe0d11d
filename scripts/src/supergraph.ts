import { composeServices } from '@apollo/composition';
import { SUBGRAPHS, subgraphSdl } from '@credit/shared';
import { parse } from 'graphql';

/**
 * Composes the supergraph from the subgraphs' SDL files. The URLs written
 * into it are the local defaults; the gateway replaces them from
 * `SUBGRAPH_URL_<NAME>` at run time, so one composed file serves every
 * deployment.
 */
export function composeSupergraph(host = 'localhost'): string {
  const result = composeServices(
    SUBGRAPHS.map((entry) => ({
      name: entry.name,
      url: `http://${host}:${entry.defaultPort}/graphql`,
      typeDefs: parse(subgraphSdl(entry)),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return `# Composed by \`npm run compose\` from the source registry and each subgraph's SDL files; do not edit.\n${result.supergraphSdl}\n`;
}
