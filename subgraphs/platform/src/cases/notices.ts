import { categoryPolicy, insertManyUnordered, maskCitizenIdsIn, opaqueId, policy } from '@credit/shared';
import type { Model } from 'mongoose';

import type { NotificationDoc } from './models/Notification';

/**
 * Credit warnings (信用警示, seed 二(五)二): the person is told when a record
 * puts them on the joint-punishment list, with the records, the measures,
 * and how to object and to repair, and again when they come off it. Written
 * where the status is derived, after it is stored; the notice's id is
 * derived from the person's listing (never their ID in clear), so a
 * derivation done again tells them once.
 */
export interface StandingTransition {
  personId: string;
  wasListed: boolean;
  listed: boolean;
  /** First day of the listing (the new one, or the one that ended). */
  since: string | null;
  measures: string[];
  grounds: readonly { bureau: string; recordId: string; category: string }[];
  /** The city day the change was derived on. */
  today: string;
}

const measureLabel = (code: string) => policy().measures[code]?.label ?? code;

function listedNotice(t: StandingTransition, at: Date): NotificationDoc {
  const caseId = opaqueId('LST', t.personId, t.since ?? t.today);
  const records = t.grounds.map((g) => `${g.bureau} record ${g.recordId} (${categoryPolicy(g.category).label})`).join('; ');
  const { objectionDecisionWorkingDays } = policy().deadlines;
  return {
    _id: `NTF-${caseId}`,
    personId: t.personId,
    kind: 'LISTED',
    caseId,
    outcome: 'LISTED',
    message: maskCitizenIdsIn(
      `You are on the joint-punishment list from ${t.since}, because of ${records}. Measures that apply: ${t.measures.map(measureLabel).join('; ') || 'none'}. ` +
        `If a record is wrong, file an objection (the department decides within ${objectionDecisionWorkingDays} working days, and the record is flagged meanwhile); ` +
        'once its minimum display period has run, you may apply to repair it.',
      t.personId,
    ),
    createdAt: at,
  };
}

function delistedNotice(t: StandingTransition, at: Date): NotificationDoc {
  const caseId = opaqueId('DLS', t.personId, t.since ?? '', t.today);
  return {
    _id: `NTF-${caseId}`,
    personId: t.personId,
    kind: 'DELISTED',
    caseId,
    outcome: 'DELISTED',
    message: `You are no longer on the joint-punishment list (listed since ${t.since}): its measures no longer apply.`,
    createdAt: at,
  };
}

/** Tells each person whose listing began or ended; a notice already written is not written again. */
export async function noticeListingChanges(model: Model<NotificationDoc>, transitions: readonly StandingTransition[], at: Date = new Date()): Promise<void> {
  const notices = transitions.flatMap((t) => (t.listed && !t.wasListed ? [listedNotice(t, at)] : !t.listed && t.wasListed ? [delistedNotice(t, at)] : []));
  await insertManyUnordered(model, notices as unknown as Record<string, unknown>[]);
}
