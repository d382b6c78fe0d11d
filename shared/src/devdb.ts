import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { config } from './config';

/**
 * Starts the embedded development database (.devdb-bin/devdb: FerretDB
 * v1.24.2 over the local PostgreSQL) and resolves with its MongoDB URI.
 * The child watches its stdin: when this process dies the pipe closes and
 * the database stops with it.
 */
export interface DevDb {
  uri: string;
  stop(): Promise<void>;
}

export interface DevDbOptions {
  /** PostgreSQL database that stores the data (created when missing). */
  postgresDatabase?: string;
  backend?: 'postgresql' | 'sqlite';
  sqliteDir?: string;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const BINARY = path.join(REPO_ROOT, '.devdb-bin', 'devdb');

/** The server's URL naming `database`, its parameters kept (`?host=/var/run/postgresql` reaches it over its Unix socket). */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Starts devdb; fails with a message naming the fix when it cannot. */
export function startDevDb(options: DevDbOptions = {}): Promise<DevDb> {
  if (!existsSync(BINARY)) return Promise.reject(new Error(`${BINARY} is missing: run \`npm run build:devdb\` (needs Go) or set MONGODB_URI`));
  const backend = options.backend ?? 'postgresql';
  return spawnDevDb(
    backend === 'postgresql'
      ? ['-backend', backend, '-postgresql-url', withDatabase(config().DEVDB_POSTGRESQL_URL, options.postgresDatabase ?? 'credit_dev')]
      : ['-backend', backend, '-sqlite-dir', options.sqliteDir ?? path.join(REPO_ROOT, '.devdb-data')],
  );
}

function spawnDevDb(args: string[]): Promise<DevDb> {
  const child = spawn(BINARY, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 50) stderr.shift();
  });

  return new Promise<DevDb>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`devdb did not start within 30 s: ${stderr.join('')}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`devdb exited with code ${code} before it was ready: ${stderr.join('').trim()}`));
    });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('MONGODB_URI=')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const uri = line.slice('MONGODB_URI='.length);
      resolve({
        uri,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.stdin.end();
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
