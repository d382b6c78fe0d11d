import { addDays, loadPolicy, makeCitizenId, policy, Rng, scratchDatabase, setPolicyForProcess, type Logger } from '@credit/shared';

import { createModels, type Models } from '../../models';
import { announceFeedDays, fileInFeed, readFeedPage, shardOf } from '../feed-index';
import type { PublishedRecordDoc } from '../models/PublishedRecord';
import { feedChanged, lookupKeysOf, readFeed, removePublishedRecords, upgradePublishedRecords, type PublicationFilter } from '../published-records';

let scratch: Awaited<ReturnType<typeof scratchDatabase<Models>>> | undefined;
let models: Models;
let otherProcess: Models;

const TODAY = '2026-12-06';
const BUREAUS = ['TAX', 'HEALTH', 'MARKET_REGULATION'] as const;
const AREAS = ['510703', '510704', '510781'];
const CATEGORIES = ['FOOD_SAFETY_VIOLATION', 'TAX_VIOLATION', null];

/** A published record of the index as the platform writes it, without its lookup keys. */
function record(n: number, rng: Rng): Omit<PublishedRecordDoc, 'lookupKeys'> {
  const kind = n % 5 === 0 ? 'LICENCE' : 'PENALTY';
  const bureau = BUREAUS[n % BUREAUS.length]!;
  const category = kind === 'PENALTY' ? CATEGORIES[n % CATEGORIES.length]! : null;
  const decisionDate = addDays(TODAY, -rng.int(-3, 200));
  const personId = makeCitizenId(AREAS[rng.int(0, AREAS.length - 1)]!, '1980-01-01', n % 900);
  return {
    _id: `${bureau}:${kind}:R-${String(n).padStart(4, '0')}`,
    kind,
    bureau,
    recordId: `R-${n}`,
    personId,
    areaCode: personId.slice(0, 6),
    category,
    keyField: category === 'FOOD_SAFETY_VIOLATION' ? 'FOOD_SAFETY' : null,
    grade: category ? 'GENERAL' : null,
    decisionDate,
    // Some past their publicity period, some open-ended, some withheld.
    publishedUntil: n % 7 === 0 ? addDays(TODAY, -rng.int(0, 30)) : n % 11 === 0 ? null : addDays(TODAY, rng.int(1, 400)),
    withheld: n % 13 === 0,
    underObjection: false,
    counterpartName: '欧阳明远',
    authority: '绵阳市执法局',
    documentNumber: `绵罚〔2026〕${n}号`,
    title: '违法经营',
    content: '警告',
    statement: null,
    updatedAt: new Date(),
  };
}

const rng = new Rng(7);
const records = Array.from({ length: 400 }, (_, n) => record(n, rng));

/** What the feed must list: the records published on TODAY that pass the filter, newest first (within a day by shard, then id). */
function expected(kind: string, filter: PublicationFilter): string[] {
  const any = (values: readonly string[] | null | undefined, value: string | null) => !values?.length || values.includes(value ?? '');
  return records
    .filter(
      (r) =>
        r.kind === kind &&
        !r.withheld &&
        r.decisionDate <= TODAY &&
        (r.publishedUntil === null || r.publishedUntil > TODAY) &&
        (!filter.decidedFrom || r.decisionDate >= filter.decidedFrom) &&
        (!filter.decidedTo || r.decisionDate <= filter.decidedTo) &&
        any(filter.departments, r.bureau) &&
        any(filter.categories, r.category) &&
        any(filter.keyFields, r.keyField) &&
        any(filter.areaCodes, r.areaCode),
    )
    .sort((a, b) =>
      a.decisionDate !== b.decisionDate ? (a.decisionDate < b.decisionDate ? 1 : -1) : shardOf(a._id) - shardOf(b._id) || (a._id < b._id ? -1 : 1),
    )
    .map((r) => r._id);
}

