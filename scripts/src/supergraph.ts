import { composeServices } from '@apollo/composition';
import { SUBGRAPHS, subgraphSdl } from '@credit/shared';
import { parse, printSchema } from 'graphql';

/** The subgraphs of the registry composed, as served at `host` on their default ports; throws naming every composition error. */
function composeRegistry(host: string) {
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
  return result;
}

/**
 * Composes the supergraph from the subgraphs' SDL files. The URLs written
 * into it are the local defaults; the gateway replaces them from
 * `SUBGRAPH_URL_<NAME>` at run time, so one composed file serves every
 * deployment.
 */
export function composeSupergraph(host = 'localhost'): string {
  return `# Composed by \`npm run compose\` from the source registry and each subgraph's SDL files; do not edit.\n${composeRegistry(host).supergraphSdl}\n`;
}

/**
 * The API schema of the supergraph: what a client of the gateway sees (the
 * federation's own types and `@inaccessible` parts removed), as
 * `graphql-js` prints it.
 */
export function apiSchemaSdl(): string {
  return printSchema(composeRegistry('localhost').schema.toAPISchema().toGraphQLJSSchema());
}
