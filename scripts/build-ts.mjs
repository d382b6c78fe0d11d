// Builds every TypeScript project of the repository: shared, each folder
// under subgraphs/ that has a tsconfig.json (a new department is found
// without being listed), the gateway, the portal's server, the scripts, the tests
// and the bench.
// `tsc --build` orders them by their references and rebuilds only what
// changed; outputs whose source is gone are removed first. With --clean,
// removes their outputs instead.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const subgraphs = readdirSync(path.join(root, 'subgraphs'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, 'subgraphs', d.name, 'tsconfig.json')))
  .map((d) => `subgraphs/${d.name}`)
  .sort();
const projects = ['shared', ...subgraphs, 'gateway', 'portal', 'scripts', 'tests', 'bench'];
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// tsc --build never removes an output whose source is gone: after a file
// becomes a folder (evaluation.ts -> evaluation/index.ts) the old
// dist/evaluation.js would still win `require('./evaluation')`. Every
// project compiles src/ to dist/, so an output without its source goes.
function removeOrphanOutputs(project) {
  const dist = path.join(root, project, 'dist');
  if (!existsSync(dist)) return;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        continue;
      }
      const stem = entry.name.match(/^(.*?)(\.d\.ts|\.js|\.js\.map|\.d\.ts\.map)$/)?.[1];
      if (!stem) continue;
      const source = path.join(root, project, 'src', path.relative(dist, dir), `${stem}.ts`);
      if (!existsSync(source)) rmSync(file);
    }
    if (dir !== dist && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
  };
  walk(dist);
}

const args = ['--build', ...(process.argv.includes('--clean') ? ['--clean'] : []), ...projects];
if (!process.argv.includes('--clean')) for (const project of projects) removeOrphanOutputs(project);
try {
  execFileSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
} catch {
  process.exit(1);
}
