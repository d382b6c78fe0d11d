/**
 * Positive records are not bureau records: associations, registries and
 * charities report them to the platform, so each names the organisation that
 * reported it and the legal basis it was collected on (MISSION rule 1).
 */
export interface PositiveRecordSourceFields {
  sourceOrganisation: string;
  legalBasis: string;
  collectedAt: Date;
}

/** Mongoose schema definition of {@link PositiveRecordSourceFields}, spread into each positive-record schema. */
export const positiveRecordSourceFields = {
  sourceOrganisation: { type: String, required: true },
  legalBasis: { type: String, required: true },
  collectedAt: { type: Date, required: true, default: () => new Date() },
} as const;

/** The `PositiveRecordSource` of a positive record. */
export function positiveRecordSource(doc: PositiveRecordSourceFields) {
  return { organisation: doc.sourceOrganisation, legalBasis: doc.legalBasis, collectedAt: doc.collectedAt };
}
