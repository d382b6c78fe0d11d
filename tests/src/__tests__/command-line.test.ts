import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, USAGE_ERROR_EXIT } from '@credit/shared';

// Every command-line tool of package.json (npm start, seed, token, import,
// verify-log, the generators and the benches) answers --help with its usage
// and exit 0 without doing its work, and a bad option with one line and a
// non-zero exit, never a stack trace.

const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const TOOLS = Object.entries(scripts)
  .map(([name, command]) => [name, /^node ((?:scripts|bench)\/dist\/[\w-]+\.js)$/.exec(command)?.[1]] as const)
  .filter((t): t is readonly [string, string] => t[1] !== undefined);

function run(script: string, args: string[]) {
  // No database and no services: a tool that started its work would fail or hang, not print its usage.
  return spawnSync(process.execPath, [path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, MONGODB_URI: 'mongodb://127.0.0.1:1/none', LOG_LEVEL: 'silent' },
  });
}

describe('the command-line tools', () => {
  it('are the eleven tools and six benches of package.json', () => {
    expect(TOOLS.map(([name]) => name).sort()).toEqual(
      [
        'add-department',
        'bench',
        'bench:blacklist',
        'bench:disclosure',
        'bench:import',
        'bench:peers',
        'bench:query-log',
        'check:generated',
        'codegen',
        'compose',
        'docs',
        'import',
        'republish',
        'seed',
        'start',
        'token',
        'verify-log',
      ].sort(),
    );
  });

  it.each(TOOLS)('%s prints its usage on --help and exits 0 without doing its work', (_name, script) => {
    const result = run(script, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm /);
    expect(result.stdout).toContain('--help');
    expect(result.stderr).toBe('');
  });

  it.each(TOOLS)('%s answers a bad option with one line and a non-zero exit', (_name, script) => {
    const result = run(script, ['--no-such-option']);
    expect(result.status).toBe(USAGE_ERROR_EXIT);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining("Unknown option '--no-such-option' (see --help)")]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers a bad value the same way', () => {
    const token = TOOLS.find(([name]) => name === 'token')![1];
    const result = run(token, ['--role', 'emperor']);
    expect(result.status).toBe(USAGE_ERROR_EXIT);
    expect(result.stderr).toBe(`npm run token: --role must be one of public, subject, partner, internal, bureau, reviewer, auditor (see --help)\n`);
  });
});
