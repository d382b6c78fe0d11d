import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '@credit/shared';

import { composeSupergraph } from './supergraph';

// `npm run compose` writes gateway/supergraph.graphql; `--check` fails when
// the committed file is stale (CI).
const target = path.join(REPO_ROOT, 'gateway', 'supergraph.graphql');
const check = process.argv.includes('--check');

try {
  const sdl = composeSupergraph();
  if (check) {
    const current = readFileSync(target, 'utf8');
    if (current !== sdl) {
      console.error('gateway/supergraph.graphql is stale: run `npm run compose` and commit it');
      process.exit(1);
    }
    console.log('gateway/supergraph.graphql is up to date');
  } else {
    writeFileSync(target, sdl);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
