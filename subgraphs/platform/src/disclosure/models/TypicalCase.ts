import { Schema, type Connection } from 'mongoose';

/**
 * A typical case (典型案例, 二(一)三: "在'信用中国(四川绵阳)'网站公示,定期
 * 更新"): drafted by a platform reviewer from published records, approved
 * (and so published) by another reviewer or sent back, later withdrawn.
 * `version` guards each step against a concurrent one.
 */
export type TypicalCaseStatus = 'DRAFT' | 'RETURNED' | 'PUBLISHED' | 'WITHDRAWN';

export interface TypicalCaseDoc {
  _id: string;
  title: string;
  /** As the author wrote it; shown with personal data masked (typical-cases.ts). */
  summary: string;
  category: string;
  measures: string[];
  /** Published-record ids (disclosure/) the case is drawn from. */
  citedRecordIds: string[];
  status: TypicalCaseStatus;
  authorId: string;
  draftedAt: Date;
  /** The reviewer who approved, sent back or withdrew it last, and why. */
  reviewerId: string | null;
  reviewNote: string | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  version: number;
}

const typicalCaseSchema = new Schema<TypicalCaseDoc>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true, trim: true, maxlength: 200 },
    summary: { type: String, required: true, trim: true, maxlength: 5000 },
    category: { type: String, required: true },
    measures: { type: [String], default: [] },
    citedRecordIds: { type: [String], required: true },
    status: { type: String, required: true, enum: ['DRAFT', 'RETURNED', 'PUBLISHED', 'WITHDRAWN'] },
    authorId: { type: String, required: true },
    draftedAt: { type: Date, required: true },
    reviewerId: { type: String, default: null },
    reviewNote: { type: String, default: null },
    publishedAt: { type: Date, default: null },
    withdrawnAt: { type: Date, default: null },
    version: { type: Number, required: true },
  },
  { collection: 'typical_cases', versionKey: false },
);
// The public list: published cases, newest first, by category or all.
typicalCaseSchema.index({ status: 1, publishedAt: -1, _id: 1 });
typicalCaseSchema.index({ status: 1, category: 1, publishedAt: -1, _id: 1 });

export function typicalCaseModel(conn: Connection) {
  return conn.model<TypicalCaseDoc>('TypicalCase', typicalCaseSchema);
}
