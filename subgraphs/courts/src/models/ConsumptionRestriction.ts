import { policy } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

import { nonEmpty } from './validators';

/** A consumption-restriction order (限制消费令) issued against the person in an enforcement case. */
export interface ConsumptionRestrictionDoc {
  _id: string;
  personId: string;
  caseNumber: string;
  court: string;
  /** Values of the credit policy's `consumptionRestrictions`. */
  measures: string[];
  since: string;
  liftedOn?: string | null;
  legalBasis: string;
  collectedAt: Date;
}

/** Display order of a person's orders: newest first, then id. */
export const CONSUMPTION_RESTRICTION_ORDER = { personId: 1, since: -1, _id: 1 } as const;

const consumptionRestrictionSchema = new Schema<ConsumptionRestrictionDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    caseNumber: { type: String, required: true },
    court: { type: String, required: true },
    measures: {
      type: [String],
      validate: [
        nonEmpty,
        {
          // The list of measures is policy data, so it is read when validating rather than frozen into the schema.
          validator: (measures: string[]) => measures.every((m) => policy().consumptionRestrictions.includes(m)),
          message: (props: { value: unknown }) => `measures ${String(props.value)} must be among the credit policy's consumptionRestrictions`,
        },
      ],
    },
    since: { type: String, required: true },
    liftedOn: { type: String, default: null },
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'consumption_restrictions', versionKey: false },
);
consumptionRestrictionSchema.index(CONSUMPTION_RESTRICTION_ORDER);

export function consumptionRestrictionModel(conn: Connection) {
  return conn.model<ConsumptionRestrictionDoc>('ConsumptionRestriction', consumptionRestrictionSchema);
}
