import { grantableScopes } from './access';
import { policy, SEVERITY_GRADES, type CreditPolicy, type GreenChannelGroup, type SeverityGrade } from './policy';
import type { Bureau } from './subgraph-registry';

/**
 * The credit catalogue: the policy's categories, the plan's 26 key fields
 * (二(二)三) and its key professions, as clients read them (the platform's
 * `creditCatalogue` query) and as docs/key-fields.md lists them. Made from
 * the policy alone, so a category added there is served at once.
 */
export interface CatalogueCategory {
  code: string;
  labelZh: string;
  labelEn: string;
  bureau: Bureau;
  recordKind: string;
  keyField: string | null;
  grade: SeverityGrade;
  displayMonths: { min: number; default: number; max: number };
  /** Financial records: deleted this many years after the act ends, whatever the grade (PBoC rule). */
  deletedYearsAfterActEnds: number | null;
  jointPunishment: boolean;
  measures: string[];
  /** Whether its department may postpone a record of it (申请延期, policy `postponement`), and whether that suspends its measures. */
  postponement: { allowed: boolean; suspendsMeasures: boolean };
  legalBasis: string;
}

export interface CatalogueKeyField {
  code: string;
  name: string;
  nameEn: string;
  categories: string[];
  /** The departments that record it: the writers of its categories and of the other records that cover it. */
  departments: Bureau[];
  alsoRecordedAs: { bureau: Bureau; recordKind: string; profession: string | null }[];
}

export interface Catalogue {
  policyVersion: string;
  categories: CatalogueCategory[];
  keyFields: CatalogueKeyField[];
  keyProfessions: { code: string; name: string; nameEn: string; regulator: string | null; licence: string | null }[];
  measures: { code: string; labelZh: string; labelEn: string }[];
  consentScopes: { group: string; labelZh: string; labelEn: string }[];
  rewardMeasures: { code: string; labelZh: string; labelEn: string; field: string; groups: GreenChannelGroup[] }[];
  repairEvidence: { grade: SeverityGrade; volunteerHours: number; charityYuan: number; trainingRequired: boolean }[];
  /** The policy's deadlines as they stand there, in working days (the holidays they skip are not listed). */
  deadlines: Omit<CreditPolicy['deadlines'], 'holidays'>;
  /** The longest postponement, in days from the application (policy `postponement.maxDays`). */
  postponementMaxDays: number;
}

export function creditCatalogue(p: CreditPolicy = policy()): Catalogue {
  const categories = Object.entries(p.categories).map(([code, c]): CatalogueCategory => {
    const bounds = p.severityGrades[c.grade];
    return {
      code,
      labelZh: c.labelZh,
      labelEn: c.label,
      bureau: c.bureau,
      recordKind: c.recordKind,
      keyField: c.keyField,
      grade: c.grade,
      displayMonths: {
        min: bounds.minDisplayMonths,
        default: c.defaultDisplayMonths ?? bounds.defaultDisplayMonths,
        max: c.maxDisplayMonths ?? bounds.maxDisplayMonths,
      },
      deletedYearsAfterActEnds: c.financial ? p.financialNegativeRecords.deleteYearsAfterActEnds : null,
      jointPunishment: c.jointPunishment,
      measures: c.measures ?? [],
      postponement: {
        allowed: p.postponement.postponableCategories.includes(code),
        suspendsMeasures: p.postponement.measuresSuspendedCategories.includes(code),
      },
      legalBasis: c.legalBasis,
    };
  });
  const keyFields = Object.entries(p.keyFields).map(([code, k]): CatalogueKeyField => {
    const own = categories.filter((c) => c.keyField === code);
    const also = (k.alsoRecordedAs ?? []).map((a) => ({ bureau: a.bureau, recordKind: a.recordKind, profession: a.profession ?? null }));
    return {
      code,
      name: k.name,
      nameEn: k.nameEn,
      categories: own.map((c) => c.code),
      departments: [...new Set([...own.map((c) => c.bureau), ...also.map((a) => a.bureau)])],
      alsoRecordedAs: also,
    };
  });
  const keyProfessions = Object.entries(p.keyProfessions).map(([code, k]) => ({
    code,
    name: k.name,
    nameEn: k.nameEn,
    regulator: k.regulator,
    licence: k.licence,
  }));
  const measures = Object.entries(p.measures).map(([code, m]) => ({ code, labelZh: m.labelZh, labelEn: m.label }));
  const consentScopes = grantableScopes(p).map((group) => ({ group, labelZh: p.fieldGroups[group]!.labelZh, labelEn: p.fieldGroups[group]!.description }));
  const rewardMeasures = Object.entries(p.rewardMeasures.measures).map(([code, m]) => ({
    code,
    labelZh: m.labelZh,
    labelEn: m.label,
    field: m.field,
    groups: [...m.groups],
  }));
  const repairEvidence = SEVERITY_GRADES.map((grade) => ({
    grade,
    volunteerHours: p.repair.volunteerHoursByGrade[grade],
    charityYuan: p.repair.charityYuanByGrade[grade],
    trainingRequired: p.repair.trainingRequiredGrades.includes(grade),
  }));
  const { holidays: _holidays, ...deadlines } = p.deadlines;
  return {
    policyVersion: p.version,
    categories,
    keyFields,
    keyProfessions,
    measures,
    consentScopes,
    rewardMeasures,
    repairEvidence,
    deadlines,
    postponementMaxDays: p.postponement.maxDays,
  };
}
