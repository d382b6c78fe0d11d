import { Schema, type Connection } from 'mongoose';

export const EDUCATION_LEVELS = ['PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'VOCATIONAL', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Levels on which an academic degree (学位) is awarded. */
export const DEGREE_LEVELS: readonly EducationLevel[] = ['BACHELOR', 'MASTER', 'DOCTORATE'];

/** The degree awarded on an enrolment, as on its certificate. */
export interface DegreeDoc {
  name: string;
  certificateNumber: string;
  awardedOn: string;
}

/** One enrolment of a person at a school or university (学籍学历信息). */
export interface EducationRecordDoc {
  _id: string;
  personId: string;
  institution: string;
  level: EducationLevel;
  major: string | null;
  startDate: string;
  endDate: string | null;
  graduated: boolean;
  degree: DegreeDoc | null;
  legalBasis: string;
  collectedAt: Date;
}

/** An enrolment on which a degree was awarded. */
export type DegreeEntry = EducationRecordDoc & { degree: DegreeDoc; major: string };

/**
 * Whether a degree was awarded on the enrolment. A degree certifies a
 * completed bachelor, master or doctoral programme in a named field, so an
 * entry claiming one on anything else is not listed as a degree.
 */
export function hasDegree(record: EducationRecordDoc): record is DegreeEntry {
  return !!record.degree && !!record.major && record.graduated && DEGREE_LEVELS.includes(record.level);
}

/** A person's enrolments in the order they were started. */
export const EDUCATION_ORDER = { personId: 1, startDate: 1, _id: 1 } as const;

const degreeSchema = new Schema<DegreeDoc>(
  {
    name: { type: String, required: true },
    certificateNumber: { type: String, required: true },
    awardedOn: { type: String, required: true },
  },
  { _id: false },
);

const educationRecordSchema = new Schema<EducationRecordDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    institution: { type: String, required: true },
    level: { type: String, required: true, enum: EDUCATION_LEVELS },
    major: { type: String, default: null },
    startDate: { type: String, required: true },
    endDate: { type: String, default: null },
    graduated: { type: Boolean, required: true },
    degree: { type: degreeSchema, default: null },
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'education_records', versionKey: false },
);
educationRecordSchema.index(EDUCATION_ORDER);

export function educationRecordModel(conn: Connection) {
  return conn.model<EducationRecordDoc>('EducationRecord', educationRecordSchema);
}
