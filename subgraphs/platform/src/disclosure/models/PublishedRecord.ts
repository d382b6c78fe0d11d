import type { Bureau, Publication } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

/**
 * One administrative penalty or licence of a department in the platform's
 * published-records index (disclosure/published-records.ts): a copy the
 * departments keep current through their credit facts. `_id` is
 * `<bureau>:<kind>:<record id>`. It is the department's publication
 * (shared/src/publication.ts) with where it comes from; the filters of the
 * 双公示 feed are fields of their own, each with an index in the feed's order.
 *
 * The department's whole record is kept apart, in a detail of the same
 * `_id` (PublishedRecordDetail.ts): the feed and the search, which read many
 * rows and show none of it, do not carry it (the embedded FerretDB spends
 * its time decoding what it returns: about 40% less per row without it).
 */
export interface PublishedRecordDoc extends Omit<Publication, 'record'> {
  _id: string;
  bureau: Bureau;
  personId: string;
  /** The county (area code) of the person's ID. */
  areaCode: string;
  /** The category's key field (二(二)三) in the policy, when it has one. */
  keyField: string | null;
  /**
   * The equality keys the record is found by on any database: the 双公示
   * feed's buckets (disclosure/feed-index.ts) and the public search's
   * county and last four characters of the ID (public-search.ts).
   */
  lookupKeys: string[];
  updatedAt: Date;
}

/** The feed's order: newest decision first, then the id (its keyset). */
export const FEED_ORDER = { decisionDate: -1, _id: 1 } as const;

/** A person's records in the feed's order (Person.administrativePenalties, the replacement by person). */
export const PERSON_ORDER = { personId: 1, ...FEED_ORDER } as const;

const publishedRecordSchema = new Schema<PublishedRecordDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['PENALTY', 'LICENCE'] },
    bureau: { type: String, required: true },
    recordId: { type: String, required: true },
    personId: { type: String, required: true },
    areaCode: { type: String, required: true },
    category: { type: String, default: null },
    keyField: { type: String, default: null },
    grade: { type: String, default: null },
    decisionDate: { type: String, required: true },
    publishedUntil: { type: String, default: null },
    withheld: { type: Boolean, required: true },
    underObjection: { type: Boolean, required: true },
    counterpartName: { type: String, required: true },
    authority: { type: String, required: true },
    documentNumber: { type: String, required: true },
    title: { type: String, required: true },
    content: { type: String, required: true },
    statement: { type: String, default: null },
    lookupKeys: { type: [String], required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'published_records', versionKey: false },
);
// The feed's pages and the search by county and ID suffix are equalities on
// `lookupKeys`. Every filter of the feed also leads an index in the feed's
// order, which a real MongoDB uses to count a filter (the feed's totalCount);
// a person's records are read and replaced by person.
publishedRecordSchema.index({ lookupKeys: 1 });
publishedRecordSchema.index({ kind: 1, ...FEED_ORDER });
publishedRecordSchema.index({ kind: 1, bureau: 1, ...FEED_ORDER });
publishedRecordSchema.index({ kind: 1, category: 1, ...FEED_ORDER });
publishedRecordSchema.index({ kind: 1, keyField: 1, ...FEED_ORDER });
publishedRecordSchema.index({ kind: 1, areaCode: 1, ...FEED_ORDER });
publishedRecordSchema.index(PERSON_ORDER);

export function publishedRecordModel(conn: Connection) {
  return conn.model<PublishedRecordDoc>('PublishedRecord', publishedRecordSchema);
}
