import { addNegativeRecordIndexes, categoriesOfKind, negativeRecordFields, type NegativeRecordDoc } from '@credit/shared';
import { Schema, type Connection } from 'mongoose';

export const RESEARCH_MISCONDUCT_TYPES = [
  'PLAGIARISM',
  'FABRICATION',
  'FALSIFICATION',
  'GHOSTWRITING',
  'FAKE_PEER_REVIEW',
  'IMPROPER_AUTHORSHIP',
  'FALSE_APPLICATION',
] as const;
export type ResearchMisconductType = (typeof RESEARCH_MISCONDUCT_TYPES)[number];

/** A finding of research misconduct (科研失信行为) and the measures decided for it. */
export interface ResearchMisconductDoc extends NegativeRecordDoc {
  category: 'RESEARCH_MISCONDUCT';
  misconductType: ResearchMisconductType;
  institution: string;
  projectName: string | null;
  projectNumber: string | null;
  publicationTitle: string | null;
  journal: string | null;
  description: string;
  penalty: string;
}

const researchMisconductSchema = new Schema<ResearchMisconductDoc>(
  {
    ...negativeRecordFields,
    category: { type: String, required: true, enum: categoriesOfKind('EDUCATION', 'RESEARCH_MISCONDUCT') },
    misconductType: { type: String, required: true, enum: RESEARCH_MISCONDUCT_TYPES },
    institution: { type: String, required: true },
    projectName: { type: String, default: null },
    projectNumber: { type: String, default: null },
    publicationTitle: { type: String, default: null },
    journal: { type: String, default: null },
    description: { type: String, required: true },
    penalty: { type: String, required: true },
  },
  { collection: 'research_misconduct', versionKey: false },
);
addNegativeRecordIndexes(researchMisconductSchema);

export function researchMisconductModel(conn: Connection) {
  return conn.model<ResearchMisconductDoc>('ResearchMisconduct', researchMisconductSchema);
}
