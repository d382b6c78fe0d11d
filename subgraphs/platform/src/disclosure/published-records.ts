import { isDeepStrictEqual } from 'node:util';

import {
  areaName,
  badInput,
  categoryPolicy,
  codedError,
  insertManyUnordered,
  isDuplicateKeyError,
  keysFilter,
  maskCitizenId,
  maskCitizenIdsIn,
  maskName,
  maskPersonalDataIn,
  policy,
  todayInCity,
  type Bureau,
  type Logger,
  type PageArgs,
  type Publication,
} from '@credit/shared';
import { LRUCache } from 'lru-cache';
import type { Model } from 'mongoose';

import type { Models } from '../models';
import { announceFeedDays, fileInFeed, readFeedPage, type FeedFilter, type FeedRow } from './feed-index';
import type { PublishedRecordDoc } from './models/PublishedRecord';
import type { PublishedRecordDetailDoc } from './models/PublishedRecordDetail';

/**
 * The platform's published-records index (双公示, 二(一)三): every
 * department's administrative penalties and licences, as the departments
 * publish them with their credit facts (shared/src/publication.ts). Each
 * re-derivation of people, which follows every change a department makes
 * (the department's outbox delivers the note, also after the platform was
 * down), replaces their rows of that department with what it holds now
 * (of every department when the note names none), so a record corrected,
 * removed or repaired is changed here before the next read. The 双公示
 * feed is read from it: no page asks the departments.
 */

/**
 * The key the public search finds a person's records by from the first 6
 * and the last 4 characters of their ID (an equality, see feed-index.ts).
 */
export function idEndsKey(first6: string, last4: string): string {
  return `idEnds:${first6}${last4}`;
}

/** Every equality key of a row: the search's (the feed reads its own buckets, feed-index.ts). */
export function lookupKeysOf(doc: Pick<PublishedRecordDoc, 'personId'>): string[] {
  return [idEndsKey(doc.personId.slice(0, 6), doc.personId.slice(-4))];
}

/** A publication as the index keeps it: its row, and the department's whole record in the row's detail. */
function toDoc(personId: string, p: Publication & { bureau: string }, now: Date): { row: PublishedRecordDoc; detail: PublishedRecordDetailDoc } {
  // The bureau comes from a department's own facts (a Bureau of the registry).
  const doc: Omit<PublishedRecordDoc, 'lookupKeys'> = {
    _id: `${p.bureau}:${p.kind}:${p.recordId}`,
    kind: p.kind,
    bureau: p.bureau as Bureau,
    recordId: p.recordId,
    personId,
    areaCode: personId.slice(0, 6),
    category: p.category,
    keyField: p.category ? categoryPolicy(p.category).keyField : null,
    grade: p.grade,
    decisionDate: p.decisionDate,
    publishedUntil: p.publishedUntil,
    withheld: p.withheld,
    underObjection: p.underObjection,
    counterpartName: p.counterpartName,
    authority: p.authority,
    documentNumber: p.documentNumber,
    title: p.title,
    content: p.content,
    statement: p.statement ?? null,
    updatedAt: now,
  };
  return { row: { ...doc, lookupKeys: lookupKeysOf(doc) }, detail: { _id: doc._id, record: p.record } };
}

/**
 * Whether a stored row says the same as a fresh one (its write time aside),
 * whatever the order of the keys. A row stored before the department's
 * record moved to its detail still carries it: it differs, and is rewritten.
 */
function sameRow(a: PublishedRecordDoc, b: PublishedRecordDoc): boolean {
  const { updatedAt: _a, ...left } = a;
  const { updatedAt: _b, ...right } = b;
  return isDeepStrictEqual(left, right);
}

/** Whether a stored detail holds the same record as a fresh one, whatever the order of the keys. */
function sameDetail(a: PublishedRecordDetailDoc, b: PublishedRecordDetailDoc): boolean {
  return isDeepStrictEqual(a.record, b.record);
}

/**
 * Brings the stored documents of one collection to the fresh ones: new ones
 * inserted together, changed ones replaced one by one, unchanged ones left
 * alone; whether any was written. (Not one bulk of upserts: the embedded
 * FerretDB runs each upsert as a transaction of its own, and a seed's
 * thousands of them time out.)
 */
