import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { GATEWAY_NODE_FLAGS, loadPolicy, parseCli, REPO_ROOT, runCli } from '@credit/shared';

import { accessMatrixMarkdown } from './access-matrix';
import { codegenFiles, codegenOutputs } from './codegen';
import { COMPOSE_FILE, dockerComposeFile } from './compose-file';
import { errorCodesMarkdown } from './error-codes-doc';
import { keyFieldsMarkdown } from './key-fields-doc';
import { generatedReadme, README_FILE } from './readme-sections';
import { composeSupergraph } from './supergraph';

/**
 * Fails when a generated file differs from what its sources produce now:
 * gateway/supergraph.graphql and docker-compose.yml (npm run compose), the
 * docs and README sections (npm run docs), and every codegen output — typed
 * resolvers and typed service calls (npm run codegen). Runs before the tests.
 */
const CLI = {
  command: 'npm run check:generated --',
  summary:
    'Fails (exit 1) when a generated file differs from what its sources make now: supergraph, docker-compose.yml, codegen.yml and its outputs, docs, README sections. Runs before the tests.',
  options: {},
} as const;

async function main(): Promise<number> {
  parseCli(CLI);
  const stale: string[] = [];
  const supergraphFile = path.join(REPO_ROOT, 'gateway', 'supergraph.graphql');
  if (readFileSync(supergraphFile, 'utf8') !== composeSupergraph()) stale.push('gateway/supergraph.graphql (run `npm run compose`)');
  if (readFileSync(COMPOSE_FILE, 'utf8') !== (await dockerComposeFile())) stale.push('docker-compose.yml (run `npm run compose`)');
  // The image's default command is written by hand: it must run the gateway as everywhere else.
  const gatewayCommand = `CMD ${JSON.stringify(['node', ...GATEWAY_NODE_FLAGS, 'gateway/dist/index.js']).replace(/","/g, '", "')}`;
  if (!readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8').includes(gatewayCommand)) stale.push(`Dockerfile (its CMD must be ${gatewayCommand})`);
  const matrixFile = path.join(REPO_ROOT, 'docs', 'access-matrix.md');
  if (!existsSync(matrixFile) || readFileSync(matrixFile, 'utf8') !== accessMatrixMarkdown(loadPolicy()))
    stale.push('docs/access-matrix.md (run `npm run docs`)');
  const keyFieldsFile = path.join(REPO_ROOT, 'docs', 'key-fields.md');
  if (!existsSync(keyFieldsFile) || readFileSync(keyFieldsFile, 'utf8') !== keyFieldsMarkdown(loadPolicy()))
    stale.push('docs/key-fields.md (run `npm run docs`)');
  const errorsFile = path.join(REPO_ROOT, 'docs', 'error-codes.md');
  if (!existsSync(errorsFile) || readFileSync(errorsFile, 'utf8') !== errorCodesMarkdown()) stale.push('docs/error-codes.md (run `npm run docs`)');
  const readme = readFileSync(README_FILE, 'utf8');
  if (readme !== (await generatedReadme(readme))) stale.push('README.md: its generated sections (run `npm run docs`)');

  // codegen.yml and the schema files it names first: the outputs are made by running the committed codegen.yml.
  const configStale = codegenFiles().filter(
    ({ filename, content }) => !existsSync(path.resolve(REPO_ROOT, filename)) || readFileSync(path.resolve(REPO_ROOT, filename), 'utf8') !== content,
  );
  stale.push(...configStale.map(({ filename }) => `${filename} (run \`npm run codegen\`)`));
  const outputs = configStale.length ? [] : await codegenOutputs();
  for (const { filename, content } of outputs) {
    let current = '';
    try {
      current = readFileSync(path.resolve(REPO_ROOT, filename), 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== content) stale.push(`${filename} (run \`npm run codegen\`)`);
  }
  if (stale.length) {
    console.error(`Generated files are stale:\n${stale.map((s) => `  - ${s}`).join('\n')}`);
    return 1;
  }
  console.log(
    `generated files are up to date (supergraph, docker-compose.yml, access matrix, key fields, error codes, README sections, ${outputs.length} codegen targets)`,
  );
  return 0;
}

runCli(CLI, main);
