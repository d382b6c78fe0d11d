import { isDeepStrictEqual } from 'node:util';

import {
  areaName,
  badInput,
  categoryPolicy,
  codedError,
  insertManyUnordered,
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

import type { Models } from '../models';
import { announceFeedDays, feedKeysOf, readFeedPage, type FeedFilter } from './feed-index';
import type { PublishedRecordDoc } from './models/PublishedRecord';

/**
 * The platform's published-records index (双公示, 二(一)三): every
 * department's administrative penalties and licences, as the departments
 * publish them with their credit facts (shared/src/publication.ts). Each
 * re-derivation of people, which follows every change a department makes
 * (the department's outbox delivers the note, also after the platform was
 * down), replaces their rows with what every department holds now, so a
 * record corrected, removed or repaired is changed here before the next
 * read. The 双公示 feed is read from it: no page asks the departments.
 */

/**
 * The key the public search finds a person's records by from the first 6
 * and the last 4 characters of their ID (an equality, see feed-index.ts).
 */
export function idEndsKey(first6: string, last4: string): string {
  return `idEnds:${first6}${last4}`;
}

/** Every equality key of a record: the feed's buckets and the search's. */
export function lookupKeysOf(doc: Omit<PublishedRecordDoc, 'lookupKeys'>): string[] {
  return [...feedKeysOf(doc), idEndsKey(doc.personId.slice(0, 6), doc.personId.slice(-4))];
}

function toDoc(personId: string, p: Publication & { bureau: string }, now: Date): PublishedRecordDoc {
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
    record: p.record,
    updatedAt: now,
  };
  return { ...doc, lookupKeys: lookupKeysOf(doc) };
}

/**
 * Whether a stored record says the same as a fresh one (its write time
 * aside), down to the department's whole record it carries, whatever the
 * order of the keys.
 */
function sameContent(a: PublishedRecordDoc, b: PublishedRecordDoc): boolean {
  const { updatedAt: _a, ...left } = a;
  const { updatedAt: _b, ...right } = b;
  return isDeepStrictEqual(left, right);
}

/**
 * Replaces the published records of these people with their facts' (every
 * department's, complete, or the one bureau's that was asked): new ones
 * inserted together, changed ones replaced one by one, vanished ones
 * deleted, unchanged ones left alone.
 * (Not one bulk of upserts: the embedded FerretDB runs each upsert as a
 * transaction of its own, and a seed's thousands of them time out.)
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
  const stored = new Map(
    (
      await models.PublishedRecord.find({ ...keysFilter('personId', [...personIds]), ...(bureau ? { bureau } : {}) })
        .lean<PublishedRecordDoc[]>()
        .exec()
    ).map((d) => [d._id, d]),
  );
  const fresh = docs.filter((doc) => !stored.has(doc._id));
  const changed = docs.filter((doc) => stored.has(doc._id) && !sameContent(stored.get(doc._id)!, doc));
  const kept = new Set(docs.map((d) => d._id));
  const gone = [...stored.keys()].filter((id) => !kept.has(id));
  // The feed's directory announces their days before they can be read.
  await announceFeedDays(models, [...fresh, ...changed]);
  const inserted = await insertManyUnordered(models.PublishedRecord, fresh as unknown as Record<string, unknown>[]);
  // One that a concurrent derivation inserted meanwhile is replaced like a changed one.
  const replace = [...changed, ...fresh.filter((_, k) => !inserted[k])];
  await Promise.all(replace.map((doc) => models.PublishedRecord.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec()));
  if (gone.length > 0) await models.PublishedRecord.deleteMany(keysFilter('_id', gone)).exec();
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
): Promise<FeedPage<PublishedRecordDoc>> {
  checkFilter(filter);
  const page = await readFeedPage(models, kind, filter, args, today);
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
export function publicView(doc: PublishedRecordDoc) {
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
export function penaltyView(doc: PublishedRecordDoc) {
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
export function licenceView(doc: PublishedRecordDoc) {
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
export function servedGroups(docs: readonly PublishedRecordDoc[]): string[] {
  const groups = new Set(['identity']);
  for (const doc of docs) groups.add(doc.kind === 'PENALTY' ? 'double_publicity_penalties' : 'double_publicity_licences');
  return [...groups].sort();
}

/**
 * The version of the lookup keys (lookupKeysOf) and of the feed's
 * directory: raised when their shape changes, so that records written
 * before are keyed and announced again, once.
 */
const LOOKUP_KEYS_VERSION = 3;

/** The directory's marker that every record of the index has this version's lookup keys and days. */
const KEYED_MARKER = `migration:lookupKeys:v${LOOKUP_KEYS_VERSION}`;

/**
 * Gives every record of the index this version's lookup keys and announces
 * its days in the feed's directory, reading the index through once:
 * records written before the keys existed, or before their shape changed,
 * would be missing from the feed's pages and the search by ID ends until
 * then. Idempotent, so two platforms starting together do the same work
 * twice, not wrong work; a record written meanwhile has its keys already
 * and is left as it is.
 */
export async function keyUnkeyedRecords(models: Models, log: Logger): Promise<void> {
  if (await models.FeedDirectory.exists({ _id: KEYED_MARKER }).exec()) return;
  let keyed = 0;
  const rekey = async (docs: PublishedRecordDoc[]) => {
    await announceFeedDays(models, docs);
    const stale = docs.filter((doc) => !isDeepStrictEqual(doc.lookupKeys, lookupKeysOf(doc)));
    // Only as read: a record a re-derivation replaced meanwhile has its own keys, of its new content.
    await Promise.all(
      stale.map((doc) => models.PublishedRecord.updateOne({ _id: doc._id, updatedAt: doc.updatedAt }, { $set: { lookupKeys: lookupKeysOf(doc) } }).exec()),
    );
    keyed += stale.length;
  };
  let batch: PublishedRecordDoc[] = [];
  for await (const doc of models.PublishedRecord.find().lean<PublishedRecordDoc[]>().batchSize(1000).cursor()) {
    batch.push(doc);
    if (batch.length === 500) {
      await rekey(batch);
      batch = [];
    }
  }
  await rekey(batch);
  await models.FeedDirectory.updateOne({ _id: KEYED_MARKER }, { $set: { at: ['done'] } }, { upsert: true }).exec();
  if (keyed > 0) log.info('published records given their lookup keys', { keyed, version: LOOKUP_KEYS_VERSION });
}
