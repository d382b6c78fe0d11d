import { Schema, type Connection } from 'mongoose';

import { seesIdentityUnmasked } from './access';
import { todayInCity } from './display-window';
import type { IngestKind } from './ingestion';
import { groupedLoader } from './loaders';
import { maskCertificateNumber, maskCitizenId, maskName, maskPersonalDataIn } from './masking';
import {
  addNegativeRecordIndexes,
  calendarDateField,
  NEGATIVE_RECORD_ORDER,
  negativeRecordFields,
  negativeRecordResolvers,
  type NegativeRecordDoc,
} from './negative-record';
import { paginate, type PageArgs } from './pagination';
import type { AccessContext } from './permissions';
import { categoriesOfKind, professionsRegulatedBy } from './policy';
import { socialCreditCodeProblem } from './social-credit-code';
import type { Bureau } from './subgraph-registry';

/**
 * Administrative penalties (行政处罚) and administrative licences (行政许可)
 * in the national double-publicity format (双公示): every department that
 * decides them writes them in this one shape, under the kinds
 * ADMINISTRATIVE_PENALTY and ADMINISTRATIVE_LICENCE, and the person's
 * `<camel>Penalties` and `<camel>Licences` fields serve them (department.ts
 * adds all of it to a department whose registry entry says
 * `doublePublicity: true`). A penalty is a negative record like any other:
 * its category and grade come from the policy, it is shown for its display
 * window (the publicity period), and one of a joint-punishment category lists
 * the person. A licence is public while it is on record.
 */

export const PENALTY_KIND = 'ADMINISTRATIVE_PENALTY';
export const LICENCE_KIND = 'ADMINISTRATIVE_LICENCE';

/** 处罚类别 of the national format. */
export const PENALTY_TYPES = [
  'WARNING',
  'FINE',
  'CONFISCATION',
  'LICENCE_SUSPENDED',
  'LICENCE_REVOKED',
  'QUALIFICATION_LOWERED',
  'PRODUCTION_SUSPENDED',
  'EMPLOYMENT_RESTRICTED',
  'DETENTION',
  'OTHER',
] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];

/** 许可类别 of the national format. */
export const LICENCE_CATEGORIES = ['GENERAL', 'FRANCHISE', 'RECOGNITION', 'APPROVAL', 'REGISTRATION', 'OTHER'] as const;
export type LicenceCategory = (typeof LICENCE_CATEGORIES)[number];

/** Who decided and who reported, by name and unified social credit code (GB 32100). */
interface DecidingBodies {
  /** 行政相对人名称: the person's name as the decision names them. */
  counterpartName: string;
  authority: string;
  authorityCode: string;
  /** 数据来源单位 and its code. */
  sourceUnit: string;
  sourceUnitCode: string;
}

export interface AdministrativePenaltyDoc extends NegativeRecordDoc, DecidingBodies {
  violationType: string;
  facts: string;
  /** 处罚依据: the provisions the penalty applies (not the basis of collecting it, `legalBasis`). */
  penaltyBasis: string;
  penaltyTypes: PenaltyType[];
  penaltyContent: string;
  fineYuan: number | null;
  confiscatedYuan: number | null;
  /** 暂扣或吊销证照名称及编号. */
  licenceAffected: string | null;
  /**
   * The key profession whose practice the penalty concerns (a lawyer's,
   * a doctor's misconduct), one the department regulates; null for a
   * penalty of anyone. With `practiceLicenceNumber` it names one practice:
   * the practice record and the licence of that number (seed 二(二)三).
   */
  profession: string | null;
  /** The practising certificate's number of that practice, as the department's licence carries it; set exactly when `profession` is. */
  practiceLicenceNumber: string | null;
}

export interface AdministrativeLicenceDoc extends DecidingBodies {
  _id: string;
  personId: string;
  documentNumber: string;
  licenceCategory: LicenceCategory;
  certificateName: string;
  certificateNumber: string | null;
  content: string;
  decisionDate: string;
  validFrom: string;
  /** Null for a licence without end. */
  validUntil: string | null;
  /** When the licensing authority withdrew (revoked, cancelled) it, if it did. */
  withdrawnOn: string | null;
  legalBasis: string;
  collectedAt: Date;
}

const date = calendarDateField;
const creditCode = {
  type: String,
  required: true,
  validate: { validator: (v: string) => socialCreditCodeProblem(v) === null, message: '{PATH} must be a valid unified social credit code (GB 32100)' },
};
const money = { type: Number, default: null, min: 0 };
const bodies = {
  counterpartName: { type: String, required: true, trim: true, maxlength: 100 },
  authority: { type: String, required: true, trim: true },
  authorityCode: creditCode,
  sourceUnit: { type: String, required: true, trim: true },
  sourceUnitCode: creditCode,
};

