import { badInput, duplicatePositions, encodeCursor, isDuplicateKeyError, keysFilter, keySlices, pageSize, sha256 } from '@credit/shared';
import { LRUCache } from 'lru-cache';

import type { QueryLogModels } from './models';
import type { QueryLogEntryDoc } from './models/QueryLogEntry';

/**
 * How the query log is read by person, by institution and as a whole,
 * newest first, in bounded work whatever the log's size.
 *
 * The log is cut into pages of {@link PAGE_SPAN} positions, and pages into
 * spans of {@link PAGES_PER_SPAN} pages. Every entry carries, for each key
 * it is read by (the whole log, each person it names, its institution), the
 * page key `hash(key / page)`; an indexed field holds them (`pageKeys`). A
 * two-level directory (`query_log_pages`) lists, per key, the spans that
 * hold its entries and, per span, the pages. A page of results is then: the
 * key's spans, newest first; in each, its pages, newest first; each page
 * fetched by its page key, until enough are found. Every lookup is an
 * equality on an indexed field, the one query shape that both MongoDB and
 * the embedded FerretDB (which sorts and limits only after fetching) answer
 * from an index, and none returns more than a page of entries or a span of
 * directory rows, however long the log grows.
 *
 * The directory rows are written before the entries they announce (a row
 * naming an empty page costs a reader one lookup; an entry no row announces
 * would be lost to readers). Entries written before this index existed
 * (below `indexedFrom`) are read by the fields they always had.
 */

/** Positions per page: a page fetch reads at most this many entries. */
export const PAGE_SPAN = 256;

/** Pages per span: a directory lookup reads at most this many rows. */
export const PAGES_PER_SPAN = 64;

/**
 * People per entry. A check of thousands of people is logged as several
 * entries of at most this many, so an entry's page keys stay well within an
 * index row (PostgreSQL's btree under FerretDB refuses rows over ~2.7 kB).
 */
export const MAX_SUBJECTS_PER_ENTRY = 48;

/** What an entry can be read by. */
export type LogReadKey = { kind: 'all' } | { kind: 'person'; id: string } | { kind: 'institution'; id: string };

function keyText(key: LogReadKey): string {
  return key.kind === 'all' ? '*' : `${key.kind === 'person' ? 'p' : 'i'}:${key.id}`;
}

// Hashed so that no citizen ID is stored in an index field or a directory id.
const digest = (text: string) => sha256(text, 'base64url').slice(0, 16);

/** The directory key of a log key. */
export function keyDigest(key: LogReadKey): string {
  return digest(keyText(key));
}

export function pageOf(sequence: number): number {
  return Math.floor((sequence - 1) / PAGE_SPAN);
}

const spanOf = (page: number) => Math.floor(page / PAGES_PER_SPAN);

/** The directory key of a key's pages within one span. */
function spanKey(key: LogReadKey, span: number): string {
  return digest(`${keyText(key)}#${span}`);
}

/** Where a person's entries of one span are found (people are read by span, not by page). */
function spanEntryKey(key: LogReadKey, span: number): string {
  return digest(`${keyText(key)}/span/${span}`);
}

/** The page key of a log key on one page. */
export function pageKey(key: LogReadKey, page: number): string {
  return digest(`${keyText(key)}/${page}`);
}

/** The people an entry names. */
export function peopleOf(entry: Pick<QueryLogEntryDoc, 'personId' | 'subjects'>): string[] {
  return entry.personId ? [entry.personId] : (entry.subjects ?? []);
}

/** Every key an entry is read by. */
export function keysOf(entry: Pick<QueryLogEntryDoc, 'personId' | 'subjects' | 'institution'>): LogReadKey[] {
  const keys: LogReadKey[] = [{ kind: 'all' }, ...peopleOf(entry).map((id) => ({ kind: 'person' as const, id }))];
  if (entry.institution?.id) keys.push({ kind: 'institution', id: entry.institution.id });
  return keys;
}

/** Whether an entry belongs to a key (page keys are hashes: the entry itself decides). */
export function belongsTo(entry: QueryLogEntryDoc, key: LogReadKey): boolean {
  if (key.kind === 'all') return true;
  if (key.kind === 'institution') return entry.institution?.id === key.id;
  return entry.personId === key.id || (entry.subjects ?? []).includes(key.id);
}

/** The filter of a key over entries written before the index (their own fields). */
function legacyFilter(key: LogReadKey, before: number): Record<string, unknown> {
  const sequence = Number.isFinite(before) ? { sequence: { $lt: before } } : {};
  if (key.kind === 'all') return sequence;
  if (key.kind === 'institution') return { 'institution.id': key.id, ...sequence };
  return { $or: [{ personId: key.id }, { subjects: key.id }], ...sequence };
}

