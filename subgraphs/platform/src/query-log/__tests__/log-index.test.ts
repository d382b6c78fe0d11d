import { isDuplicateKeyError, KEYS_PER_LOOKUP, makeCitizenId, scratchDatabase } from '@credit/shared';

import { createModels, type Models } from '../../models';
import { entryHash, QueryLogWriter, verifyQueryLog, type QueryLogContent } from '../chain';
import { announcePages, belongsTo, countLog, knownRows, MAX_SUBJECTS_PER_ENTRY, PAGE_SPAN, PAGES_PER_SPAN, readLog, type LogReadKey } from '../log-index';
import type { QueryLogEntryDoc } from '../models/QueryLogEntry';

// The log's index against the plain definition of each key's log, on a
// log long enough to span many pages, with entries written before the index
// existed and checks of more people than one entry holds.

let scratch: Awaited<ReturnType<typeof scratchDatabase<Models>>> | undefined;
let models: Models;
const people = Array.from({ length: 40 }, (_, i) => makeCitizenId('510703', '1980-01-01', i));
const banks = ['91510700MA62T4K8XA', '91510703MA6AB2R51B', '91510700MA68K3WQ2C'];
let all: QueryLogEntryDoc[] = [];

const read = (i: number, person: string, bank: string | null): QueryLogContent => ({
  personId: person,
  actorRole: bank ? 'PARTNER' : 'AUDITOR',
  actorId: bank ?? 'audit',
  institution: bank ? { id: bank, name: bank } : null,
  purpose: bank ? 'LOAN' : null,
  consentId: null,
  fieldGroups: ['tax'],
  outcome: 'SERVED',
  at: new Date(Date.UTC(2026, 10, 25, 8, 0, i % 60)),
});

beforeAll(async () => {
  scratch = await scratchDatabase('qlogindex', 1, createModels);
  models = scratch.models[0]!;
  // Ten entries from before the index: written as the old platform wrote them.
  let prevHash: string | null = null;
  for (let s = 1; s <= 10; s++) {
    const content = { ...read(s, people[s % 3]!, s % 2 ? banks[0]! : null), subjects: [], sequence: s, prevHash };
    const hash = entryHash(content);
    await scratch.conns[0]!.db!.collection('query_log').insertOne({ _id: `legacy-${s}` as never, ...content, hash });
    prevHash = hash;
  }
  await models.QueryLogHead.create({ _id: 'head', sequence: 10, hash: prevHash });
  const writer = new QueryLogWriter(models);
  // Person 0 is read rarely (sparse across pages); the first bank often.
  for (let i = 0; i < 1400; i += 20) {
    const batch = Array.from({ length: 20 }, (_, k) => i + k).map((n) =>
      read(n, people[n % 97 === 0 ? 0 : 1 + (n % 39)]!, n % 3 === 0 ? banks[n % 7 === 0 ? 1 : 0]! : null),
    );
    await writer.append(batch);
  }
  // A blacklist check of every person: one content, several entries.
  await writer.append([{ ...read(0, people[0]!, null), personId: null, subjects: people, actorRole: 'INTERNAL', checkPurpose: 'LICENSING' }]);
  all = (await models.QueryLogEntry.find({}).sort({ sequence: -1 }).lean().exec()) as QueryLogEntryDoc[];
}, 120_000);
afterAll(async () => {
  await scratch?.dispose();
});

async function pages(key: LogReadKey, size: number): Promise<number[]> {
  const seen: number[] = [];
  let before: number | undefined;
  for (let n = 0; n < 1000; n++) {
    const page = await readLog(models, key, { size, before });
    seen.push(...page.nodes.map((e) => e.sequence));
    if (!page.hasNextPage) break;
    before = page.nodes[page.nodes.length - 1]!.sequence;
  }
  return seen;
}

describe('reading the query log by key', () => {
  it('spans many pages and stays one valid chain', async () => {
    expect(all.length).toBeGreaterThan(4 * PAGE_SPAN);
    const verification = await verifyQueryLog(models);
    expect(verification.problems).toEqual([]);
    expect(verification.notes).toEqual(['entries 1..10 predate sealing; the hash chain and the seals after them cover them']);
  });

  it('splits a check of many people into entries of at most MAX_SUBJECTS_PER_ENTRY', () => {
    const check = all.filter((e) => e.checkPurpose === 'LICENSING');
    expect(check.length).toBe(Math.ceil(people.length / MAX_SUBJECTS_PER_ENTRY));
    expect(check.flatMap((e) => e.subjects)).toEqual(expect.arrayContaining(people));
  });

  const keys: [string, LogReadKey][] = [
    ['the whole log', { kind: 'all' }],
    ['a busy institution', { kind: 'institution', id: banks[0]! }],
    ['a sparse institution', { kind: 'institution', id: banks[1]! }],
    ['a sparse person (with entries from before the index)', { kind: 'person', id: people[0]! }],
    ['a busy person', { kind: 'person', id: people[2]! }],
  ];
  it.each(keys)('gives %s page by page exactly as the plain filter does, newest first', async (_name, key) => {
    const expected = all.filter((e) => belongsTo(e, key)).map((e) => e.sequence);
    expect(expected.length).toBeGreaterThan(0);
    expect(await pages(key, key.kind === 'all' ? 60 : 7)).toEqual(expected);
    expect(await countLog(models, key)).toBe(expected.length);
  });

  it('finds nothing for a key with no entries', async () => {
    expect(await readLog(models, { kind: 'person', id: makeCitizenId('510781', '1999-09-09', 1) }, { size: 5 })).toEqual({ nodes: [], hasNextPage: false });
  });
});

