import { badInput, config, decodeCursor, encodeCursor, insertManyUnordered, keysFilter, keySlices, pageSize, sha256, type PageArgs } from '@credit/shared';
import { LRUCache } from 'lru-cache';

import type { DisclosureModels } from './models';
import type { FeedBucketDoc } from './models/FeedBucket';
import type { FeedDirectoryDoc } from './models/FeedDirectory';
import type { PublishedRecordDoc } from './models/PublishedRecord';

/**
 * How the 双公示 feed is read in bounded work, whatever the size of the
 * published-records index, on MongoDB as on the embedded FerretDB (which
 * answers from an index an equality or an `$in` of strings, tools/devdb,
 * but does a range, a sort or a limit after fetching the whole collection).
 *
 * Every record belongs to one bucket per filter it can be read by, for the
 * day of its decision: `PENALTY/*` (all of its kind), `PENALTY/bureau:TAX`,
 * `PENALTY/category:…`, `PENALTY/keyField:…`, `PENALTY/areaCode:510703`,
 * each with `/<decision date>`; the bucket of all records, the one a day
 * fills most, is cut further into {@link SHARDS} shards (`/<shard>`, a hash
 * of the record's id), so that one document holds an eighth of a day. Each
 * bucket-day is one document of `feed_buckets` (models/FeedBucket.ts) that
 * holds its records packed, one field each, written before the record's
 * row. A two-level directory (`feed_directory`) lists, per bucket, the
 * months that hold records and, per month, the days, each list one
 * document. A page of the feed takes the filter with the fewest values as
 * its buckets, walks their days newest first (months, then days, each one
 * lookup), fetches the days' bucket documents by id, and keeps the records
 * that pass every criterion, until the page is full. Within a day the
 * feed's order is by shard, then id, whichever filter is read. The records
 * of one day are few (a day's decisions of one city), so a page costs a few
 * lookups of a few documents, however many years the index holds.
 *
 * The directory is written before the records it announces (a day with no
 * record left costs a reader one empty lookup; a record no day announces
 * would be lost to readers), and never shrinks.
 */

/** A row of the index as the feed's buckets hold and serve it: without its lookup keys and write time. */
export type FeedRow = Omit<PublishedRecordDoc, 'lookupKeys' | 'updatedAt'>;

/** The filters a page of the feed can be asked for (each a list of values any of which passes). */
export interface FeedFilter {
  departments?: string[] | null;
  categories?: string[] | null;
  keyFields?: string[] | null;
  areaCodes?: string[] | null;
  decidedFrom?: string | null;
  decidedTo?: string | null;
}

type Dimension = 'bureau' | 'category' | 'keyField' | 'areaCode';

/** The record's field of each dimension, and the filter's list for it (a dimension with fewer values is read first). */
const DIMENSIONS: readonly { dimension: Dimension; values: (filter: FeedFilter) => readonly string[] | null | undefined }[] = [
  { dimension: 'areaCode', values: (f) => f.areaCodes },
  { dimension: 'category', values: (f) => f.categories },
  { dimension: 'keyField', values: (f) => f.keyFields },
  { dimension: 'bureau', values: (f) => f.departments },
];

const bucketOf = (kind: string, dimension?: Dimension, value?: string) => (dimension ? `${kind}/${dimension}:${value}` : `${kind}/*`);
const monthOf = (day: string) => day.slice(0, 7);

/** Shards of a day in the bucket of all records of a kind. */
export const SHARDS = 8;

/** The shard of a record within its day: a hash of its id, so that it never changes. */
export function shardOf(id: string): number {
  let shard = shardsOfIds.get(id);
  if (shard === undefined) {
    shard = sha256(id, 'buffer')[0]! % SHARDS;
    shardsOfIds.set(id, shard);
  }
  return shard;
}

/** The shards of ids seen lately: a page sorts and compares its rows by shard, which hashed each id anew at every comparison. */
const shardsOfIds = new LRUCache<string, number>({ max: 100_000 });