/** A directory row: under `key` (a key's digest, or a key's span), one span or one page. */
interface DirectoryRow {
  _id: string;
  key: string;
  page: number;
}

/**
 * Announces the pages of entries about to be written (before writing them).
 * `known` (knownRows) remembers rows this process wrote or found, so a busy
 * key costs one insert per page, not one per entry. Rows it does not
 * remember are looked up first (KEYS_PER_LOOKUP ids per query, and only the
 * first slice when none of it is stored), and only those missing are
 * inserted: the embedded FerretDB answers an insert of many rows that meets
 * one existing row by inserting them all again one at a time, each in a
 * transaction of its own. A 10,000-ID check after a restart (or after the
 * process had forgotten its rows) re-announced 10,000 existing rows that
 * way and waited about 6 s. On MongoDB the lookups are indexed `$in`s too.
 */
export async function announcePages(models: QueryLogModels, rows: readonly DirectoryRow[], known: KnownRows): Promise<void> {
  const unknown = rows.filter((r) => !known.get(r._id));
  if (unknown.length === 0) return;
  const stored = new Set<string>();
  for (const [n, slice] of keySlices(unknown.map((r) => r._id)).entries()) {
    const found = await models.QueryLogPage.find(keysFilter('_id', slice), { _id: 1 }).lean().exec();
    for (const row of found) stored.add(row._id);
    // None of the first slice stored: the rows of a span just begun, new
    // all. The rest go in without their lookups; one that exists after all
    // (another writer's) only costs FerretDB its slow insert.
    if (n === 0 && found.length === 0) break;
  }
  const fresh = unknown.filter((r) => !stored.has(r._id));
  if (fresh.length > 0) {
    try {
      await models.QueryLogPage.collection.insertMany(fresh as never[], { ordered: false });
    } catch (err) {
      // Rows another writer announced meanwhile are what we wanted.
      if (!duplicatePositions(err)) throw err;
    }
  }
  for (const row of unknown) known.set(row._id, true);
}

/** The directory rows a process knows are stored, by id. */
export type KnownRows = LRUCache<string, true>;

/**
 * Remembers the 100,000 rows used last: the rows of the latest spans. It
 * used to be a set emptied whenever it passed 100,000, and the checks after
 * that announced all their people's rows again.
 */
export function knownRows(): KnownRows {
  return new LRUCache<string, true>({ max: 100_000 });
}

/** The page keys and directory rows of entries at known positions. */
export function indexEntries<T extends Pick<QueryLogEntryDoc, 'sequence' | 'personId' | 'subjects' | 'institution'>>(
  entries: T[],
): { entries: (T & { pageKeys: string[] })[]; rows: DirectoryRow[] } {
  const rows = new Map<string, DirectoryRow>();
  const indexed = entries.map((entry) => {
    const page = pageOf(entry.sequence);
    const span = spanOf(page);
    const pageKeys = keysOf(entry).map((key) => {
      // A person is found by span (few entries each), the busy keys by page.
      const id = key.kind === 'person' ? spanEntryKey(key, span) : pageKey(key, page);
      if (!rows.has(id)) {
        const spanRow = digest(`${keyText(key)}##${span}`);
        rows.set(spanRow, { _id: spanRow, key: keyDigest(key), page: span });
        if (key.kind !== 'person') rows.set(id, { _id: id, key: spanKey(key, span), page });
      }
      return id;
    });
    return { ...entry, pageKeys };
  });
  return { entries: indexed, rows: [...rows.values()] };
}

// `indexedFrom` is written once: a process that has read it keeps it.
const knownIndexedFrom = new WeakMap<QueryLogModels, number>();

/** The first position written with page keys (entries below it are read the old way); infinite while none was. */
export async function indexedFrom(models: QueryLogModels, firstWrite?: number): Promise<number> {
  const known = knownIndexedFrom.get(models);
  if (known !== undefined) return known;
  const meta = await models.QueryLogMeta.findById('indexedFrom').lean().exec();
  if (meta) {
    knownIndexedFrom.set(models, meta.sequence);
    return meta.sequence;
  }
  if (firstWrite === undefined) return Number.POSITIVE_INFINITY;
  try {
    await models.QueryLogMeta.create({ _id: 'indexedFrom', sequence: firstWrite });
    knownIndexedFrom.set(models, firstWrite);
    return firstWrite;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return indexedFrom(models);
  }
}

export interface LogPage {
  nodes: QueryLogEntryDoc[];
  hasNextPage: boolean;
}

