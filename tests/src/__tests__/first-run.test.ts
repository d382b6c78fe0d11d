import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { EXPLORER_DEFAULT_QUERY } from '@credit/gateway/dist/explorer';
import { curlCommand, DEMO_BANK, demoExamples, findDemoPeople } from '@credit/scripts/dist/demo';
import { seedPopulation } from '@credit/scripts/dist/seed-population';
import type { Stack } from '@credit/scripts/dist/stack';
import { config, REPO_ROOT } from '@credit/shared';

import { registerInstitution, startTestStack } from '../harness';

// What a newcomer runs first must answer without an error: every example
// of the README, run as written by bash (tokens from `npm run token`, curl
// against the gateway), the one query per role that `npm start` prints over
// the demo population, and the explorer's default query.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
  // The demo seed registers the bank the README's partner uses; so does this test.
  await registerInstitution(stack, { id: DEMO_BANK.id, name: DEMO_BANK.name });
});
afterAll(async () => {
  await stack?.stop();
});

/** The README's shell examples that query the API (```sh blocks with curl). */
function readmeExamples(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((block) => block.includes('curl '));
}

/** Every JSON answer a shell snippet printed. */
function answers(stdout: string): Json[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Json);
}

describe('the first queries of a newcomer', () => {
  const examples = readmeExamples();

  it('finds the README’s examples: the public, a subject, a partner under consent, a blacklist check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((block, i) => [i + 1, block] as const))('runs README example %i as written, without an error', async (_n, block) => {
    const gateway = new URL(stack.gateway.url);
    const script = `set -euo pipefail\n${block.replaceAll('localhost:4000', gateway.host)}`;
    // Asynchronously: the gateway answering curl runs in this process.
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    const printed = answers(stdout);
    expect(printed.length).toBe((block.match(/curl /g) ?? []).length);
    for (const answer of printed) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toBeDefined();
    }
  });

  describe('over the demo population npm start seeds', () => {
    let people: Awaited<ReturnType<typeof findDemoPeople>>;
    beforeAll(async () => {
      const uri = config().MONGODB_URI!;
      await seedPopulation({ mongoUri: uri, dbPrefix: stack.dbPrefix, people: config().DEMO_PEOPLE, seed: 2018 });
      people = await findDemoPeople({ uri, dbPrefix: stack.dbPrefix, seed: 2018, people: config().DEMO_PEOPLE });
    }, 300_000);

    it('finds a person of each kind the examples show', () => {
      expect(people.debtor).toMatch(/^\d{17}[\dX]$/);
      expect(people.redList).toMatch(/^\d{17}[\dX]$/);
      expect(people.penalty).toMatch(/^\d{17}[\dX]$/);
      expect(people.consented?.scopes).toContain('identity');
      expect(people.cleanAdult).not.toBe(people.debtor);
    });

    it('prints one query per role, each answering without an error', async () => {
      const printed = await demoExamples(people, '10m');
      expect(printed.map((e) => e.role)).toEqual(['public', 'subject', 'partner', 'internal', 'auditor']);
      for (const example of printed) {
        const { body } = await stack.query(example.query, {}, example.headers);
        expect({ role: example.role, errors: body.errors }).toEqual({ role: example.role, errors: undefined });
        expect(curlCommand(example, stack.gateway.url)).toContain(`curl -s ${stack.gateway.url}`);
      }
      const check = await stack.query(printed.find((e) => e.role === 'internal')!.query, {}, printed.find((e) => e.role === 'internal')!.headers);
      expect((check.body.data as Json).blacklistCheck).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: people.debtor, listed: true }),
          expect.objectContaining({ id: people.cleanAdult, listed: false, greenChannelGrounds: expect.arrayContaining(['CLEAN_YEARS']) }),
        ]),
      );
    });

    it('opens the explorer on a query the public is answered without an error', async () => {
      const { body } = await stack.query(EXPLORER_DEFAULT_QUERY, { id: people.debtor });
      expect(body.errors).toBeUndefined();
      expect((body.data as Json).person.jointPunishment.listed).toBe(true);
    });
  });
});