async function writeChanged<T extends { _id: string }>(
  model: Model<T>,
  stored: ReadonlyMap<string, T>,
  docs: readonly T[],
  same: (a: T, b: T) => boolean,
): Promise<boolean> {
  const fresh = docs.filter((doc) => !stored.has(doc._id));
  const changed = docs.filter((doc) => stored.has(doc._id) && !same(stored.get(doc._id)!, doc));
  const inserted = await insertManyUnordered(model, fresh as unknown as Record<string, unknown>[]);
  // One that a concurrent derivation inserted meanwhile is replaced like a changed one.
  const replace = [...changed, ...fresh.filter((_, k) => !inserted[k])];
  await Promise.all(replace.map((doc) => model.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec()));
  return fresh.length + changed.length > 0;
}

/**
 * Raises the version of the index after rows changed: a page of the feed
 * read before is not served again (see readFeed). Called after the writes,
 * so that a page read under the old version may hold them or not, and one
 * read under the new version holds them.
 */
export async function feedChanged(models: Pick<Models, 'FeedVersion'>): Promise<void> {
  const raise = () => models.FeedVersion.updateOne({ _id: 'feed' }, { $inc: { version: 1 } }, { upsert: true }).exec();
  try {
    await raise();
  } catch (err) {
    // Two first raises at once: one upsert created the document, the other finds it now.
    if (!isDuplicateKeyError(err)) throw err;
    await raise();
  }
}

/**
 * Replaces the published records of these people with their facts' (every
 * department's, complete, or the one bureau's that was asked): the details
 * first, then the rows (a row is never without its detail), vanished rows
 * deleted before their details.
 */
export async function replacePublications(
  models: Models,
  personIds: readonly string[],
  facts: ReadonlyMap<string, { publications: readonly (Publication & { bureau: string })[] }>,
  bureau?: Bureau,
): Promise<void> {
  if (personIds.length === 0) return;
  const now = new Date();
  const docs = personIds.flatMap((id) => (facts.get(id)?.publications ?? []).filter((p) => !bureau || p.bureau === bureau).map((p) => toDoc(id, p, now)));
  const storedRows = new Map(
    (
      await models.PublishedRecord.find({ ...keysFilter('personId', [...personIds]), ...(bureau ? { bureau } : {}) })
        .lean<PublishedRecordDoc[]>()
        .exec()
    ).map((d) => [d._id, d]),
  );
  const ids = [...new Set([...docs.map((d) => d.row._id), ...storedRows.keys()])];
  const storedDetails = new Map(
    ids.length === 0 ? [] : (await models.PublishedRecordDetail.find(keysFilter('_id', ids)).lean<PublishedRecordDetailDoc[]>().exec()).map((d) => [d._id, d]),
  );
  const rows = docs.map((d) => d.row);
  const changed = rows.filter((row) => !storedRows.has(row._id) || !sameRow(storedRows.get(row._id)!, row));
  const kept = new Set(rows.map((row) => row._id));
  const gone = [...storedRows.keys()].filter((id) => !kept.has(id));
  // The feed's directory announces their days before they can be read, and its buckets hold them before the rows
  // change (a row found unchanged later has its buckets so too).
  await announceFeedDays(models, changed);
  await fileInFeed(models, [
    ...changed.map((row) => ({ before: storedRows.get(row._id) ?? null, after: row })),
    ...gone.map((id) => ({ before: storedRows.get(id)!, after: null })),
  ]);
  await writeChanged(
    models.PublishedRecordDetail,
    storedDetails,
    docs.map((d) => d.detail),
    sameDetail,
  );
  const rowsWritten = await writeChanged(models.PublishedRecord, storedRows, rows, sameRow);
  if (gone.length > 0) {
    await deleteRows(models, gone);
  }
  if (rowsWritten || gone.length > 0) await feedChanged(models);
}

/**
 * Removes rows of the index by id, as a re-derivation removes a vanished
 * record: out of the feed's buckets first, then the row, then its detail.
 * For rows no department holds (the disclosure bench's synthetic ones).
 */
export async function removePublishedRecords(models: Models, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await models.PublishedRecord.find(keysFilter('_id', [...ids]))
    .lean<PublishedRecordDoc[]>()
    .exec();
  await fileInFeed(
    models,
    rows.map((row) => ({ before: row, after: null })),
  );
  await deleteRows(models, ids);
  await feedChanged(models);
}