// Untyped schemas: mongoose's inference cannot take nullable numbers and
// cross-field validators; the models are typed by their documents below.
function penaltySchema(bureau: Bureau): Schema {
  const schema = new Schema(
    {
      ...negativeRecordFields,
      ...bodies,
      category: { type: String, required: true, enum: categoriesOfKind(bureau, PENALTY_KIND) },
      decisionDate: date(true),
      displayUntil: date(false),
      violationType: { type: String, required: true, trim: true },
      facts: { type: String, required: true, trim: true },
      penaltyBasis: { type: String, required: true, trim: true },
      penaltyTypes: {
        type: [{ type: String, enum: PENALTY_TYPES }],
        validate: { validator: (v: string[]) => v.length > 0, message: 'penaltyTypes needs at least one 处罚类别' },
      },
      penaltyContent: { type: String, required: true, trim: true },
      fineYuan: money,
      confiscatedYuan: money,
      licenceAffected: { type: String, default: null },
      profession: {
        type: String,
        default: null,
        validate: {
          validator: (v: string | null) => v === null || professionsRegulatedBy(bureau).includes(v),
          message: `{PATH} must be a key profession ${bureau} regulates (policy keyProfessions.*.regulator)`,
        },
      },
      practiceLicenceNumber: { type: String, default: null, trim: true, maxlength: 64 },
    },
    { collection: 'administrative_penalties', versionKey: false },
  );
  schema.path('practiceLicenceNumber').validate(function (this: unknown, number: string | null) {
    return (number === null) === ((this as AdministrativePenaltyDoc).profession === null);
  }, 'a practice is named by its profession and its practiceLicenceNumber together');
  schema.path('penaltyTypes').validate(function (this: unknown, types: string[]) {
    return !types.includes('FINE') || ((this as AdministrativePenaltyDoc).fineYuan ?? 0) > 0;
  }, 'a FINE penalty states fineYuan');
  addNegativeRecordIndexes(schema);
  return schema;
}

const licenceSchema = new Schema(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    ...bodies,
    documentNumber: { type: String, required: true, trim: true },
    licenceCategory: { type: String, required: true, enum: LICENCE_CATEGORIES },
    certificateName: { type: String, required: true, trim: true },
    certificateNumber: { type: String, default: null },
    content: { type: String, required: true, trim: true },
    decisionDate: date(true),
    validFrom: date(true),
    validUntil: date(false),
    withdrawnOn: date(false),
    legalBasis: { type: String, required: true },
    collectedAt: { type: Date, required: true, default: () => new Date() },
  },
  { collection: 'administrative_licences', versionKey: false },
);
licenceSchema.path('validUntil').validate(function (this: unknown, until: string | null) {
  return until === null || until >= (this as AdministrativeLicenceDoc).validFrom;
}, 'validUntil is before validFrom');
licenceSchema.index({ personId: 1, decisionDate: -1, _id: 1 });

/** Display order of a person's licences: newest decision first. */
export const LICENCE_ORDER = { personId: 1, decisionDate: -1, _id: 1 } as const;

/** The models of a department's double-publicity records, on its own connection. */
export function doublePublicityModels(conn: Connection, bureau: Bureau) {
  return {
    AdministrativePenalty: conn.model<AdministrativePenaltyDoc>('AdministrativePenalty', penaltySchema(bureau)),
    AdministrativeLicence: conn.model<AdministrativeLicenceDoc>('AdministrativeLicence', licenceSchema),
  };
}
export type DoublePublicityModels = ReturnType<typeof doublePublicityModels>;

export function doublePublicityKinds(models: DoublePublicityModels): Record<string, IngestKind> {
  return {
    [PENALTY_KIND]: { model: models.AdministrativePenalty, negative: true },
    // Licences bear on no standing, but the platform publishes them (publication.ts): it is told of their changes too.
    [LICENCE_KIND]: { model: models.AdministrativeLicence, published: true },
  };
}

export function doublePublicityLoaders(models: DoublePublicityModels) {
  return {
    penaltiesByPerson: groupedLoader<AdministrativePenaltyDoc>(models.AdministrativePenalty, 'personId', NEGATIVE_RECORD_ORDER),
    licencesByPerson: groupedLoader<AdministrativeLicenceDoc>(models.AdministrativeLicence, 'personId', LICENCE_ORDER),
  };
}
export type DoublePublicityLoaders = ReturnType<typeof doublePublicityLoaders>;

/**
 * The person as a decision names them, shown as the person's identity is to
 * this caller: unmasked only to those who may see it unmasked.
 */
function counterpart(doc: { personId: string; counterpartName: string }, ctx: AccessContext): { name: string; id: string } {
  if (seesIdentity(doc, ctx)) return { name: doc.counterpartName, id: doc.personId };
  return { name: maskName(doc.counterpartName), id: maskCitizenId(doc.personId) };
}

function seesIdentity(doc: { personId: string }, ctx: AccessContext): boolean {
  return seesIdentityUnmasked(ctx.forwarded, doc.personId);
}

/**
 * A free-text field of a decision (facts, content) as this caller may see
 * it: as written to those who see the person's identity unmasked, otherwise
 * with the personal data in it masked like the structured fields (citizen
 * IDs, mobile numbers, the counterpart's name, street addresses).
 */