/**
 * The first pages of several people's logs at once, in a few commands
 * whatever their number (one request's people, `Person.queryLog`): one
 * directory lookup for all of them, then rounds of one lookup each, every
 * round fetching the newest span not yet read of every person still short of
 * a page. `size: Infinity` reads whole logs (to count them).
 */
export async function readPeopleLogs(
  models: QueryLogModels,
  ids: readonly string[],
  options: { before?: number; size: number },
): Promise<Map<string, LogPage>> {
  const before = options.before ?? Number.POSITIVE_INFINITY;
  const wanted = options.size + 1;
  const people = [...new Set(ids)];
  const keys = new Map(people.map((id) => [id, { kind: 'person', id } as const]));
  const [rows, from] = await Promise.all([
    models.QueryLogPage.find(
      keysFilter(
        'key',
        people.map((id) => keyDigest(keys.get(id)!)),
      ),
      { key: 1, page: 1 },
    )
      .lean()
      .exec(),
    indexedFrom(models),
  ]);
  const lastSpan = Number.isFinite(before) ? spanOf(pageOf(before - 1)) : Number.POSITIVE_INFINITY;
  const spansOf = new Map(people.map((id) => [id, [] as number[]]));
  const personOfDigest = new Map(people.map((id) => [keyDigest(keys.get(id)!), id]));
  for (const row of rows) if (row.page <= lastSpan) spansOf.get(personOfDigest.get(row.key)!)!.push(row.page);
  for (const spans of spansOf.values()) spans.sort((a, b) => b - a);
  const found = new Map(people.map((id) => [id, [] as QueryLogEntryDoc[]]));
  const short = () => people.filter((id) => found.get(id)!.length < wanted && spansOf.get(id)!.length > 0);
  for (let pending = short(); pending.length > 0; pending = short()) {
    const next = new Map(pending.map((id) => [spanEntryKey(keys.get(id)!, spansOf.get(id)!.shift()!), id]));
    const entries = (await models.QueryLogEntry.find(keysFilter('pageKeys', [...next.keys()]))
      .lean()
      .exec()) as QueryLogEntryDoc[];
    for (const entry of entries) {
      for (const pageKey of entry.pageKeys ?? []) {
        const id = next.get(pageKey);
        if (id && entry.sequence < before && belongsTo(entry, keys.get(id)!)) found.get(id)!.push(entry);
      }
    }
  }
  // Entries older than the index, read by their own fields (as slow as that ever was).
  const legacyNeeded = people.filter((id) => found.get(id)!.length < wanted);
  if (legacyNeeded.length > 0 && from > 1) {
    const limit = Math.min(before, from);
    const legacy = (await models.QueryLogEntry.find({
      $or: [{ personId: { $in: legacyNeeded } }, { subjects: { $in: legacyNeeded } }],
      ...(Number.isFinite(limit) ? { sequence: { $lt: limit } } : {}),
    })
      .lean()
      .exec()) as QueryLogEntryDoc[];
    for (const entry of legacy) for (const id of peopleOf(entry)) if (legacyNeeded.includes(id)) found.get(id)!.push(entry);
  }
  const pages = new Map<string, LogPage>();
  for (const id of people) {
    const entries = found.get(id)!.sort((a, b) => b.sequence - a.sequence);
    pages.set(id, { nodes: Number.isFinite(options.size) ? entries.slice(0, options.size) : entries, hasNextPage: entries.length > options.size });
  }
  return pages;
}

/**
 * The entries of a key before position `before` (all when absent), newest
 * first, `size` of them, and whether more follow.
 */