/** Deletes rows of the index, then their details (a row is never without its detail), once out of the feed's buckets. */
async function deleteRows(models: Models, ids: readonly string[]): Promise<void> {
  await models.PublishedRecord.deleteMany(keysFilter('_id', [...ids])).exec();
  await models.PublishedRecordDetail.deleteMany(keysFilter('_id', [...ids])).exec();
}

export type PublicationFilter = FeedFilter;

const MAX_FILTER_VALUES = 50;

function checkFilter(filter: PublicationFilter): void {
  for (const [name, values] of Object.entries(filter)) {
    if (Array.isArray(values) && values.length > MAX_FILTER_VALUES)
      throw badInput(`filter.${name} takes at most ${MAX_FILTER_VALUES} values`, 'too many filter values', {
        argument: `filter.${name}`,
        max: MAX_FILTER_VALUES,
      });
  }
  for (const code of filter.areaCodes ?? []) {
    if (!/^\d{6}$/.test(code)) throw badInput(`filter.areaCodes: ${code} is not a 6-digit area code`, 'bad area code', { argument: 'filter.areaCodes' });
  }
  if (filter.decidedFrom && filter.decidedTo && filter.decidedFrom > filter.decidedTo)
    throw badInput('filter.decidedFrom is after filter.decidedTo', 'empty date range', { argument: 'filter.decidedFrom' });
}

/** The records of `kind` published on `today` that pass the filter, as a query (the feed's count). */
function publishedFilter(kind: PublishedRecordDoc['kind'], filter: PublicationFilter, today: string): Record<string, unknown> {
  const decidedTo = filter.decidedTo && filter.decidedTo < today ? filter.decidedTo : today;
  return {
    kind,
    withheld: false,
    decisionDate: { $lte: decidedTo, ...(filter.decidedFrom ? { $gte: filter.decidedFrom } : {}) },
    ...(filter.departments?.length ? { bureau: { $in: filter.departments } } : {}),
    ...(filter.categories?.length ? { category: { $in: filter.categories } } : {}),
    ...(filter.keyFields?.length ? { keyField: { $in: filter.keyFields } } : {}),
    ...(filter.areaCodes?.length ? { areaCode: { $in: filter.areaCodes } } : {}),
    $or: [{ publishedUntil: null }, { publishedUntil: { $gt: today } }],
  };
}

/** Pages of the feed read, kept in memory (at most about 10 MB) while the index has not changed. */
const FEED_PAGES_KEPT = 500;

type FeedPageRead = Awaited<ReturnType<typeof readFeedPage>>;
const feedPages = new WeakMap<Models, LRUCache<string, { version: number; page: FeedPageRead }>>();

/**
 * A page of the feed, served again while the index's version has not moved
 * since it was read (one lookup by id instead of the directory's lists and
 * a day's rows): the first pages a portal shows are asked for by everyone,
 * and on MongoDB as on the embedded FerretDB the version is one document.
 * The version is read before the page: a row written meanwhile raises it
 * after, so the page is not served again, whichever rows it holds.
 */
async function cachedFeedPage(
  models: Models,
  kind: PublishedRecordDoc['kind'],
  filter: PublicationFilter,
  args: PageArgs,
  today: string,
): Promise<FeedPageRead> {
  let pages = feedPages.get(models);
  if (!pages) {
    pages = new LRUCache({ max: FEED_PAGES_KEPT });
    feedPages.set(models, pages);
  }
  const version = (await models.FeedVersion.findById('feed').lean().exec())?.version ?? 0;
  const key = JSON.stringify([kind, filter, args.first ?? null, args.after ?? null, today]);
  const kept = pages.get(key);
  if (kept?.version === version) return kept.page;
  const page = await readFeedPage(models, kind, filter, args, today, version);
  pages.set(key, { version, page });
  return page;
}

/**
 * A page of the feed, newest decision first (feed-index.ts). Its
 * `totalCount` is counted only when asked for, within
 * `timeouts.feedCountMs` (past it the database stops and the count is
 * COUNT_TIMED_OUT): over the compound indexes on MongoDB, but a read of the
 * whole index on the embedded FerretDB.
 */
