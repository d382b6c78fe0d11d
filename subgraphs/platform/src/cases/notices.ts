import { randomUUID } from 'node:crypto';

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
  /** The measures stored before this derivation. */
  measuresBefore: readonly string[];
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

// A listing ends once: its notice's id is the listing's, whether a derivation or the daily sweep (the window's end) finds it ended.
export function delistedNotice(t: Pick<StandingTransition, 'personId' | 'since'>, at: Date): NotificationDoc {
  const caseId = opaqueId('DLS', t.personId, t.since ?? '');
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

/**
 * Measures that started or ended while the listing did not (a court's
 * consumption-restriction order made or lifted, a ground added to a
 * listing): which, and how to dispute them.
 */
function measuresNotice(t: StandingTransition, at: Date): NotificationDoc[] {
  const started = t.measures.filter((m) => !t.measuresBefore.includes(m)).sort();
  const ended = t.measuresBefore.filter((m) => !t.measures.includes(m)).sort();
  if (started.length === 0 && ended.length === 0) return [];
  const caseId = opaqueId('MSR', t.personId, t.today, started.join(','), ended.join(','));
  const parts = [
    started.length ? `Measures that now apply to you: ${started.map(measureLabel).join('; ')}.` : '',
    ended.length ? `Measures that no longer apply: ${ended.map(measureLabel).join('; ')}.` : '',
    started.length ? 'If the record or order behind them is wrong, file an objection with its department.' : '',
  ];
  return [
    {
      _id: `NTF-${caseId}`,
      personId: t.personId,
      kind: 'MEASURES_CHANGED',
      caseId,
      outcome: 'MEASURES_CHANGED',
      message: parts.filter(Boolean).join(' '),
      createdAt: at,
    },
  ];
}

/** Tells each person whose listing began or ended, or whose measures changed; a notice already written is not written again. */
export async function noticeListingChanges(model: Model<NotificationDoc>, transitions: readonly StandingTransition[], at: Date = new Date()): Promise<void> {
  const notices = transitions.flatMap((t) =>
    t.listed && !t.wasListed ? [listedNotice(t, at)] : !t.listed && t.wasListed ? [delistedNotice(t, at)] : measuresNotice(t, at),
  );
  await insertManyUnordered(model, notices as unknown as Record<string, unknown>[]);
}

/**
 * The end of a record's display period is no event a department sends: the
 * daily sweep (window-ends.ts) finds it. The person is told the record is
 * no longer shown, shared or used; once per record and end.
 */
export function windowEndedNotice(personId: string, record: { bureau: string; recordId: string; category: string; until: string }, at: Date): NotificationDoc {
  const caseId = opaqueId('WND', personId, record.bureau, record.recordId, record.until);
  return {
    _id: `NTF-${caseId}`,
    personId,
    kind: 'WINDOW_ENDED',
    caseId,
    outcome: 'WINDOW_ENDED',
    message: maskCitizenIdsIn(
      `Your ${record.bureau} record ${record.recordId} (${categoryPolicy(record.category).label}) reached the end of its display period on ${record.until}: it is no longer shown, shared, or used for lists, checks and evaluation. It stays stored for as long as the law requires.`,
      personId,
    ),
    createdAt: at,
  };
}

/**
 * A postponement's end (申请延期): the day after its last day the measures
 * it suspended apply again (those still in force on the person); once per
 * record and postponement.
 */
export function postponementEndedNotice(
  personId: string,
  ground: { bureau: string; recordId: string; category: string; postponedUntil: string },
  measuresInForce: readonly string[],
  at: Date,
): NotificationDoc {
  const caseId = opaqueId('PPE', personId, ground.bureau, ground.recordId, ground.postponedUntil);
  const suspended = policy().postponement.measuresSuspendedCategories.includes(ground.category) ? (categoryPolicy(ground.category).measures ?? []) : [];
  const again = suspended.filter((m) => measuresInForce.includes(m));
  return {
    _id: `NTF-${caseId}`,
    personId,
    kind: 'POSTPONEMENT_ENDED',
    caseId,
    outcome: 'POSTPONEMENT_ENDED',
    message: maskCitizenIdsIn(
      `The postponement of your ${ground.bureau} record ${ground.recordId} (${categoryPolicy(ground.category).label}) ended on ${ground.postponedUntil}. ` +
        (again.length ? `Measures that apply again: ${again.map(measureLabel).join('; ')}. ` : '') +
        'Perform the obligation and apply to repair the record, or ask the department for a postponement again.',
      personId,
    ),
    createdAt: at,
  };
}

/** What a partner's read told the person: who read what, under which consent, or what was refused. */
export interface PartnerRead {
  personId: string;
  institution: string;
  purpose: string | null;
  consentId: string | null;
  fieldGroups: readonly string[];
  deniedFieldGroups: readonly string[];
  outcome: string;
}

/**
 * A partner's read of the person (served under their consent, or refused
 * for lack of one), told to the person as it is logged. The id is new for
 * every read: each read is its own event.
 */
export function partnerReadNotice(read: PartnerRead, at: Date): NotificationDoc {
  const caseId = `PRD-${randomUUID()}`;
  const served = read.fieldGroups.length ? `read ${read.fieldGroups.join(', ')} under your consent${read.consentId ? ` ${read.consentId}` : ''}` : '';
  const denied = read.deniedFieldGroups.length ? `was refused ${read.deniedFieldGroups.join(', ')}: no consent of yours covers it` : '';
  return {
    _id: `NTF-${caseId}`,
    personId: read.personId,
    kind: 'PARTNER_READ',
    caseId,
    outcome: read.outcome,
    message: `${read.institution}${read.purpose ? ` (purpose ${read.purpose})` : ''} ${[served, denied].filter(Boolean).join(' and ') || 'asked about you and was served nothing'}. Every read is in your query log; you may revoke a consent at any time.`,
    createdAt: at,
  };
}
