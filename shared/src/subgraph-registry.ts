import path from 'node:path';

/**
 * The six sources, their default ports and where their SDL lives. The
 * compose script, `npm start`, the tests and docker-compose.yml all follow
 * this list; the gateway takes each URL from `SUBGRAPH_URL_<NAME>` when set.
 */
export interface SubgraphEntry {
  name: string;
  bureau: string;
  /** Who holds the records, as the README's table of sources names them. */
  label: string;
  defaultPort: number;
  dir: string;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = Object.freeze([
  { name: 'public-security', bureau: 'PUBLIC_SECURITY', label: 'Public Security Bureau', defaultPort: 4001, dir: 'subgraphs/public-security' },
  { name: 'education', bureau: 'EDUCATION', label: 'Education & Sports Bureau', defaultPort: 4002, dir: 'subgraphs/education' },
  { name: 'tax', bureau: 'TAX', label: 'Tax Bureau', defaultPort: 4003, dir: 'subgraphs/tax' },
  { name: 'courts', bureau: 'COURTS', label: 'Intermediate Court', defaultPort: 4004, dir: 'subgraphs/courts' },
  { name: 'pboc', bureau: 'PBOC', label: 'PBoC Mianyang sub-branch', defaultPort: 4005, dir: 'subgraphs/pboc' },
  { name: 'platform', bureau: 'PLATFORM', label: 'credit-sharing platform', defaultPort: 4006, dir: 'subgraphs/platform' },
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
