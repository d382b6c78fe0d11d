import { isDuplicateKeyError, maskCitizenIdsIn } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const NOTIFICATION_KINDS = [
  'OBJECTION_DECIDED',
  'REPAIR_DECIDED',
  'APPEAL_DECIDED',
  'LISTED',
  'DELISTED',
  'MEASURES_CHANGED',
  'WINDOW_ENDED',
  'PARTNER_READ',
  'COMPLAINT_DECIDED',
  'POSTPONEMENT_DECIDED',
  'POSTPONEMENT_ENDED',
  'COMMITMENT_BROKEN',
  'INSTITUTION_BLACKLISTED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * What the platform tells a person about their own case (MISSION rule 7:
 * "the person is told"). Written once per decision, with an id derived from
 * the case so a retried decision cannot tell the person twice.
 */
export interface NotificationDoc {
  _id: string;
  personId: string;
  kind: NotificationKind;
  /** The objection, repair application or appeal the notice is about, or the listing, record or read (an opaque id: cases/notices.ts). */
  caseId: string;
  outcome: string;
  message: string;
  createdAt: Date;
}

export const NOTIFICATION_ORDER = { personId: 1, createdAt: -1, _id: 1 } as const;

const notificationSchema = new Schema<NotificationDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    kind: { type: String, required: true, enum: [...NOTIFICATION_KINDS] },
    caseId: { type: String, required: true },
    outcome: { type: String, required: true },
    message: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'notifications', versionKey: false },
);
notificationSchema.index(NOTIFICATION_ORDER);

export function notificationModel(conn: Connection) {
  return conn.model<NotificationDoc>('Notification', notificationSchema);
}

/** Tells the person once; a repeat for the same case is a no-op. */
export async function notifyPerson(model: ReturnType<typeof notificationModel>, doc: Omit<NotificationDoc, '_id' | 'createdAt'>): Promise<void> {
  // A notice quotes records and reasons: only the person's own ID may stay in it.
  const message = maskCitizenIdsIn(doc.message, doc.personId);
  await model.create({ ...doc, message, _id: `NTF-${doc.caseId}`, createdAt: new Date() }).catch((err: unknown) => {
    if (!isDuplicateKeyError(err)) throw err;
  });
}
