import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { loadPolicy, REPO_ROOT } from '@credit/shared';

import { accessMatrixMarkdown } from './access-matrix';

// npm run docs: regenerates docs/access-matrix.md from the policy.
const target = path.join(REPO_ROOT, 'docs', 'access-matrix.md');
writeFileSync(target, accessMatrixMarkdown(loadPolicy()));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