describe('announcing pages', () => {
  it('inserts only the directory rows not stored yet, even when this process remembers none of them', async () => {
    const stored = await models.QueryLogPage.find({}).limit(50).lean().exec();
    expect(stored.length).toBe(50);
    // More rows than one lookup takes (a 10,000-ID check names 10,000 people).
    const missing = Array.from({ length: 2 * KEYS_PER_LOOKUP + 200 }, (_, n) => ({ _id: `announce-test-${n}`, key: `announce-test-key-${n}`, page: n }));
    const inserts = jest.spyOn(models.QueryLogPage.collection, 'insertMany');
    const lookups = jest.spyOn(models.QueryLogPage, 'find');
    try {
      // A process that has just started (or cleared what it remembers) announces rows another wrote long ago.
      const known = knownRows();
      await announcePages(models, [...stored, ...missing], known);
      expect(lookups).toHaveBeenCalledTimes(3);
      expect(inserts).toHaveBeenCalledTimes(1);
      expect((inserts.mock.calls[0]![0] as unknown as { _id: string }[]).map((r) => r._id)).toEqual(missing.map((r) => r._id));
      expect(await models.QueryLogPage.countDocuments({ _id: { $in: missing.map((r) => r._id) } })).toBe(missing.length);
      // Rows all stored: no insert at all.
      await announcePages(models, stored, knownRows());
      expect(inserts).toHaveBeenCalledTimes(1);
      // Rows remembered: not even a lookup.
      lookups.mockClear();
      await announcePages(models, [...stored, ...missing], known);
      expect(lookups).not.toHaveBeenCalled();
      // The rows of a span just begun: none of the first slice stored, the rest not looked up.
      const newSpan = missing.map((r) => ({ ...r, _id: `${r._id}-next-span` }));
      await announcePages(models, newSpan, knownRows());
      expect(lookups).toHaveBeenCalledTimes(1);
      expect(inserts).toHaveBeenCalledTimes(2);
      expect(await models.QueryLogPage.countDocuments({ _id: { $in: newSpan.map((r) => r._id) } })).toBe(newSpan.length);
    } finally {
      inserts.mockRestore();
      lookups.mockRestore();
    }
  });
});

describe('the directory rows a process remembers', () => {
  it('keeps the rows used last when more pass through than it holds', () => {
    const known = knownRows();
    known.set('a span row in use', true);
    known.set('a span row of long ago', true);
    for (let i = 0; i < 100_000; i++) {
      known.set(`row ${i}`, true);
      if (i % 10_000 === 0) known.get('a span row in use');
    }
    expect(known.get('a span row in use')).toBe(true);
    expect(known.get('a span row of long ago')).toBeUndefined();
    expect(known.get('row 99999')).toBe(true);
    expect(known.size).toBe(100_000);
  });
});

describe('reading across spans of the directory', () => {
  it('walks the spans of a key newest first', async () => {
    const spread = await scratchDatabase('qlogspans', 1, createModels);
    try {
      const m = spread.models[0]!;
      await new QueryLogWriter(m).append(Array.from({ length: 30 }, (_, n) => read(n, people[n % 2]!, banks[0]!)));
      // The next writes land one directory span further on (positions in between stay empty).
      // (The writer moves the stored head after it answers: set it from the entries themselves.)
      const [last] = await m.QueryLogEntry.find({}).sort({ sequence: -1 }).limit(1).lean().exec();
      // The writer's own move may insert the head at the same moment: an
      // upsert that loses that race fails with E11000 and, tried again, updates.
      const jumpHead = () =>
        spread.conns[0]!.db!.collection('query_log_head').updateOne(
          { _id: 'head' as never },
          { $set: { sequence: last!.sequence + PAGE_SPAN * PAGES_PER_SPAN, hash: last!.hash } },
          { upsert: true },
        );
      await jumpHead().catch((err: unknown) => {
        if (!isDuplicateKeyError(err)) throw err;
        return jumpHead();
      });
      await new QueryLogWriter(m).append(Array.from({ length: 30 }, (_, n) => read(n, people[n % 2]!, banks[0]!)));
      const entries = (await m.QueryLogEntry.find({}).sort({ sequence: -1 }).lean().exec()) as QueryLogEntryDoc[];
      const firstSpan = Math.floor(Math.floor((entries[entries.length - 1]!.sequence - 1) / PAGE_SPAN) / PAGES_PER_SPAN);
      const lastSpan = Math.floor(Math.floor((entries[0]!.sequence - 1) / PAGE_SPAN) / PAGES_PER_SPAN);
      expect(lastSpan).toBeGreaterThan(firstSpan);
      for (const key of [{ kind: 'person', id: people[0]! }, { kind: 'institution', id: banks[0]! }, { kind: 'all' }] as LogReadKey[]) {
        const walked: number[] = [];
        let before: number | undefined;
        for (let n = 0; n < 20; n++) {
          const page = await readLog(m, key, { size: 4, before });
          walked.push(...page.nodes.map((e) => e.sequence));
          if (!page.hasNextPage) break;
          before = page.nodes[page.nodes.length - 1]!.sequence;
        }
        expect(walked).toEqual(entries.filter((e) => belongsTo(e, key)).map((e) => e.sequence));
      }
    } finally {
      await spread.dispose();
    }
  });
});