export async function readFeed(
  models: Models,
  kind: PublishedRecordDoc['kind'],
  filter: PublicationFilter,
  args: PageArgs,
  today = todayInCity(),
): Promise<FeedPage<FeedRow>> {
  checkFilter(filter);
  const page = await cachedFeedPage(models, kind, filter, args, today);
  const totalCount = async () => {
    try {
      return await models.PublishedRecord.countDocuments(publishedFilter(kind, filter, today))
        .maxTimeMS(policy().timeouts.feedCountMs)
        .exec();
    } catch (err) {
      // Stopped by the database at its bound (MaxTimeMSExpired): the page is served, the count is not.
      if ((err as { code?: number }).code !== 50) throw err;
      throw codedError(
        'COUNT_TIMED_OUT',
        `The feed could not be counted within ${policy().timeouts.feedCountMs} ms: narrow the filter, or page on without totalCount`,
      );
    }
  };
  return { ...page, totalCount };
}

/**
 * A published record as the public sees it, whoever asks: the person masked
 * (name, ID), and the personal data in its free text masked the same way.
 */
export function publicView(doc: FeedRow): ReturnType<typeof maskedView> {
  let view = publicViews.get(doc);
  if (!view) {
    view = maskedView(doc);
    publicViews.set(doc, view);
  }
  return view;
}

/**
 * The public views of rows, while the rows are held: a page of the feed
 * served again serves the same rows, and masking their free text was about
 * a tenth of the platform's work for such a page.
 */
const publicViews = new WeakMap<FeedRow, ReturnType<typeof maskedView>>();

function maskedView(doc: FeedRow) {
  const text = (value: string) => maskPersonalDataIn(value, { names: [doc.counterpartName] });
  return {
    // Record ids are opaque, but one gathered before that rule may name the person.
    id: maskCitizenIdsIn(doc._id),
    department: doc.bureau,
    authority: doc.authority,
    documentNumber: text(doc.documentNumber),
    category: doc.category,
    keyField: doc.keyField,
    grade: doc.grade,
    decisionDate: doc.decisionDate,
    publishedUntil: doc.publishedUntil,
    title: text(doc.title),
    content: text(doc.content),
    // The person's statement goes with the record, masked like its other free text (rows filed before statements were published have none).
    statement: doc.statement ? text(doc.statement) : null,
    counterpartName: maskName(doc.counterpartName),
    counterpartId: maskCitizenId(doc.personId),
    areaName: areaName(doc.areaCode),
    underObjection: doc.underObjection,
  };
}

/** Whether a record of the index is published on `today`. */
export function isPublished(doc: Pick<PublishedRecordDoc, 'withheld' | 'publishedUntil' | 'decisionDate'>, today = todayInCity()): boolean {
  return !doc.withheld && doc.decisionDate <= today && (doc.publishedUntil === null || doc.publishedUntil > today);
}

/** A published penalty as the API's PublishedPenalty. */
export function penaltyView(doc: FeedRow) {
  const view = publicView(doc);
  return {
    ...view,
    category: view.category!,
    grade: view.grade!,
    publishedUntil: view.publishedUntil!,
    decisionNumber: view.documentNumber,
    violationType: view.title,
    penaltyContent: view.content,
  };
}

/** A published licence as the API's PublishedLicence. */
export function licenceView(doc: FeedRow) {
  const view = publicView(doc);
  return { ...view, certificateName: view.title };
}

/** A page of the feed as served: its `totalCount` counted when asked for. */
export interface FeedPage<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

export type PenaltyFeedPage = FeedPage<ReturnType<typeof penaltyView>>;
export type LicenceFeedPage = FeedPage<ReturnType<typeof licenceView>>;

/** The field groups a page of published records serves: the penalties' or licences' group, and the masked identity. */
export function servedGroups(docs: readonly Pick<FeedRow, 'kind'>[]): string[] {
  const groups = new Set(['identity']);
  for (const doc of docs) groups.add(doc.kind === 'PENALTY' ? 'double_publicity_penalties' : 'double_publicity_licences');
  return [...groups].sort();
}

/**
 * The version of the rows' shape: their lookup keys (lookupKeysOf), the
 * feed's directory, (from 4) the department's record kept in the row's
 * detail, and (from 5) the row filed in the feed's buckets. Raised when it
 * changes, so that rows written before are brought to it, once.
 */
const ROW_SHAPE_VERSION = 5;

/** The directory's marker that every row of the index has this version's shape and is announced. */
const UPGRADED_MARKER = `migration:publishedRecords:v${ROW_SHAPE_VERSION}`;

