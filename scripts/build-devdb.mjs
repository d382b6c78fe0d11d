// Builds the embedded development database (tools/devdb, FerretDB v1.24.2 as a
// Go program of our own) into .devdb-bin/devdb when it is missing or older
// than its sources; with --test, runs its Go tests instead. Skipped when
// MONGODB_URI points at a real MongoDB.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'tools', 'devdb');
const binary = path.join(root, '.devdb-bin', 'devdb');

if (process.env.MONGODB_URI && !process.argv.includes('--force')) {
  console.log('build-devdb: MONGODB_URI is set, the embedded database is not needed');
  process.exit(0);
}

if (process.argv.includes('--test')) {
  try {
    execFileSync('go', ['test', './...'], { cwd: srcDir, stdio: 'inherit', env: { ...process.env, CGO_ENABLED: '0' } });
  } catch (err) {
    console.error(`build-devdb: go test failed (${err.message})`);
    process.exit(1);
  }
  process.exit(0);
}

const overlayDir = path.join(srcDir, 'overlay');
const sources = [...readdirSync(srcDir).map((f) => path.join(srcDir, f)), ...readdirSync(overlayDir).map((f) => path.join(overlayDir, f))];
const newestSource = Math.max(...sources.map((f) => statSync(f).mtimeMs));
if (existsSync(binary) && statSync(binary).mtimeMs >= newestSource) process.exit(0);

console.log('build-devdb: building FerretDB wrapper (first build downloads modules, about a minute)');
try {
  const env = { ...process.env, CGO_ENABLED: '0' };
  // One FerretDB file is replaced by our patched copy (overlay/README.md):
  // the module is copied out of the read-only module cache, the file put in
  // place, and the build pointed at the copy through a generated go.mod.
  execFileSync('go', ['mod', 'download', 'github.com/FerretDB/FerretDB'], { cwd: srcDir, stdio: 'inherit', env });
  const ferretDir = execFileSync('go', ['list', '-m', '-f', '{{.Dir}}', 'github.com/FerretDB/FerretDB'], { cwd: srcDir, env }).toString().trim();
  const buildDir = path.dirname(binary);
  const patchedDir = path.join(buildDir, 'ferretdb-patched');
  mkdirSync(buildDir, { recursive: true });
  if (existsSync(patchedDir)) execFileSync('chmod', ['-R', 'u+w', patchedDir]);
  rmSync(patchedDir, { recursive: true, force: true });
  cpSync(ferretDir, patchedDir, { recursive: true });
  // The module cache is read-only; the copy must not be.
  execFileSync('chmod', ['-R', 'u+w', patchedDir]);
  const target = path.join(patchedDir, 'internal', 'backends', 'postgresql', 'query.go');
  rmSync(target, { force: true });
  copyFileSync(path.join(overlayDir, 'postgresql-query.go.src'), target);
  const modFile = path.join(buildDir, 'go.mod');
  writeFileSync(modFile, `${readFileSync(path.join(srcDir, 'go.mod'), 'utf8')}\nreplace github.com/FerretDB/FerretDB => ${patchedDir}\n`);
  copyFileSync(path.join(srcDir, 'go.sum'), path.join(buildDir, 'go.sum'));
  execFileSync('go', ['build', '-modfile', modFile, '-trimpath', '-o', binary, '.'], { cwd: srcDir, stdio: 'inherit', env });
} catch (err) {
  console.error(`build-devdb: go build failed (${err.message}). Install Go 1.22+ or set MONGODB_URI to a MongoDB server.`);
  process.exit(1);
}