export async function readLog(
  models: QueryLogModels,
  key: LogReadKey,
  options: { before?: number; size: number; keep?: (entry: QueryLogEntryDoc) => boolean },
): Promise<LogPage> {
  if (key.kind === 'person' && !options.keep) return (await readPeopleLogs(models, [key.id], options)).get(key.id)!;
  const before = options.before ?? Number.POSITIVE_INFINITY;
  const wanted = options.size + 1;
  const keep = (entry: QueryLogEntryDoc) => entry.sequence < before && belongsTo(entry, key) && (options.keep?.(entry) ?? true);
  const below = (rows: { page: number }[], last: number) => [...new Set(rows.map((r) => r.page))].filter((p) => p <= last).sort((a, b) => b - a);
  const [spanRows, from] = await Promise.all([
    models.QueryLogPage.find({ key: keyDigest(key) }, { page: 1 })
      .lean()
      .exec(),
    indexedFrom(models),
  ]);
  const lastPage = Number.isFinite(before) ? pageOf(before - 1) : Number.POSITIVE_INFINITY;
  const found: QueryLogEntryDoc[] = [];
  spans: for (const span of below(spanRows, Number.isFinite(lastPage) ? spanOf(lastPage) : lastPage)) {
    if (key.kind === 'person') {
      const entries = await models.QueryLogEntry.find({ pageKeys: spanEntryKey(key, span) })
        .lean()
        .exec();
      found.push(...entries.filter(keep).sort((a, b) => b.sequence - a.sequence));
      if (found.length >= wanted) break;
      continue;
    }
    const pageRows = await models.QueryLogPage.find({ key: spanKey(key, span) }, { page: 1 })
      .lean()
      .exec();
    for (const page of below(pageRows, lastPage)) {
      const entries = await models.QueryLogEntry.find({ pageKeys: pageKey(key, page) })
        .lean()
        .exec();
      found.push(...entries.filter(keep).sort((a, b) => b.sequence - a.sequence));
      if (found.length >= wanted) break spans;
    }
  }
  // Entries older than the index, read by their own fields (as slow as that ever was).
  if (found.length < wanted && from > 1) {
    const legacy = await models.QueryLogEntry.find(legacyFilter(key, Math.min(before, from)))
      .sort({ sequence: -1 })
      .lean()
      .exec();
    found.push(...legacy.filter(keep));
  }
  return { nodes: found.slice(0, options.size), hasNextPage: found.length > options.size };
}

/** How many entries a key has (every page of it is read: ask only when the count is wanted). */
export async function countLog(models: QueryLogModels, key: LogReadKey): Promise<number> {
  let count = 0;
  let before: number | undefined;
  for (;;) {
    const page = await readLog(models, key, { before, size: 10_000 });
    count += page.nodes.length;
    if (!page.hasNextPage) return count;
    before = page.nodes[page.nodes.length - 1]!.sequence;
  }
}

/** A page of a key's entries as the API serves it; the total is counted only when asked for. */
export interface LogConnection {
  nodes: QueryLogEntryDoc[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  count: () => Promise<number>;
}

/** The position a log cursor stands for. */
export function sequenceFromCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const sequence = Number(text.startsWith('r:') ? text.slice(2) : NaN);
  if (!Number.isInteger(sequence) || sequence < 1) throw badInput(`Invalid cursor "${cursor}"`, 'cursor was not issued by this API', { argument: 'after' });
  return sequence;
}

/** One page of a key's log for the API: `first` entries after the cursor `after`. */
export async function logConnection(
  models: QueryLogModels,
  key: LogReadKey,
  args: { first?: number | null; after?: string | null },
  keep?: (entry: QueryLogEntryDoc) => boolean,
): Promise<LogConnection> {
  const size = pageSize(args.first);
  const page = await readLog(models, key, { size, before: args.after ? sequenceFromCursor(args.after) : undefined, keep });
  const last = page.nodes[page.nodes.length - 1];
  return {
    nodes: page.nodes,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor(String(last.sequence)) : null },
    count: () => countLog(models, key),
  };
}

/** A request for one person's log page (a DataLoader key). */
export interface PersonLogRequest {
  id: string;
  first?: number | null;
  after?: string | null;
}

/**
 * The `Person.queryLog` pages of one request's people, batched: people asking
 * for the same page (the usual case) are read together by {@link readPeopleLogs}.
 * `count(id)` gives a person's total (batched the same way by the caller).
 */
export async function peopleLogConnections(
  models: QueryLogModels,
  requests: readonly PersonLogRequest[],
  count: (id: string) => Promise<number>,
): Promise<LogConnection[]> {
  const groups = new Map<string, PersonLogRequest[]>();
  for (const request of requests) {
    const group = `${request.first ?? ''}|${request.after ?? ''}`;
    groups.set(group, [...(groups.get(group) ?? []), request]);
  }
  const answers = new Map<PersonLogRequest, LogConnection>();
  for (const group of groups.values()) {
    const { first, after } = group[0]!;
    const size = pageSize(first);
    const pages = await readPeopleLogs(
      models,
      group.map((r) => r.id),
      { size, before: after ? sequenceFromCursor(after) : undefined },
    );
    for (const request of group) {
      const page = pages.get(request.id)!;
      const last = page.nodes[page.nodes.length - 1];
      answers.set(request, {
        nodes: page.nodes,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor(String(last.sequence)) : null },
        count: () => count(request.id),
      });
    }
  }
  return requests.map((r) => answers.get(r)!);
}

/** The totals of several people's logs, read together. */
export async function countPeopleLogs(models: QueryLogModels, ids: readonly string[]): Promise<number[]> {
  const all = await readPeopleLogs(models, ids, { size: Number.POSITIVE_INFINITY });
  return ids.map((id) => all.get(id)!.nodes.length);
}
