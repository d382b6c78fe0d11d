import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { loadPolicy, parseCli, REPO_ROOT, runCli } from '@credit/shared';

import { accessMatrixMarkdown } from './access-matrix';
import { errorCodesMarkdown } from './error-codes-doc';
import { keyFieldsMarkdown } from './key-fields-doc';
import { generatedReadme, README_FILE } from './readme-sections';

const CLI = {
  command: 'npm run docs --',
  summary:
    'Regenerates docs/access-matrix.md and docs/key-fields.md from the policy, docs/error-codes.md from the error registry, and the generated sections of README.md (the table of sources, the error codes, the environment).',
  options: {},
} as const;

async function main(): Promise<void> {
  parseCli(CLI);
  for (const [file, content] of [
    ['access-matrix.md', accessMatrixMarkdown(loadPolicy())],
    ['error-codes.md', errorCodesMarkdown()],
    ['key-fields.md', keyFieldsMarkdown(loadPolicy())],
  ] as const) {
    const target = path.join(REPO_ROOT, 'docs', file);
    writeFileSync(target, content);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
  writeFileSync(README_FILE, await generatedReadme());
  console.log(`wrote ${path.relative(process.cwd(), README_FILE)}`);
}

runCli(CLI, main);
