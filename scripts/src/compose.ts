import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '@credit/shared';

import { COMPOSE_FILE, dockerComposeFile } from './compose-file';
import { composeSupergraph } from './supergraph';

// `npm run compose` writes what derives from the source registry and the
// subgraphs' SDL: gateway/supergraph.graphql and docker-compose.yml
// (`npm run check:generated` fails when either is stale).
async function main(): Promise<void> {
  const supergraph = path.join(REPO_ROOT, 'gateway', 'supergraph.graphql');
  writeFileSync(supergraph, composeSupergraph());
  writeFileSync(COMPOSE_FILE, await dockerComposeFile());
  for (const file of [supergraph, COMPOSE_FILE]) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
