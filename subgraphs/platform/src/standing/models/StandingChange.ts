import { Schema, type Connection } from 'mongoose';

import type { PunishmentGroundDoc, RestrictionDoc } from './JointPunishmentStatus';

/**
 * What the blacklist check needs to know about one person: the grounds of a
 * listing, the latest shown negative record (green channel), and their good
 * records. Whether a ground or an honour is in force is decided on the day
 * of the check, from the dates.
 */
export interface StandingDoc {
  personId: string;
  grounds: PunishmentGroundDoc[];
  /** Measures in force without a listing (absent in feed entries written before orders reached the check). */
  restrictions?: RestrictionDoc[];
  lastNegativeDecisionDate: string | null;
  /** Volunteer service or charity on record. */
  goodRecords: boolean;
  /** The periods of the person's red-list honours. */
  honours: { awardedOn: string; validUntil: string | null }[];
}

/**
 * One entry of the change feed of people's standings. Whoever re-derives
 * standings (the platform after a bureau's note, the seed) appends an entry
 * under the next sequence number; every platform instance applies the
 * entries in order to its in-memory listing index (listing-index.ts), so a
 * change written by one instance is seen by the next check on any other.
 * The sequence is claimed by a unique insert, never by a read-then-write.
 */
export interface StandingChangeDoc {
  /** Sequence number: 1, 2, 3, … without gaps. */
  _id: number;
  standings: StandingDoc[];
  at: Date;
}

const standingChangeSchema = new Schema<StandingChangeDoc>(
  {
    _id: { type: Number, required: true },
    // Written and read whole by the platform, never queried into.
    standings: { type: Schema.Types.Mixed, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'standing_changes', versionKey: false },
);

export function standingChangeModel(conn: Connection) {
  return conn.model<StandingChangeDoc>('StandingChange', standingChangeSchema);
}

/**
 * Where the feed ended when last looked: a hint that saves reading the feed
 * to find its end. Writers move it forward after appending; a hint left
 * behind is corrected by probing the entries after it.
 */
export interface StandingFeedHeadDoc {
  _id: 'head';
  sequence: number;
}

const standingFeedHeadSchema = new Schema<StandingFeedHeadDoc>(
  { _id: { type: String, required: true }, sequence: { type: Number, required: true } },
  { collection: 'standing_feed_head', versionKey: false },
);

export function standingFeedHeadModel(conn: Connection) {
  return conn.model<StandingFeedHeadDoc>('StandingFeedHead', standingFeedHeadSchema);
}
