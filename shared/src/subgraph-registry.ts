import path from 'node:path';

/**
 * The six sources, their default ports and where their SDL lives. The
 * compose script, `npm start`, the tests and docker-compose.yml all follow
 * this list; the gateway takes each URL from `SUBGRAPH_URL_<NAME>` when set.
 */
export interface SubgraphEntry {
  name: string;
  bureau: string;
  defaultPort: number;
  dir: string;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = Object.freeze([
  { name: 'public-security', bureau: 'PUBLIC_SECURITY', defaultPort: 4001, dir: 'subgraphs/public-security' },
  { name: 'education', bureau: 'EDUCATION', defaultPort: 4002, dir: 'subgraphs/education' },
  { name: 'tax', bureau: 'TAX', defaultPort: 4003, dir: 'subgraphs/tax' },
  { name: 'courts', bureau: 'COURTS', defaultPort: 4004, dir: 'subgraphs/courts' },
  { name: 'pboc', bureau: 'PBOC', defaultPort: 4005, dir: 'subgraphs/pboc' },
  { name: 'platform', bureau: 'PLATFORM', defaultPort: 4006, dir: 'subgraphs/platform' },
]);

export const GATEWAY_DEFAULT_PORT = 4000;

/** Environment variable that overrides a subgraph's URL at the gateway. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_URL_${name.toUpperCase().replaceAll('-', '_')}`;
}

/** Absolute path of a subgraph's schema.graphql. */
export function subgraphSchemaFile(repoRoot: string, entry: SubgraphEntry): string {
  return path.join(repoRoot, entry.dir, 'schema.graphql');
}
