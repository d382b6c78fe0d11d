import { todayInCity } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

import { positiveRecordSourceFields, type PositiveRecordSourceFields } from './positive-record';

/** An honour or distinction that puts a person on the red list (MISSION rule 9). */
export interface RedListEntryDoc extends PositiveRecordSourceFields {
  _id: string;
  personId: string;
  title: string;
  awardingBody: string;
  awardedOn: string;
  /** Last day it counts, inclusive; null for a lifetime honour. */
  validUntil?: string | null;
}

/** Display order of a person's honours: most recent award first. */
export const RED_LIST_ORDER = { personId: 1, awardedOn: -1, _id: 1 } as const;

/** Whether an honour counts for the red list on `today`. */
export function redListEntryInForce(doc: Pick<RedListEntryDoc, 'awardedOn' | 'validUntil'>, today: string = todayInCity()): boolean {
  return doc.awardedOn <= today && (!doc.validUntil || today <= doc.validUntil);
}

const redListEntrySchema = new Schema<RedListEntryDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    title: { type: String, required: true },
    awardingBody: { type: String, required: true },
    awardedOn: { type: String, required: true },
    validUntil: { type: String, default: null },
    ...positiveRecordSourceFields,
  },
  { collection: 'red_list_entries', versionKey: false },
);
redListEntrySchema.index(RED_LIST_ORDER);
/** The honour roll's order and keyset: most recent award first (honour-roll.ts). */
redListEntrySchema.index({ awardedOn: -1, _id: 1 });

export function redListEntryModel(conn: Connection) {
  return conn.model<RedListEntryDoc>('RedListEntry', redListEntrySchema);
}