/**
 * Rows filed in the feed's buckets at once while upgrading: the more, the
 * fewer bucket writes (a bucket-day gathers more of its rows before it is
 * written), at about 12 KB of memory a row while they are filed (the
 * platform reached about 825 MB filing 50,000).
 */
const UPGRADE_FILING_ROWS = 50_000;

/**
 * Brings every row of the index to this version's shape, reading the index
 * through once: its search key, its days announced in the feed's directory
 * and the row filed in the feed's buckets (a row from before would be
 * missing from the feed's pages until then), and a department's record
 * still kept in the row moved to the row's detail. The feed keys rows of
 * versions before 5 carry among their lookup keys are left there, unused:
 * rewriting every row would cost the upgrade a write per row. Idempotent,
 * so two platforms starting together do the same work twice, not wrong
 * work. A row a re-derivation changes while it runs is filed anew from
 * what the re-derivation left (see refileChangedSince).
 */
export async function upgradePublishedRecords(models: Models, log: Logger): Promise<void> {
  if (await models.FeedDirectory.exists({ _id: UPGRADED_MARKER }).exec()) return;
  const started = Date.now();
  let upgraded = 0;
  let filed = 0;
  let toFile: PublishedRecordDoc[] = [];
  const file = async () => {
    await fileInFeed(
      models,
      toFile.map((row) => ({ before: null, after: row })),
    );
    await refileChangedSince(models, toFile);
    filed += toFile.length;
    toFile = [];
  };
  const upgrade = async (docs: (PublishedRecordDoc & { record?: Record<string, unknown> | null })[]) => {
    await announceFeedDays(models, docs);
    // The detail first; one there already was written by a re-derivation since, from fresher facts.
    await insertManyUnordered(
      models.PublishedRecordDetail,
      docs.filter((doc) => doc.record).map((doc) => ({ _id: doc._id, record: doc.record })),
    );
    const stale = docs.filter((doc) => 'record' in doc || !lookupKeysOf(doc).every((key) => doc.lookupKeys?.includes(key)));
    // Only as read: a row a re-derivation replaced meanwhile has its new shape.
    await Promise.all(
      stale.map((doc) =>
        models.PublishedRecord.updateOne(
          { _id: doc._id, updatedAt: doc.updatedAt },
          { $set: { lookupKeys: lookupKeysOf(doc) }, $unset: { record: 1 } },
          // `record` is no longer a path of the schema: strict mode would drop its removal.
          { strict: false },
        ).exec(),
      ),
    );
    upgraded += stale.length;
    toFile.push(...docs);
    if (toFile.length >= UPGRADE_FILING_ROWS) await file();
  };
  let batch: PublishedRecordDoc[] = [];
  for await (const doc of models.PublishedRecord.find().lean<PublishedRecordDoc[]>().batchSize(1000).cursor()) {
    batch.push(doc);
    if (batch.length === 500) {
      await upgrade(batch);
      batch = [];
    }
  }
  await upgrade(batch);
  await file();
  // Rows filed only now are in the feed from now on.
  if (upgraded + filed > 0) await feedChanged(models);
  await models.FeedDirectory.updateOne({ _id: UPGRADED_MARKER }, { $set: { at: ['done'] } }, { upsert: true }).exec();
  if (upgraded + filed > 0)
    log.info('published records brought to the current shape', { upgraded, filed, version: ROW_SHAPE_VERSION, ms: Date.now() - started });
}

/**
 * Files anew the rows a re-derivation changed or removed since they were
 * read (their write time moved): the upgrade filed them as read, over what
 * the re-derivation had filed, so their buckets are brought to the row as
 * it stands, from the row as read.
 */
async function refileChangedSince(models: Models, read: readonly PublishedRecordDoc[]): Promise<void> {
  for (let from = 0; from < read.length; from += 1000) {
    const chunk = read.slice(from, from + 1000);
    const now = new Map(
      (
        await models.PublishedRecord.find(
          keysFilter(
            '_id',
            chunk.map((row) => row._id),
          ),
        )
          .lean<PublishedRecordDoc[]>()
          .exec()
      ).map((row) => [row._id, row]),
    );
    const moved = chunk.filter((row) => now.get(row._id)?.updatedAt.getTime() !== row.updatedAt.getTime());
    await fileInFeed(
      models,
      moved.map((row) => ({ before: row, after: now.get(row._id) ?? null })),
    );
  }
}