function shownText(doc: { personId: string; counterpartName: string }, text: string, ctx: AccessContext): string;
function shownText(doc: { personId: string; counterpartName: string }, text: string | null, ctx: AccessContext): string | null;
function shownText(doc: { personId: string; counterpartName: string }, text: string | null, ctx: AccessContext): string | null {
  if (text === null || seesIdentity(doc, ctx)) return text;
  return maskPersonalDataIn(text, { names: [doc.counterpartName] });
}

export type LicenceStatus = 'NOT_YET_VALID' | 'VALID' | 'EXPIRED' | 'WITHDRAWN';

export function licenceStatus(doc: Pick<AdministrativeLicenceDoc, 'validFrom' | 'validUntil' | 'withdrawnOn'>, today = todayInCity()): LicenceStatus {
  if (doc.withdrawnOn && doc.withdrawnOn <= today) return 'WITHDRAWN';
  if (doc.validFrom > today) return 'NOT_YET_VALID';
  if (doc.validUntil && doc.validUntil < today) return 'EXPIRED';
  return 'VALID';
}

/**
 * Resolvers of the two shared types: for one department (`bureauOf` answers
 * its own bureau), or for the platform, which serves every department's
 * records from its published-records index (each knows its department).
 */
export function doublePublicityTypeResolvers(bureauOf: (doc: { department?: Bureau }) => Bureau) {
  return {
    AdministrativePenalty: {
      ...negativeRecordResolvers<AdministrativePenaltyDoc & { department?: Bureau }>(bureauOf),
      department: (doc: AdministrativePenaltyDoc & { department?: Bureau }) => bureauOf(doc),
      counterpartName: (doc: AdministrativePenaltyDoc, _args: unknown, ctx: AccessContext) => counterpart(doc, ctx).name,
      counterpartId: (doc: AdministrativePenaltyDoc, _args: unknown, ctx: AccessContext) => counterpart(doc, ctx).id,
      decisionNumber: (doc: AdministrativePenaltyDoc, _args: unknown, ctx: AccessContext) => shownText(doc, doc.decisionNumber, ctx),
      violationType: (doc: AdministrativePenaltyDoc, _args: unknown, ctx: AccessContext) => shownText(doc, doc.violationType, ctx),
      facts: (doc: AdministrativePenaltyDoc, _args: unknown, ctx: AccessContext) => shownText(doc, doc.facts, ctx),
      penaltyContent: (doc: AdministrativePenaltyDoc, _args: unknown, ctx: AccessContext) => shownText(doc, doc.penaltyContent, ctx),
      licenceAffected: (doc: AdministrativePenaltyDoc, _args: unknown, ctx: AccessContext) => shownText(doc, doc.licenceAffected, ctx),
      profession: (doc: AdministrativePenaltyDoc) => doc.profession ?? null,
      // A practising certificate's number identifies the practitioner, as a licence's does.
      practiceLicenceNumber: (doc: AdministrativePenaltyDoc, _args: unknown, ctx: AccessContext) =>
        doc.practiceLicenceNumber == null || seesIdentity(doc, ctx) ? (doc.practiceLicenceNumber ?? null) : maskCertificateNumber(doc.practiceLicenceNumber),
    },
    AdministrativeLicence: {
      id: (doc: AdministrativeLicenceDoc) => doc._id,
      department: (doc: AdministrativeLicenceDoc & { department?: Bureau }) => bureauOf(doc),
      counterpartName: (doc: AdministrativeLicenceDoc, _args: unknown, ctx: AccessContext) => counterpart(doc, ctx).name,
      counterpartId: (doc: AdministrativeLicenceDoc, _args: unknown, ctx: AccessContext) => counterpart(doc, ctx).id,
      documentNumber: (doc: AdministrativeLicenceDoc, _args: unknown, ctx: AccessContext) => shownText(doc, doc.documentNumber, ctx),
      content: (doc: AdministrativeLicenceDoc, _args: unknown, ctx: AccessContext) => shownText(doc, doc.content, ctx),
      certificateName: (doc: AdministrativeLicenceDoc, _args: unknown, ctx: AccessContext) => shownText(doc, doc.certificateName, ctx),
      // A licence here is always an individual's (an individual business's
      // code starts with 92): its number identifies the person.
      certificateNumber: (doc: AdministrativeLicenceDoc, _args: unknown, ctx: AccessContext) =>
        doc.certificateNumber === null || seesIdentity(doc, ctx) ? doc.certificateNumber : maskCertificateNumber(doc.certificateNumber),
      status: (doc: AdministrativeLicenceDoc) => licenceStatus(doc),
      provenance: (doc: AdministrativeLicenceDoc & { department?: Bureau }) => ({
        bureau: bureauOf(doc),
        sourceRecordId: doc._id,
        legalBasis: doc.legalBasis,
        collectedAt: doc.collectedAt,
      }),
    },
  };
}

/** A page of a person's licences: all of them are public while on record. */
export function pageOfLicences(rows: readonly AdministrativeLicenceDoc[], args: PageArgs) {
  return paginate(rows, args, (doc) => doc._id);
}
