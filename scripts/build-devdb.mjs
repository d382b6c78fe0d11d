// Builds the embedded development database (tools/devdb, FerretDB v1.24.2 as a
// Go program of our own) into .devdb-bin/devdb when it is missing or older
// than its sources. Skipped when MONGODB_URI points at a real MongoDB.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'tools', 'devdb');
const binary = path.join(root, '.devdb-bin', 'devdb');

if (process.env.MONGODB_URI && !process.argv.includes('--force')) {
  console.log('build-devdb: MONGODB_URI is set, the embedded database is not needed');
  process.exit(0);
}

const newestSource = Math.max(...readdirSync(srcDir).map((f) => statSync(path.join(srcDir, f)).mtimeMs));
if (existsSync(binary) && statSync(binary).mtimeMs >= newestSource) process.exit(0);

console.log('build-devdb: building FerretDB wrapper (first build downloads modules, about a minute)');
try {
  execFileSync('go', ['build', '-trimpath', '-o', binary, '.'], {
    cwd: srcDir,
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0' },
  });
} catch (err) {
  console.error(`build-devdb: go build failed (${err.message}). Install Go 1.22+ or set MONGODB_URI to a MongoDB server.`);
  process.exit(1);
}
