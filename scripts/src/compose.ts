import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { parseCli, REPO_ROOT, runCli } from '@credit/shared';

import { COMPOSE_FILE, dockerComposeFile } from './compose-file';
import { composeSupergraph } from './supergraph';

const CLI = {
  command: 'npm run compose --',
  summary:
    'Writes what derives from the source registry and the subgraphs’ SDL: gateway/supergraph.graphql and docker-compose.yml (npm run check:generated fails when either is stale).',
  options: {},
} as const;

async function main(): Promise<void> {
  parseCli(CLI);
  const supergraph = path.join(REPO_ROOT, 'gateway', 'supergraph.graphql');
  writeFileSync(supergraph, composeSupergraph());
  writeFileSync(COMPOSE_FILE, await dockerComposeFile());
  for (const file of [supergraph, COMPOSE_FILE]) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

runCli(CLI, main);