/** Every page of the feed, followed by its cursors. */
async function walk(kind: 'PENALTY' | 'LICENCE', filter: PublicationFilter, first: number): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 500; pages++) {
    const page: Awaited<ReturnType<typeof readFeed>> = await readFeed(models, kind, filter, { first, after }, TODAY);
    ids.push(...page.nodes.map((n) => n._id));
    expect(page.nodes.length).toBeLessThanOrEqual(first);
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
  throw new Error('the feed did not end');
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

beforeAll(async () => {
  scratch = await scratchDatabase('feed', 2, createModels);
  [models, otherProcess] = scratch.models as [Models, Models];
  // Half written as the platform writes them; half as rows from before the lookup keys (or their shape), and
  // with the department's record in the row (null in rows from before it was gathered), upgraded at start.
  const [keyed, legacy] = [records.filter((_, n) => n % 2 === 0), records.filter((_, n) => n % 2 === 1)];
  await announceFeedDays(models, keyed, new Set());
  await fileInFeed(
    models,
    keyed.map((r) => ({ before: null, after: r })),
  );
  await models.PublishedRecord.insertMany(keyed.map((r) => ({ ...r, lookupKeys: lookupKeysOf(r) })));
  // Some with keys of an earlier shape (the feed's buckets among them, before the feed had buckets of its own).
  await models.PublishedRecord.collection.insertMany(
    legacy.map((r, n) => ({
      ...r,
      lookupKeys: n % 3 === 0 ? [`${r.kind}/*/${r.decisionDate}`] : [`${r.kind}/areaCode:${r.areaCode}/${r.decisionDate}`, ...lookupKeysOf(r)],
      record: n % 4 === 0 ? null : { _id: r.recordId, decisionDate: r.decisionDate },
    })) as never[],
  );
  await upgradePublishedRecords(models, silent);
}, 120_000);
afterAll(async () => {
  await scratch?.dispose();
});

/** A penalty of its own, shown (published, not withheld), of a person of `areaCode`. */
function shownPenalty(
  n: number,
  seed: number,
  fields: { _id: string; bureau: (typeof BUREAUS)[number]; decisionDate: string; areaCode: string },
): Omit<PublishedRecordDoc, 'lookupKeys'> {
  return {
    ...record(n, new Rng(seed)),
    ...fields,
    publishedUntil: null,
    withheld: false,
    personId: makeCitizenId(fields.areaCode, '1980-01-01', n),
  };
}

/** Writes a row as the platform does, but without raising the index's version (as a write still under way would leave it). */
async function writeBehindTheVersion(row: Omit<PublishedRecordDoc, 'lookupKeys'>): Promise<void> {
  await announceFeedDays(models, [row], new Set());
  await fileInFeed(models, [{ before: null, after: row }]);
  await models.PublishedRecord.collection.insertOne({ ...row, lookupKeys: lookupKeysOf(row) } as never);
}

describe('the 双公示 feed read from its day buckets', () => {
  it.each<[string, 'PENALTY' | 'LICENCE', PublicationFilter, number]>([
    ['every penalty, pages of 7', 'PENALTY', {}, 7],
    ['every licence, one page', 'LICENCE', {}, 100],
    ['one department', 'PENALTY', { departments: ['TAX'] }, 5],
    ['two counties and a department (the counties lead)', 'PENALTY', { areaCodes: ['510703', '510781'], departments: ['HEALTH', 'TAX'] }, 4],
    ['a category and a key field', 'PENALTY', { categories: ['FOOD_SAFETY_VIOLATION'], keyFields: ['FOOD_SAFETY'] }, 3],
    ['a decision-date range across months', 'PENALTY', { decidedFrom: addDays(TODAY, -120), decidedTo: addDays(TODAY, -30) }, 6],
    ['a value no record has', 'PENALTY', { areaCodes: ['510700'] }, 5],
  ])('lists %s exactly as the published records stand, newest first, with no record twice or missed', async (_name, kind, filter, first) => {
    const want = expected(kind, filter);
    // Each case but the last has records to list.
    expect(want.length > 0).toBe(!filter.areaCodes?.includes('510700'));
    expect(await walk(kind, filter, first)).toEqual(want);
    const page = await readFeed(models, kind, filter, { first: 0 }, TODAY);
    expect(await page.totalCount()).toBe(want.length);
  });

  it('brings rows written before the lookup keys, their shape or the record’s detail to this version once, and says so in the directory', async () => {
    const docs = await models.PublishedRecord.find().lean<PublishedRecordDoc[]>();
    expect(docs).toHaveLength(records.length);
    for (const doc of docs) {
      expect(doc.lookupKeys).toEqual(expect.arrayContaining(lookupKeysOf(doc)));
      expect(doc).not.toHaveProperty('record');
    }
    // The records the legacy rows carried, each in its row's detail.
    const details = await models.PublishedRecordDetail.find().lean();
    const carried = records.filter((_, n) => n % 2 === 1).filter((_, n) => n % 4 !== 0);
    expect(details.map((d) => d._id).sort()).toEqual(carried.map((r) => r._id).sort());
    expect(details.find((d) => d._id === carried[0]!._id)?.record).toEqual({ _id: carried[0]!.recordId, decisionDate: carried[0]!.decisionDate });
    expect(await models.FeedDirectory.countDocuments({ _id: /^migration:/ })).toBe(1);
  });

  it('keeps every day two processes announce at once in the same lists', async () => {
    const days = Array.from({ length: 40 }, (_, n) => addDays('2031-03-31', -n));
    const of = (day: string) => ({ kind: 'PENALTY' as const, decisionDate: day, bureau: 'TAX' as const, category: null, keyField: null, areaCode: '510703' });
    await Promise.all([
      announceFeedDays(models, days.filter((_, n) => n % 2 === 0).map(of), new Set()),
      announceFeedDays(otherProcess, days.filter((_, n) => n % 2 === 1).map(of), new Set()),
    ]);
    const listed = async (id: string) => ((await models.FeedDirectory.findById(id).lean())?.at ?? []).sort();
    expect(await listed('PENALTY/bureau:TAX')).toEqual(expect.arrayContaining(['2031-03', '2031-02']));
    expect(await listed('PENALTY/areaCode:510703#2031-03')).toEqual(days.filter((d) => d.startsWith('2031-03')).sort());
  });

  it('keeps the rows two processes file into one bucket at once, and moves a row whose day and county changed out of its old buckets', async () => {
    const base = { ...record(950, new Rng(11)), kind: 'PENALTY' as const, bureau: 'HEALTH' as const, category: null, keyField: null, withheld: false };
    const day = addDays(TODAY, -5);
    const rows = Array.from({ length: 40 }, (_, n) => ({ ...base, _id: `HEALTH:PENALTY:MOVE.$${n}`, decisionDate: day, publishedUntil: null }));
    await announceFeedDays(models, rows, new Set());
    await Promise.all([
      fileInFeed(
        models,
        rows.filter((_, n) => n % 2 === 0).map((after) => ({ before: null, after })),
        new Set(),
      ),
      fileInFeed(
        otherProcess,
        rows.filter((_, n) => n % 2 === 1).map((after) => ({ before: null, after })),
        new Set(),
      ),
    ]);
    const inFeed = async (filter: PublicationFilter) =>
      (await walk('PENALTY', { decidedFrom: addDays(TODAY, -60), ...filter }, 100)).filter((id) => id.startsWith('HEALTH:PENALTY:MOVE'));
    await feedChanged(models);
    expect((await inFeed({ departments: ['HEALTH'] })).sort()).toEqual(rows.map((r) => r._id).sort());
    // One row moves to another day and county: it leaves every bucket of the old ones, in every dimension.
    const moved = { ...rows[0]!, decisionDate: addDays(TODAY, -40), areaCode: '510781' };
    await announceFeedDays(models, [moved], new Set());
    await fileInFeed(models, [{ before: rows[0]!, after: moved }]);
    await feedChanged(models);
    expect(await inFeed({ areaCodes: [rows[0]!.areaCode], decidedFrom: day })).not.toContain(moved._id);
    expect(await inFeed({ areaCodes: ['510781'] })).toContain(moved._id);
    expect((await inFeed({})).filter((id) => id === moved._id)).toHaveLength(1);
    await fileInFeed(
      models,
      [moved, ...rows.slice(1)].map((before) => ({ before, after: null })),
    );
    await feedChanged(models);
    expect(await inFeed({})).toEqual([]);
  });

  // The embedded FerretDB decodes every record it counts, so 400 take well over a millisecond; a real
  // MongoDB counts them within one, and the bound is not reached there.
  it('serves the page but not a count that takes longer than its bound', async () => {
    const info = await scratch!.conns[0]!.db!.admin().command({ buildInfo: 1 });
    if (!('ferretdbVersion' in info)) return;
    const saved = policy();
    setPolicyForProcess({ ...structuredClone(loadPolicy()), timeouts: { ...saved.timeouts, feedCountMs: 1 } });
    try {
      const page = await readFeed(models, 'PENALTY', {}, { first: 5 }, TODAY);
      expect(page.nodes).toHaveLength(5);
      await expect(page.totalCount()).rejects.toMatchObject({ extensions: { code: 'COUNT_TIMED_OUT' } });
    } finally {
      setPolicyForProcess(saved);
    }
  });

  it('serves a page it read again only while no row of the index changed since', async () => {
    const first = await readFeed(models, 'PENALTY', { areaCodes: ['510704'] }, { first: 50 }, TODAY);
    // A row written behind the platform's back (no version raised): the page read before is served again.
    const row = shownPenalty(901, 9, { _id: 'TAX:PENALTY:R-NEWEST', bureau: 'TAX', decisionDate: TODAY, areaCode: '510704' });
    await writeBehindTheVersion(row);
    const again = await readFeed(models, 'PENALTY', { areaCodes: ['510704'] }, { first: 50 }, TODAY);
    expect(again.nodes.map((n) => n._id)).toEqual(first.nodes.map((n) => n._id));
    // Once the version moves (as every write of the platform does after it), the page is read anew, here and in another process.
    await feedChanged(otherProcess);
    const fresh = await readFeed(models, 'PENALTY', { areaCodes: ['510704'] }, { first: 50 }, TODAY);
    expect(first.nodes.map((n) => n._id)).not.toContain(row._id);
    expect(fresh.nodes.map((n) => n._id)).toContain(row._id);
    await removePublishedRecords(models, [row._id]);
    expect((await readFeed(models, 'PENALTY', { areaCodes: ['510704'] }, { first: 50 }, TODAY)).nodes.map((n) => n._id)).toEqual(first.nodes.map((n) => n._id));
  });
  it('reads a bucket-day from memory while the index’s version stands, and from the database once it moved', async () => {
    const version = (await models.FeedVersion.findById('feed').lean().exec())?.version ?? 0;
    const ids = async (v: number) => (await readFeedPage(models, 'PENALTY', { areaCodes: ['510781'] }, { first: 100 }, TODAY, v)).nodes.map((n) => n._id);
    const before = await ids(version);
    // On a day the page has read (so that the directory's lists, also kept at the version, announce it).
    const day = records.find((r) => r._id === before[0])!.decisionDate;
    const row = shownPenalty(902, 10, { _id: 'HEALTH:PENALTY:R-KEPT', bureau: 'HEALTH', decisionDate: day, areaCode: '510781' });
    // Filed behind the version's back: a reader at the version it read before is served the bucket-day it kept ...
    await writeBehindTheVersion(row);
    expect(await ids(version)).toEqual(before);
    // ... and, as every write of the platform raises it after filing, a reader of the next version reads the day anew.
    await feedChanged(models);
    expect(await ids(version + 1)).toContain(row._id);
    // So does another process, which kept nothing.
    expect((await readFeedPage(otherProcess, 'PENALTY', { areaCodes: ['510781'] }, { first: 100 }, TODAY, version)).nodes.map((n) => n._id)).toContain(row._id);
    await removePublishedRecords(models, [row._id]);
    expect(await ids(version + 2)).toEqual(before);
  });
});
