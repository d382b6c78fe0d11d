import { policy } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

/**
 * A person's joint-punishment status (MISSION rule 8), keyed by citizen ID.
 * It is derived from the bureaus' records by the listing workflow and
 * rewritten with one atomic update filtered on `version`, so two derivations
 * racing each other cannot interleave their categories and measures.
 */
export interface PunishmentGroundDoc {
  bureau: string;
  recordId: string;
  category: string;
  since: string;
  /** First day the record is no longer shown: the ground lapses by itself then. */
  until: string;
  underObjection?: boolean;
  /** The person's statement (本人声明) on the record, when they attached one. */
  statement?: string | null;
  /** Last day of a postponement the department granted on the record (申请延期); measures may be suspended until then (standing-rules.ts). */
  postponedUntil?: string | null;
  /** A company's listing by one department reaching the person through an office another records (joinCompanyGrounds): derived again at every derivation, never kept. */
  joined?: boolean;
}

/** An office a department records the person holding in a company, kept to join with other departments' listings of it. */
export interface OfficeDoc {
  bureau: string;
  officeId: string;
  unifiedSocialCreditCode: string;
  until: string | null;
  underObjection: boolean;
}

/**
 * Measures in force on the person without a listing: a court's
 * consumption-restriction order until it is lifted (until null), or a shown
 * record whose category carries measures but no listing.
 */
export interface RestrictionDoc {
  bureau: string;
  recordId: string;
  measures: string[];
  since: string;
  until: string | null;
}

/** A shown negative record of any grade, as the evaluation needs it. */
export interface NegativeFactDoc {
  bureau: string;
  recordId: string;
  category: string;
  grade: 'MINOR' | 'GENERAL' | 'SERIOUS';
  since: string;
  until: string;
}

export interface JointPunishmentStatusDoc {
  /** Citizen ID. */
  _id: string;
  /** The bureaus' records that ground the listing, as last reported. */
  grounds: PunishmentGroundDoc[];
  /** Measures in force without a listing (absent in statuses stored before orders reached the check). */
  restrictions?: RestrictionDoc[];
  /** Every shown negative record of the bureaus (for the credit evaluation). */
  negatives?: NegativeFactDoc[];
  /** The person's offices in companies, by department (absent in statuses stored before listings were joined across departments). */
  offices?: OfficeDoc[];
  /** Latest shown negative record of any bureau (for the green channel). */
  lastNegativeDecisionDate?: string | null;
  listed: boolean;
  /** Credit policy categories with `jointPunishment: true`. */
  categories: string[];
  measures: string[];
  since?: string | null;
  until?: string | null;
  updatedAt: Date;
  version: number;
}

/** Whether every category is one the credit policy lists for joint punishment (a status may hold no other). */
export function areJointPunishmentCategories(categories: readonly string[]): boolean {
  return categories.every((c) => policy().categories[c]?.jointPunishment === true);
}

export function notJointPunishmentCategories(categories: unknown): string {
  return `categories ${JSON.stringify(categories)} must be joint-punishment categories of credit policy ${policy().version}`;
}

const jointPunishmentStatusSchema = new Schema<JointPunishmentStatusDoc>(
  {
    _id: { type: String, required: true },
    grounds: [
      {
        _id: false,
        bureau: { type: String, required: true },
        recordId: { type: String, required: true },
        category: { type: String, required: true },
        since: { type: String, required: true },
        until: { type: String, required: true },
        underObjection: { type: Boolean, default: false },
        statement: { type: String, default: null },
        postponedUntil: { type: String, default: null },
        joined: { type: Boolean, default: false },
      },
    ],
    restrictions: [
      {
        _id: false,
        bureau: { type: String, required: true },
        recordId: { type: String, required: true },
        measures: { type: [String], required: true },
        since: { type: String, required: true },
        until: { type: String, default: null },
      },
    ],
    negatives: [
      {
        _id: false,
        bureau: { type: String, required: true },
        recordId: { type: String, required: true },
        category: { type: String, required: true },
        grade: { type: String, required: true },
        since: { type: String, required: true },
        until: { type: String, required: true },
      },
    ],
    offices: {
      type: [
        {
          _id: false,
          bureau: { type: String, required: true },
          officeId: { type: String, required: true },
          unifiedSocialCreditCode: { type: String, required: true },
          until: { type: String, default: null },
          underObjection: { type: Boolean, default: false },
        },
      ],
      // Absent, not empty, in statuses stored before offices were kept: those are derived from every department once.
      default: undefined,
    },
    lastNegativeDecisionDate: { type: String, default: null },
    listed: { type: Boolean, required: true },
    categories: {
      type: [String],
      required: true,
      validate: { validator: areJointPunishmentCategories, message: (props: { value: unknown }) => notJointPunishmentCategories(props.value) },
    },
    measures: { type: [String], required: true },
    since: { type: String, default: null },
    until: { type: String, default: null },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'joint_punishment_status', versionKey: false },
);

// The daily sweep of display windows' ends finds the records that ended since it last ran (cases/window-ends.ts).
jointPunishmentStatusSchema.index({ 'negatives.until': 1 });
// ... and the postponements that ended since then.
jointPunishmentStatusSchema.index({ 'grounds.postponedUntil': 1 });

export function jointPunishmentStatusModel(conn: Connection) {
  return conn.model<JointPunishmentStatusDoc>('JointPunishmentStatus', jointPunishmentStatusSchema);
}
