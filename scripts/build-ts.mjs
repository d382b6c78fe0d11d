// Builds every TypeScript project of the repository: shared, each folder
// under subgraphs/ that has a tsconfig.json (a new department is found
// without being listed), the gateway, the scripts, the tests and the bench.
// `tsc --build` orders them by their references and rebuilds only what
// changed. With --clean, removes their outputs instead.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const subgraphs = readdirSync(path.join(root, 'subgraphs'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, 'subgraphs', d.name, 'tsconfig.json')))
  .map((d) => `subgraphs/${d.name}`)
  .sort();
const projects = ['shared', ...subgraphs, 'gateway', 'scripts', 'tests', 'bench'];
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const args = ['--build', ...(process.argv.includes('--clean') ? ['--clean'] : []), ...projects];
try {
  execFileSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
} catch {
  process.exit(1);
}