/** Whether a bucket's days are cut into shards: only all records of a kind, which every day fills. */
const isSharded = (bucket: string) => bucket.endsWith('/*');

/** The feed's order: newest decision first; within a day by shard, then id. */
function feedOrder(a: FeedRow, b: FeedRow): number {
  if (a.decisionDate !== b.decisionDate) return a.decisionDate < b.decisionDate ? 1 : -1;
  return shardOf(a._id) - shardOf(b._id) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

/** The buckets a record is read by (without their day). */
function bucketsOf(doc: Pick<PublishedRecordDoc, 'kind' | Dimension>): string[] {
  const buckets = [bucketOf(doc.kind)];
  for (const { dimension } of DIMENSIONS) {
    const value = doc[dimension];
    if (value) buckets.push(bucketOf(doc.kind, dimension, value));
  }
  return buckets;
}

/** The equality keys a record is fetched by: its buckets on its decision day. */
export function feedKeysOf(doc: Pick<PublishedRecordDoc, '_id' | 'kind' | 'decisionDate' | Dimension>): string[] {
  return bucketsOf(doc).map((bucket) => `${bucket}/${doc.decisionDate}${isSharded(bucket) ? `/${shardOf(doc._id)}` : ''}`);
}

/** The directory entries that announce a record: under each of its buckets its month, and under the bucket's month its day. */
function directoryEntriesOf(doc: Pick<PublishedRecordDoc, 'kind' | 'decisionDate' | Dimension>): { id: string; at: string }[] {
  const month = monthOf(doc.decisionDate);
  return bucketsOf(doc).flatMap((bucket) => [
    { id: bucket, at: month },
    { id: `${bucket}#${month}`, at: doc.decisionDate },
  ]);
}

/**
 * Announces the days of records about to be written (before writing them):
 * each directory list gains what it lacks. `known` holds entries this
 * process wrote, so a busy day costs one write per process, not one per
 * record.
 */
export async function announceFeedDays(
  models: Pick<DisclosureModels, 'FeedDirectory'>,
  docs: readonly Pick<PublishedRecordDoc, 'kind' | 'decisionDate' | Dimension>[],
  known: Set<string> = announcedTo(models.FeedDirectory),
): Promise<void> {
  const lists = new Map<string, Set<string>>();
  for (const doc of docs)
    for (const { id, at } of directoryEntriesOf(doc)) {
      if (known.has(`${id}@${at}`)) continue;
      if (!lists.has(id)) lists.set(id, new Set());
      lists.get(id)!.add(at);
    }
  const ids = [...lists.keys()];
  // Directory lists read and written per command: a department's bulk import may bring thousands of new days.
  for (const chunk of keySlices(ids)) {
    const there = new Map(
      (await models.FeedDirectory.find(keysFilter('_id', chunk)).lean<FeedDirectoryDoc[]>().exec()).map((doc) => [doc._id, new Set(doc.at)]),
    );
    // New lists in one insert (no upserts: the embedded FerretDB makes each a transaction of its own) ...
    const fresh = chunk.filter((id) => !there.has(id));
    const inserted = await insertManyUnordered(
      models.FeedDirectory,
      fresh.map((id) => ({ _id: id, at: [...lists.get(id)!] })),
    );
    // ... and what the others lack added to them, as to a list another writer created meanwhile.
    const grown = [...fresh.filter((_, k) => !inserted[k]), ...chunk.filter((id) => there.has(id))]
      .map((id) => ({ id, missing: [...lists.get(id)!].filter((at) => !there.get(id)?.has(at)) }))
      .filter(({ missing }) => missing.length > 0);
    await Promise.all(grown.map(({ id, missing }) => models.FeedDirectory.updateOne({ _id: id }, { $addToSet: { at: { $each: missing } } }).exec()));
  }
  if (known.size > 100_000) known.clear();
  for (const [id, at] of lists) for (const day of at) known.add(`${id}@${day}`);
}

/** The entries this process announced, per directory (a process may reach several databases: tests, scripts). */
const announced = new WeakMap<object, Set<string>>();

function announcedTo(directory: object): Set<string> {
  if (!announced.has(directory)) announced.set(directory, new Set());
  return announced.get(directory)!;
}

/** A row packed as its bucket holds it: its feed fields (only those, whatever the row carries) as JSON. */
function packRow(row: FeedRow): string {
  const packed: { [K in keyof Required<FeedRow>]: FeedRow[K] } = {
    _id: row._id,
    kind: row.kind,
    bureau: row.bureau,
    recordId: row.recordId,
    personId: row.personId,
    areaCode: row.areaCode,
    category: row.category,
    keyField: row.keyField,
    grade: row.grade,
    decisionDate: row.decisionDate,
    publishedUntil: row.publishedUntil,
    withheld: row.withheld,
    underObjection: row.underObjection,
    counterpartName: row.counterpartName,
    authority: row.authority,
    documentNumber: row.documentNumber,
    title: row.title,
    content: row.content,
    statement: row.statement ?? null,
  };
  return JSON.stringify(packed);
}

const unpackRow = (packed: string): FeedRow => JSON.parse(packed) as FeedRow;

/** The field of a row in its bucket: its id, with what a field name cannot hold (`.`, `$`) escaped. */
function fieldOf(id: string): string {
  return id.replace(/[%.$]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A change of a row of the index: what it was (null: new) and what it becomes (null: removed). */
export interface RowChange {
  before: FeedRow | null;
  after: FeedRow | null;
}

/** Bucket documents inserted per command. */
const BUCKET_CHUNK = 500;

/** Bucket documents updated at once. */
const PARALLEL_BUCKET_WRITES = 8;

/**
 * Files changed rows in the feed's buckets, before the rows themselves are
 * written: each row set in the buckets of its day, and unset from those it
 * was in before and is no longer. A bucket new to the database is inserted
 * with its rows (no upserts where it can be helped: the embedded FerretDB
 * makes each a transaction of its own); the others, and one another writer
 * inserted meanwhile, are updated field by field, which is atomic per
 * document on MongoDB as on FerretDB, so two writers of different rows of
 * one bucket both stay. `known` holds the buckets this process knows exist.
 */
export async function fileInFeed(
  models: Pick<DisclosureModels, 'FeedBucket'>,
  changes: readonly RowChange[],
  known: Set<string> = announcedTo(models.FeedBucket),
): Promise<void> {
  const edits = new Map<string, { set: Record<string, string>; unset: Record<string, ''> }>();
  const edit = (key: string) => {
    if (!edits.has(key)) edits.set(key, { set: {}, unset: {} });
    return edits.get(key)!;
  };
  for (const { before, after } of changes) {
    const keys = after ? feedKeysOf(after) : [];
    if (after) {
      const packed = packRow(after);
      for (const key of keys) edit(key).set[fieldOf(after._id)] = packed;
    }
    if (before) for (const key of feedKeysOf(before)) if (!keys.includes(key)) edit(key).unset[fieldOf(before._id)] = '';
  }
  const entries = [...edits];
  for (let from = 0; from < entries.length; from += BUCKET_CHUNK) {
    const chunk = entries.slice(from, from + BUCKET_CHUNK);
    // A bucket not known to exist and gaining rows is inserted with them (one that does not exist has nothing to unset).
    const fresh = chunk.filter(([key, { set }]) => !known.has(key) && Object.keys(set).length > 0);
    const inserted = await insertManyUnordered(
      models.FeedBucket,
      fresh.map(([key, { set }]) => ({ _id: key, rows: set })),
    );
    const freshlyInserted = new Set(fresh.filter((_, k) => inserted[k]).map(([key]) => key));
    const updates = chunk
      .filter(([key]) => !freshlyInserted.has(key))
      .map(([key, { set, unset }]) => ({
        key,
        update: {
          ...(Object.keys(set).length ? { $set: Object.fromEntries(Object.entries(set).map(([field, packed]) => [`rows.${field}`, packed])) } : {}),
          ...(Object.keys(unset).length ? { $unset: Object.fromEntries(Object.keys(unset).map((field) => [`rows.${field}`, ''])) } : {}),
        },
        // Only a bucket that gains rows is made; unsetting from one that is not there is nothing to do.
        upsert: Object.keys(set).length > 0,
      }));
    // One command each, a few at a time: the embedded FerretDB (v1.24) stops answering altogether when one
    // `update` command carries more than a few dozen statements, as a bulkWrite sends them.
    let next = 0;
    const worker = async () => {
      while (next < updates.length) {
        const { key, update, upsert } = updates[next++]!;
        await models.FeedBucket.updateOne({ _id: key }, update, { upsert }).exec();
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_BUCKET_WRITES }, worker));
    if (known.size > 100_000) known.clear();
    for (const [key, { set }] of chunk) if (Object.keys(set).length > 0) known.add(key);
  }
}

/** Whether a record passes every criterion of the filter, and is published on `today`. */
function passes(doc: FeedRow, kind: string, filter: FeedFilter, from: string, to: string, today: string): boolean {
  if (doc.kind !== kind || doc.withheld || doc.decisionDate > to || doc.decisionDate < from) return false;
  if (doc.publishedUntil !== null && doc.publishedUntil <= today) return false;
  return DIMENSIONS.every(({ dimension, values }) => {
    const wanted = values(filter);
    return !wanted?.length || wanted.includes(doc[dimension] ?? '');
  });
}

/** The buckets a page walks: the filter's dimension with the fewest values, or every record of the kind. */
function drivingBuckets(kind: string, filter: FeedFilter): string[] {
  let best: { dimension: Dimension; values: readonly string[] } | null = null;
  for (const { dimension, values } of DIMENSIONS) {
    const given = values(filter);
    if (given?.length && (!best || given.length < best.values.length)) best = { dimension, values: given };
  }
  if (!best) return [bucketOf(kind)];
  return [...new Set(best.values)].map((value) => bucketOf(kind, best.dimension, value));
}

/** Documents kept in memory under the version of the index they were read at (see {@link readKept}). */
type KeptAtVersion<T> = LRUCache<string, { version: number; value: T }>;

/**
 * The values of some ids (`absent` for an id not there), in a map: read
 * from `kept` when read at the same version of the index (read before, see
 * published-records.ts), else by `read` and kept. Every write of the index
 * files its rows and announces its days before it raises the version, so a
 * reader of the new version never finds what was kept at the old one; a
 * reader of an older version does not displace what one of a newer kept.
 */
async function readKept<T>(
  kept: KeptAtVersion<T> | null,
  ids: readonly string[],
  version: number | null,
  read: (missing: string[]) => Promise<Map<string, T>>,
  absent: T,
): Promise<Map<string, T>> {
  const cache = version === null ? null : kept;
  const values = new Map<string, T>();
  for (const id of ids) {
    const entry = cache?.get(id);
    if (entry?.version === version) values.set(id, entry.value);
  }
  const missing = ids.filter((id) => !values.has(id));
  if (missing.length > 0) {
    const found = await read(missing);
    for (const id of missing) {
      const value = found.get(id) ?? absent;
      values.set(id, value);
      const there = cache?.peek(id);
      if (cache && version !== null && !(there && there.version > version)) cache.set(id, { version, value });
    }
  }
  return values;
}

/** Directory lists kept per directory. */
const DIRECTORY_LISTS_KEPT = 5_000;
const directoryLists = new WeakMap<object, KeptAtVersion<string[]>>();

/**
 * The directory's lists of some ids, kept within [from, to] (compared on
 * their length). A list read at the index's version is not read again at
 * it: a day announced since was announced for rows written since, and
 * those raise the version when written.
 */
async function directory(models: Pick<DisclosureModels, 'FeedDirectory'>, ids: readonly string[], from: string, to: string, version: number | null) {
  if (!directoryLists.has(models.FeedDirectory)) directoryLists.set(models.FeedDirectory, new LRUCache({ max: DIRECTORY_LISTS_KEPT }));
  const lists = await readKept(
    directoryLists.get(models.FeedDirectory)!,
    ids,
    version,
    async (missing) => new Map((await models.FeedDirectory.find(keysFilter('_id', missing)).lean<FeedDirectoryDoc[]>().exec()).map((doc) => [doc._id, doc.at])),
    [],
  );
  const within = (at: string) => at >= from.slice(0, at.length) && at <= to.slice(0, at.length);
  return ids.map((key) => ({ key, at: lists.get(key)!.filter(within) }));
}

/** What a kept bucket-day is taken to occupy besides its packed rows (the array, the entry, each row's object). */
const BUCKET_OVERHEAD_BYTES = 200;
const ROW_OVERHEAD_BYTES = 300;

const keptBuckets = new WeakMap<object, KeptAtVersion<FeedRow[]> | null>();

/** The bucket-days kept per database, within `FEED_CACHE_MB` (null: none kept). */
function bucketsKept(bucketModel: object): KeptAtVersion<FeedRow[]> | null {
  if (!keptBuckets.has(bucketModel)) {
    const maxSize = config().FEED_CACHE_MB * 1024 * 1024;
    keptBuckets.set(
      bucketModel,
      maxSize > 0
        ? new LRUCache({
            maxSize,
            // Two bytes a character of the packed rows, as the parsed rows hold their strings.
            sizeCalculation: (entry, key) => BUCKET_OVERHEAD_BYTES + key.length * 2 + entry.value.reduce((sum, row) => sum + rowBytes(row), 0),
          })
        : null,
    );
  }
  return keptBuckets.get(bucketModel)!;
}

function rowBytes(row: FeedRow): number {
  let chars = 0;
  for (const value of Object.values(row)) if (typeof value === 'string') chars += value.length;
  return ROW_OVERHEAD_BYTES + chars * 2;
}

/**
 * The rows of some bucket-days (none for a day not there), in the order of
 * the keys, kept at the index's version as the directory's lists are: the
 * first pages of every county and department are what the portal asks
 * for, and the embedded FerretDB spends about half a millisecond decoding
 * each row.
 */
async function bucketRows(models: Pick<DisclosureModels, 'FeedBucket'>, keys: readonly string[], version: number | null): Promise<FeedRow[][]> {
  const rows = await readKept(
    bucketsKept(models.FeedBucket),
    keys,
    version,
    async (missing) =>
      new Map(
        (await models.FeedBucket.find(keysFilter('_id', missing)).lean<FeedBucketDoc[]>().exec()).map((doc) => [
          doc._id,
          Object.values(doc.rows).map(unpackRow),
        ]),
      ),
    [],
  );
  return keys.map((key) => rows.get(key)!);
}

/** Parses a cursor of the feed: the last record's decision date and id. */
function feedCursor(after: string): { date: string; id: string; shard: number } {
  const match = /^(\d{4}-\d{2}-\d{2})\|(.+)$/.exec(decodeCursor(after));
  if (!match) throw badInput(`Invalid cursor "${after}"`, 'cursor was not issued by this list', { argument: 'after' });
  return { date: match[1]!, id: match[2]!, shard: shardOf(match[2]!) };
}

/** At most this many lookups are made at once while a page fills. */
const MAX_PARALLEL_FETCHES = 16;

/** What one step of the walk fetches: a day (or one shard of it) of every driving bucket that has it. */
interface Unit {
  day: string;
  shard: number | null;
  keys: string[];
}

/** The units of some days, in the feed's order: newest day first, then shard. */
function unitsOf(days: { bucket: string; days: string[] }[], after: { date: string; shard: number } | null): Unit[] {
  const byDay = new Map<string, string[]>();
  for (const { bucket, days: list } of days) for (const day of list) byDay.set(day, [...(byDay.get(day) ?? []), bucket]);
  const units: Unit[] = [];
  for (const day of [...byDay.keys()].sort().reverse()) {
    const buckets = byDay.get(day)!;
    // Driving buckets are of one dimension: all sharded (all records) or none.
    if (buckets.every(isSharded)) {
      for (let shard = after && after.date === day ? after.shard : 0; shard < SHARDS; shard++)
        units.push({ day, shard, keys: buckets.map((bucket) => `${bucket}/${day}/${shard}`) });
    } else units.push({ day, shard: null, keys: buckets.map((bucket) => `${bucket}/${day}`) });
  }
  return units;
}

/**
 * A page of the feed of `kind`: records published on `today` that pass the
 * filter, in the feed's order; the cursor is the last one's (decision
 * date, id). `version`, the index's version read before, lets the
 * directory's lists read at it serve again.
 */
export async function readFeedPage(
  models: Pick<DisclosureModels, 'FeedBucket' | 'FeedDirectory'>,
  kind: PublishedRecordDoc['kind'],
  filter: FeedFilter,
  args: PageArgs,
  today: string,
  version: number | null = null,
): Promise<{ nodes: FeedRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
  const size = pageSize(args.first);
  const after = args.after ? feedCursor(args.after) : null;
  const from = filter.decidedFrom ?? '0000-00-00';
  let to = filter.decidedTo && filter.decidedTo < today ? filter.decidedTo : today;
  if (after && after.date < to) to = after.date;
  const isAfterCursor = (doc: FeedRow) =>
    !after || doc.decisionDate < after.date || (doc.decisionDate === after.date && feedOrder(doc, { ...doc, _id: after.id }) > 0);
  const found: FeedRow[] = [];
  const months = await directory(models, drivingBuckets(kind, filter), from, to, version);
  // How many lookups the next step makes: as many as the records found per lookup so far say the page
  // still needs, doubling while none is found. (Starting with three instead of one measured within this
  // machine's noise, 48 and 73 req/s against 43 to 78.)
  let lookupsMade = 0;
  let parallel = 1;
  for (const month of [...new Set(months.flatMap((m) => m.at))].sort().reverse()) {
    if (found.length > size) break;
    const withMonth = months.filter((m) => m.at.includes(month));
    const days = await directory(
      models,
      withMonth.map((m) => `${m.key}#${month}`),
      from,
      to,
      version,
    );
    const units = unitsOf(
      days.map(({ at }, k) => ({ bucket: withMonth[k]!.key, days: at })),
      after,
    );
    let next = 0;
    while (next < units.length && found.length <= size) {
      // More units at a time while the page stays short.
      const batch: Unit[] = [];
      for (let lookups = 0; next < units.length && lookups < parallel; next++) {
        batch.push(units[next]!);
        lookups += units[next]!.keys.length;
      }
      const keys = batch.flatMap((unit) => unit.keys);
      const buckets = await bucketRows(models, keys, version);
      lookupsMade += keys.length;
      const fresh = new Map<string, FeedRow>();
      for (const doc of buckets.flat()) if (passes(doc, kind, filter, from, to, today) && isAfterCursor(doc)) fresh.set(doc._id, doc);
      found.push(...[...fresh.values()].sort(feedOrder));
      const perLookup = found.length / lookupsMade;
      parallel = Math.min(MAX_PARALLEL_FETCHES, perLookup > 0 ? Math.ceil((size + 1 - found.length) / perLookup) : parallel * 2);
    }
  }
  const nodes = found.slice(0, size);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage: found.length > size, endCursor: last ? encodeCursor(`${last.decisionDate}|${last._id}`) : null } };
}
