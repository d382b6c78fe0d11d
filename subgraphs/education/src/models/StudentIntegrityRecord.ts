import {
  addNegativeRecordIndexes,
  ageOfPersonOn,
  categoriesOfKind,
  isValidCitizenId,
  negativeRecordFields,
  policy,
  type NegativeRecordDoc,
} from '@credit/shared';
import { Query, Schema, type Connection } from 'mongoose';

/** A category of the policy written as a student integrity record (`recordKind` STUDENT_INTEGRITY_RECORD). */
export type StudentIntegrityCategory = string;

/** A dishonest act recorded in the integrity file (诚信档案) of an adult student. */
export interface StudentIntegrityRecordDoc extends NegativeRecordDoc {
  category: StudentIntegrityCategory;
  institution: string;
  description: string;
  actDate: string;
}

/**
 * The person a record under validation belongs to: the document's own, or,
 * when an update validator runs with the query as `this`, the one the
 * update sets or the filter names.
 */
function personIdOf(context: unknown): string | undefined {
  let value: unknown;
  if (context instanceof Query) {
    const update = (context.getUpdate() ?? {}) as { personId?: unknown; $set?: { personId?: unknown } };
    value = update.$set?.personId ?? update.personId ?? (context.getFilter() as { personId?: unknown }).personId;
  } else {
    value = (context as { personId?: unknown } | undefined)?.personId;
  }
  return typeof value === 'string' ? value : undefined;
}

const studentIntegrityRecordSchema = new Schema<StudentIntegrityRecordDoc>(
  {
    ...negativeRecordFields,
    category: { type: String, required: true, enum: categoriesOfKind('EDUCATION', 'STUDENT_INTEGRITY_RECORD') },
    institution: { type: String, required: true },
    description: { type: String, required: true },
    actDate: {
      type: String,
      required: true,
      // Integrity files must never hold what a minor did (MISSION rule 10),
      // whoever writes the record; the ID carries the birth date,
      // so the rule needs no other collection.
      validate: {
        validator(this: unknown, actDate: string) {
          const personId = personIdOf(this);
          // Without a known person the age cannot be shown to be adult, so the write is refused.
          return personId !== undefined && isValidCitizenId(personId) && ageOfPersonOn(personId, actDate) >= policy().minors.adultAge;
        },
        message: (props: { value: unknown }) =>
          `act on ${String(props.value)}: student integrity files hold acts of adults only (aged ${policy().minors.adultAge} or over at the act), and this person was under age or is unknown`,
      },
    },
  },
  { collection: 'student_integrity_records', versionKey: false },
);
addNegativeRecordIndexes(studentIntegrityRecordSchema);

export function studentIntegrityRecordModel(conn: Connection) {
  return conn.model<StudentIntegrityRecordDoc>('StudentIntegrityRecord', studentIntegrityRecordSchema);
}
