import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ageOfPersonOn } from './citizen-id';
import { config } from './config';
import { ROLES } from './principal';
import { BUREAUS, type Bureau } from './subgraph-registry';

/**
 * The versioned credit policy: display periods, categories, deadlines,
 * masking, field groups and limits. It is data (`shared/policy/credit-policy.json`)
 * so that an operator changes figures without touching code; every service
 * loads it once at start and fails fast when it is malformed.
 */

/** Rules of the access matrix; their meaning is in access.ts and the policy's `access.notes`. */
export const ACCESS_RULES = [
  'allow',
  'deny',
  'own',
  'own_else_public',
  'consent',
  'consent_or_masked',
  'public_list_masked',
  'own_bureau',
  'own_bureau_records',
  'own_grants',
  'service',
] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

export const SEVERITY_GRADES = ['MINOR', 'GENERAL', 'SERIOUS'] as const;
export type SeverityGrade = (typeof SEVERITY_GRADES)[number];

export interface GradePolicy {
  minDisplayMonths: number;
  maxDisplayMonths: number;
  defaultDisplayMonths: number;
  basis: string;
}

/**
 * A credit category (negative records): which department writes it and in
 * which kind of record, what it means (grade, display period, joint
 * punishment and its measures), the law it is collected under and the key
 * field of the plan (二(二)三) it belongs to. A new category is a policy
 * edit: the API serves it as a code (`CategoryCode`) and the catalogue.
 */
export interface CategoryPolicy {
  bureau: Bureau;
  /** The department's record kind (its `<Stem>RecordKind` value) that holds records of the category. */
  recordKind: string;
  grade: SeverityGrade;
  /** Grades a department may give a record of the category; when absent, `grade` only. */
  allowedGrades?: SeverityGrade[];
  jointPunishment: boolean;
  financial?: boolean;
  adultsOnly?: boolean;
  publicList?: boolean;
  defaultDisplayMonths?: number;
  /** Upper bound that replaces the grade's where a special rule sets a longer period (SPC debtor listing). */
  maxDisplayMonths?: number;
  periodBasis?: string;
  /** Measures of joint punishment that a record of this category brings. */
  measures?: string[];
  label: string;
  labelZh: string;
  /** Code of its key field in `keyFields`; null for a category outside the 26 (public order, bribery...). */
  keyField: string | null;
  /** The law or regulation a record of the category is collected under. */
  legalBasis: string;
}

/** One of the 26 key fields of the plan (二(二)三), by its Chinese name. */
export interface KeyFieldPolicy {
  name: string;
  nameEn: string;
  /** Records other than negative-record categories that cover the field (positive records, practice, the institution blacklist). */
  alsoRecordedAs?: { bureau: Bureau; recordKind: string; profession?: string }[];
}

/** A key profession of the plan (重点职业人群, seed 二(二)三). */
export interface KeyProfessionPolicy {
  name: string;
  nameEn: string;
  /** The department that regulates it and records its practitioners' licences and misconduct; null when none of the sources does yet. */
  regulator: Bureau | null;
  /** The certificate that licenses its practice, as the regulator's double-publicity licences name it; null when the practice is not licensed by a certificate. */
  licence: string | null;
}

export interface FieldGroupPolicy {
  owner: Bureau;
  public: boolean;
  description: string;
  /** What the group holds, in Chinese, as the portal names it (a consent's scopes). */
  labelZh: string;
}

/** One purpose of a blacklist check (policy `checkScenarios.purposes`). */
export interface CheckScenarioPolicy {
  label: string;
  labelZh: string;
  /** Where the seed names the scenario. */
  basis: string;
  /** The measures that bear on the scenario; `ALL` for every measure. */
  measures: string[] | 'ALL';
  /** The reward measures (`rewardMeasures`) that bear on it; `ALL` for every one, none when absent. */
  rewardMeasures?: string[] | 'ALL';
}

/** The green-channel groups of the seed (二(五)一): good records, or years without a bad one. */
export const GREEN_CHANNEL_GROUPS = ['GOOD_RECORDS', 'CLEAN_YEARS'] as const;
export type GreenChannelGroup = (typeof GREEN_CHANNEL_GROUPS)[number];

/** A measure of joint reward (联合奖励, seed 二(五)一), and who it is open to. */
export interface RewardMeasurePolicy {
  label: string;
  labelZh: string;
  /** The field of the seed it belongs to (licensing, education and training, …). */
  field: string;
  /** The green-channel groups it is open to. */
  groups: GreenChannelGroup[];
}

/** Who may ask a blacklist check, by token scope (policy `checkScenarios.callers`). */
export interface CheckCallerPolicy {
  label: string;
  labelZh: string;
  /** The purposes it may check for; `ALL` for every one. */
  purposes: string[] | 'ALL';
  /** FULL: the listing, categories, measures and green channel; SCENARIO: only whether the purpose's measures apply, and which. */
  answers: 'FULL' | 'SCENARIO';
}

export interface CreditPolicy {
  version: string;
  effectiveFrom: string;
  severityGrades: Record<SeverityGrade, GradePolicy>;
  categories: Record<string, CategoryPolicy>;
  keyFields: Record<string, KeyFieldPolicy>;
  keyProfessions: Record<string, KeyProfessionPolicy>;
  financialNegativeRecords: { deleteYearsAfterActEnds: number; basis: string };
  debtorListing: { defaultYears: number; extensionYearsMin: number; extensionYearsMax: number; removalWorkingDaysAfterPerformance: number; basis: string };
  consumptionRestrictions: string[];
  /** What each measure of joint punishment or consumption restriction means, in both languages (every code a category or `consumptionRestrictions` names). */
  measures: Record<string, { label: string; labelZh: string }>;
  /**
   * The purposes of a blacklist check (the platform's `BlacklistCheckPurpose`):
   * the scenarios where the seed has credit information applied, each with the
   * measures that bear on it (`ALL`: every measure).
   */
  checkScenarios: { notes?: string; callers: Record<string, CheckCallerPolicy>; purposes: Record<string, CheckScenarioPolicy> };
  deadlines: {
    objectionDecisionWorkingDays: number;
    objectionDecisionMaxWorkingDays: number;
    repairDecisionWorkingDays: number;
    /** Working days after an objection UPHELD or a repair REJECTED within which the person may appeal (申诉). */
    appealFilingWorkingDays: number;
    /** Working days a platform reviewer has to decide an appeal. */
    appealDecisionWorkingDays: number;
    /** Working days the department a report of dishonest behaviour (举报) went to has to decide it. */
    dishonestyReportDecisionWorkingDays: number;
    /** Working days a platform reviewer has to decide a complaint about an institution. */
    complaintDecisionWorkingDays: number;
    /** Working days the department that recorded it has to decide an application for a postponement (申请延期). */
    postponementDecisionWorkingDays: number;
    holidays: string[];
  };
  queryLog: { retentionYears: number; checkpointIntervalSeconds: number };
  /**
   * Under `adultAge` a person has no student integrity file and is never a
   * listed debtor; records of `shieldedRecordKinds` decided while the person
   * was under age are shown only to the person, the deciding department and
   * auditors, and are not used for joint punishment or evaluation.
   */
  minors: { adultAge: number; shieldedRecordKinds: string[]; shieldedBasis: string };
  greenChannel: { cleanYears: number };
  /** Joint reward: the measures of the seed's fields for people in the green-channel groups. */
  rewardMeasures: { notes?: string; measures: Record<string, RewardMeasurePolicy> };
  /** The misconduct blacklist of institutions (MISSION rule 12): its grounds, and when the platform proposes an institution for it. */
  institutionMisconduct: {
    grounds: Record<string, { label: string; labelZh: string }>;
    proposal: { upheldComplaints: number; upheldComplaintsDays: number; refusedReads: number; refusedReadsDays: number };
  };
  /**
   * Credit commitments (信用承诺, seed 二(一)四): the longest one in months,
   * the length of the one made after a repair, and the longest text.
   */
  commitments: { maxMonths: number; repairCommitmentMonths: number; maxContentChars: number };
  /**
   * How long a negative record is kept once no longer shown: a financial
   * one until its display ends (`financialNegativeRecords`), any other this
   * many years after the natural end of its display period.
   */
  retention: { negativeRecordsYearsAfterDisplayEnds: number };
  /**
   * Postponements (申请延期, seed 二(三)三): the categories whose records a
   * department may postpone (an obligation to perform), those whose
   * joint-punishment measures a postponement in force suspends, and the
   * longest one in days from the application.
   */
  postponement: { maxDays: number; postponableCategories: string[]; measuresSuspendedCategories: string[] };
  /**
   * What a credit-repair application must bring, by the record's grade:
   * hours of volunteer service or yuan of donations recorded for the person
   * after the decision, and whether a completed credit-repair course is
   * required.
   */
  repair: {
    volunteerHoursByGrade: Record<SeverityGrade, number>;
    charityYuanByGrade: Record<SeverityGrade, number>;
    trainingRequiredGrades: SeverityGrade[];
  };
  taxCreditLevels: { level: string; minScore: number }[];
  masking: Record<string, Record<string, unknown>>;
  fieldGroups: Record<string, FieldGroupPolicy>;
  limits: {
    maxPeoplePerQuery: number;
    defaultPageSize: number;
    maxPageSize: number;
    maxRequestBodyBytes: number;
    maxQueryDepth: number;
    maxAliases: number;
    maxQueryCost: number;
    maxBatchOperations: number;
    maxIngestRecordsPerCall: number;
    maxBlacklistCheckIds: number;
    /** Depth allowed inside `__schema` / `__type` (the explorer's introspection query), apart from maxQueryDepth. */
    maxIntrospectionDepth: number;
    maxDirectives: number;
    maxDirectivesPerLocation: number;
    /** Nesting of JSON values in a request (variables, bodies). */
    maxInputDepth: number;
    maxRequestHeaderBytes: number;
    /** Tokens a GraphQL document may hold (parsing stops beyond). */
    maxTokens: number;
    /** People of one name the public search looks at (more: the caller narrows it with the area code). */
    maxSearchNamesakes: number;
    /** Longest personal statement (本人声明) a person may attach to a record, in characters. */
    maxPersonalStatementChars: number;
    /** Public searches a caller may make per minute: the anonymous public per client address, a signed-in caller per identity. */
    publicSearchesPerMinute: { anonymous: number; signedIn: number };
    /** Credit reports a person may issue per day (city calendar): each is gathered from every source and rendered. */
    creditReportsPerDay: number;
    /** Longest account of a report of dishonest behaviour (举报), in characters. */
    maxDishonestyReportChars: number;
    /** Evidence references a report may name. */
    maxDishonestyReportEvidenceRefs: number;
    /** Reports of dishonest behaviour a caller may make a day: the anonymous public per client address, a signed-in caller per identity. */
    dishonestyReportsPerDay: { anonymous: number; signedIn: number };
  };
  security: {
    internalTokenTtlSeconds: number;
    clockToleranceSeconds: number;
    maxCallerTokenLifetimeHours: number;
    consentBackdateToleranceDays: number;
  };
  timeouts: {
    subgraphFetchMs: number;
    /** The gateway's fetch of a blacklist check (up to `limits.maxBlacklistCheckIds` people, logged before the answer). */
    blacklistCheckMs: number;
    queryLogAppendMs: number;
    serviceCallMs: number;
    databaseServerSelectionMs: number;
    databaseSocketMs: number;
    /** The count of a 双公示 feed filter (totalCount): the database stops it past this, and the count is null. */
    feedCountMs: number;
  };
  evaluation: {
    notes?: string;
    baseScore: number;
    negativeEffect: Record<SeverityGrade, number>;
    jointPunishmentExtra: number;
    bonuses: {
      volunteerHoursPerPoint: number;
      volunteerMaxPoints: number;
      charityPerRecord: number;
      charityMaxPoints: number;
      redListHonour: number;
      lookbackYears: number;
    };
    grades: { grade: string; minScore: number }[];
  };
  /** Access matrix: role -> field group (or `*`) -> rule (see access.ts). */
  access: { notes?: string; roles: Record<string, Record<string, string>>; exceptions: AccessExceptions };
}

/** An exception to the access matrix: who it applies to and what it does (shared/src/access.ts applies it). */
export interface AccessException {
  roles?: string[];
  fields?: string[];
  description: string;
}

/** The exceptions to the per-group rules, each decided in shared/src/access.ts and listed in docs/access-matrix.md. */
export interface AccessExceptions {
  pastDisplayWindow: AccessException;
  queryLogInternals: AccessException;
  queryLogSubjectsMasked: AccessException;
  greenChannelEligibility: AccessException;
  ownGrants: AccessException;
  recordDecisions: AccessException;
  minorsRecords: AccessException;
  publicLists: AccessException;
}

const ACCESS_EXCEPTIONS = [
  'pastDisplayWindow',
  'queryLogInternals',
  'queryLogSubjectsMasked',
  'greenChannelEligibility',
  'ownGrants',
  'recordDecisions',
  'minorsRecords',
  'publicLists',
] as const;

export class PolicyError extends Error {
  constructor(file: string, problem: string) {
    super(`Credit policy ${file} is invalid: ${problem}`);
    this.name = 'PolicyError';
  }
}

const DEFAULT_POLICY_FILE = path.join(__dirname, '..', 'policy', 'credit-policy.json');

function check(file: string, condition: boolean, problem: string): asserts condition {
  if (!condition) throw new PolicyError(file, problem);
}

/** Validates a parsed policy object; throws {@link PolicyError} naming the first problem. */
export function validatePolicy(raw: unknown, file = '<inline>'): CreditPolicy {
  check(file, typeof raw === 'object' && raw !== null, 'not a JSON object');
  const p = raw as CreditPolicy;
  check(file, typeof p.version === 'string' && p.version.length > 0, '`version` is required');
  for (const grade of SEVERITY_GRADES) {
    const g = p.severityGrades?.[grade];
    check(file, !!g, `severityGrades.${grade} is missing`);
    check(
      file,
      g.minDisplayMonths <= g.defaultDisplayMonths && g.defaultDisplayMonths <= g.maxDisplayMonths,
      `severityGrades.${grade}: default display period must lie between min and max`,
    );
  }
  check(file, typeof p.measures === 'object' && p.measures !== null, '`measures` is required');
  for (const [code, m] of Object.entries(p.measures ?? {}))
    check(
      file,
      typeof m.label === 'string' && m.label.length > 0 && typeof m.labelZh === 'string' && m.labelZh.length > 0,
      `measures.${code} needs label and labelZh`,
    );
  for (const measure of p.consumptionRestrictions ?? [])
    check(file, measure in (p.measures ?? {}), `consumptionRestrictions: ${measure} is not in \`measures\``);
  check(file, typeof p.categories === 'object' && p.categories !== null, '`categories` is required');
  for (const [name, c] of Object.entries(p.categories)) {
    check(file, (BUREAUS as readonly string[]).includes(c.bureau), `categories.${name}.bureau ${c.bureau} is not a bureau`);
    check(file, (SEVERITY_GRADES as readonly string[]).includes(c.grade), `categories.${name}.grade ${c.grade} is not a severity grade`);
    check(file, typeof c.recordKind === 'string' && c.recordKind.length > 0, `categories.${name}.recordKind is required`);
    check(
      file,
      typeof c.label === 'string' && c.label.length > 0 && typeof c.labelZh === 'string' && c.labelZh.length > 0,
      `categories.${name} needs label and labelZh`,
    );
    check(file, typeof c.legalBasis === 'string' && c.legalBasis.length > 0, `categories.${name}.legalBasis is required`);
    check(file, c.keyField === null || c.keyField in (p.keyFields ?? {}), `categories.${name}.keyField ${c.keyField} is not a key field`);
    check(
      file,
      !c.jointPunishment || (Array.isArray(c.measures) && c.measures.length > 0),
      `categories.${name}: a joint-punishment category needs its measures`,
    );
    for (const measure of c.measures ?? []) check(file, measure in (p.measures ?? {}), `categories.${name}.measures: ${measure} is not in \`measures\``);
    check(
      file,
      c.allowedGrades === undefined || (c.allowedGrades.includes(c.grade) && c.allowedGrades.every((g) => (SEVERITY_GRADES as readonly string[]).includes(g))),
      `categories.${name}.allowedGrades must be grades and include its grade ${c.grade}`,
    );
    if (c.defaultDisplayMonths !== undefined) {
      const g = p.severityGrades[c.grade];
      const max = c.maxDisplayMonths ?? g.maxDisplayMonths;
      check(
        file,
        c.defaultDisplayMonths >= g.minDisplayMonths && c.defaultDisplayMonths <= max,
        `categories.${name}.defaultDisplayMonths is outside its bounds`,
      );
    }
  }
  check(file, typeof p.checkScenarios?.purposes === 'object' && p.checkScenarios.purposes !== null, '`checkScenarios.purposes` is required');
  for (const [purpose, scenario] of Object.entries(p.checkScenarios?.purposes ?? {})) {
    check(file, !!scenario.label && !!scenario.labelZh && !!scenario.basis, `checkScenarios.purposes.${purpose} needs label, labelZh and basis`);
    check(
      file,
      scenario.measures === 'ALL' || (Array.isArray(scenario.measures) && scenario.measures.length > 0),
      `checkScenarios.purposes.${purpose}.measures must be ALL or a list of measures`,
    );
    if (Array.isArray(scenario.measures))
      for (const measure of scenario.measures)
        check(file, measure in (p.measures ?? {}), `checkScenarios.purposes.${purpose}.measures: ${measure} is not in \`measures\``);
  }
  for (const [scope, caller] of Object.entries(p.checkScenarios?.callers ?? {})) {
    check(file, caller.answers === 'FULL' || caller.answers === 'SCENARIO', `checkScenarios.callers.${scope}.answers must be FULL or SCENARIO`);
    check(
      file,
      caller.purposes === 'ALL' || (Array.isArray(caller.purposes) && caller.purposes.every((purpose) => purpose in p.checkScenarios.purposes)),
      `checkScenarios.callers.${scope}.purposes must be ALL or purposes of checkScenarios.purposes`,
    );
  }
  check(file, typeof p.keyFields === 'object' && p.keyFields !== null, '`keyFields` is required');
  check(file, typeof p.keyProfessions === 'object' && p.keyProfessions !== null, '`keyProfessions` is required');
  for (const [name, k] of Object.entries(p.keyFields)) {
    check(file, !!k.name && !!k.nameEn, `keyFields.${name} needs name and nameEn`);
    for (const also of k.alsoRecordedAs ?? []) {
      check(file, (BUREAUS as readonly string[]).includes(also.bureau), `keyFields.${name}.alsoRecordedAs: ${also.bureau} is not a bureau`);
      check(file, !also.profession || also.profession in p.keyProfessions, `keyFields.${name}.alsoRecordedAs: ${also.profession} is not a key profession`);
    }
  }
  for (const [name, k] of Object.entries(p.keyProfessions)) {
    check(file, !!k.name && !!k.nameEn, `keyProfessions.${name} needs name and nameEn`);
    check(
      file,
      k.regulator === null || (BUREAUS as readonly string[]).includes(k.regulator),
      `keyProfessions.${name}.regulator ${k.regulator} is not a bureau`,
    );
    check(
      file,
      k.licence === null || (k.regulator !== null && typeof k.licence === 'string' && k.licence.length > 0),
      `keyProfessions.${name}.licence needs a regulator`,
    );
  }
  for (const [name, g] of Object.entries(p.fieldGroups ?? {})) {
    check(file, (BUREAUS as readonly string[]).includes(g.owner), `fieldGroups.${name}.owner ${g.owner} is not a bureau`);
    check(file, typeof g.labelZh === 'string' && g.labelZh.length > 0, `fieldGroups.${name} needs labelZh`);
  }
  check(file, Object.keys(p.fieldGroups ?? {}).length > 0, '`fieldGroups` is required');
  check(
    file,
    p.limits?.maxPeoplePerQuery > 0 && p.limits.maxPageSize > 0 && p.limits.defaultPageSize <= p.limits.maxPageSize,
    '`limits` must give positive maxPeoplePerQuery and maxPageSize >= defaultPageSize',
  );
  check(
    file,
    p.minors?.adultAge > 0 && Array.isArray(p.minors.shieldedRecordKinds) && typeof p.minors.shieldedBasis === 'string',
    '`minors` needs adultAge, shieldedRecordKinds and shieldedBasis',
  );
  check(file, Array.isArray(p.deadlines?.holidays), '`deadlines.holidays` must be a list of dates');
  const positive = (section: string, values: Record<string, unknown> | undefined, keys: string[]) => {
    for (const key of keys) check(file, typeof values?.[key] === 'number' && (values[key] as number) > 0, `${section}.${key} must be a positive number`);
  };
  positive('deadlines', p.deadlines as unknown as Record<string, unknown>, [
    'objectionDecisionWorkingDays',
    'objectionDecisionMaxWorkingDays',
    'repairDecisionWorkingDays',
    'appealFilingWorkingDays',
    'appealDecisionWorkingDays',
    'dishonestyReportDecisionWorkingDays',
    'complaintDecisionWorkingDays',
    'postponementDecisionWorkingDays',
  ]);
  positive('limits', p.limits, [
    'maxIntrospectionDepth',
    'maxDirectives',
    'maxDirectivesPerLocation',
    'maxInputDepth',
    'maxRequestHeaderBytes',
    'maxTokens',
    'maxSearchNamesakes',
    'maxPersonalStatementChars',
    'creditReportsPerDay',
    'maxDishonestyReportChars',
    'maxDishonestyReportEvidenceRefs',
  ]);
  positive('limits.publicSearchesPerMinute', p.limits.publicSearchesPerMinute, ['anonymous', 'signedIn']);
  positive('limits.dishonestyReportsPerDay', p.limits.dishonestyReportsPerDay, ['anonymous', 'signedIn']);
  check(file, Object.keys(p.institutionMisconduct?.grounds ?? {}).length > 0, '`institutionMisconduct.grounds` is required');
  for (const [code, measure] of Object.entries(p.rewardMeasures?.measures ?? {}))
    check(
      file,
      !!measure.label &&
        !!measure.labelZh &&
        !!measure.field &&
        measure.groups?.length > 0 &&
        measure.groups.every((g) => (GREEN_CHANNEL_GROUPS as readonly string[]).includes(g)),
      `rewardMeasures.measures.${code} needs label, labelZh, field and groups of ${GREEN_CHANNEL_GROUPS.join(', ')}`,
    );
  for (const [purpose, scenario] of Object.entries(p.checkScenarios?.purposes ?? {}))
    if (scenario.rewardMeasures !== undefined && scenario.rewardMeasures !== 'ALL')
      for (const code of scenario.rewardMeasures)
        check(
          file,
          code in (p.rewardMeasures?.measures ?? {}),
          `checkScenarios.purposes.${purpose}.rewardMeasures: ${code} is not in \`rewardMeasures.measures\``,
        );
  positive('institutionMisconduct.proposal', p.institutionMisconduct?.proposal, [
    'upheldComplaints',
    'upheldComplaintsDays',
    'refusedReads',
    'refusedReadsDays',
  ]);
  positive('commitments', p.commitments as unknown as Record<string, unknown>, ['maxMonths', 'repairCommitmentMonths', 'maxContentChars']);
  positive('retention', p.retention as unknown as Record<string, unknown>, ['negativeRecordsYearsAfterDisplayEnds']);
  positive('postponement', p.postponement as unknown as Record<string, unknown>, ['maxDays']);
  check(
    file,
    Array.isArray(p.postponement.postponableCategories) && Array.isArray(p.postponement.measuresSuspendedCategories),
    '`postponement` needs postponableCategories and measuresSuspendedCategories (lists of categories)',
  );
  for (const code of p.postponement.postponableCategories) check(file, code in p.categories, `postponement.postponableCategories: ${code} is not a category`);
  for (const code of p.postponement.measuresSuspendedCategories)
    check(
      file,
      p.postponement.postponableCategories.includes(code) && p.categories[code]?.jointPunishment === true,
      `postponement.measuresSuspendedCategories: ${code} must be a postponable joint-punishment category`,
    );
  positive('repair.volunteerHoursByGrade', p.repair?.volunteerHoursByGrade, [...SEVERITY_GRADES]);
  positive('repair.charityYuanByGrade', p.repair?.charityYuanByGrade, [...SEVERITY_GRADES]);
  check(
    file,
    Array.isArray(p.repair?.trainingRequiredGrades) && p.repair.trainingRequiredGrades.every((g) => (SEVERITY_GRADES as readonly string[]).includes(g)),
    '`repair.trainingRequiredGrades` must be a list of severity grades',
  );
  positive('security', p.security, ['internalTokenTtlSeconds', 'maxCallerTokenLifetimeHours']);
  check(file, p.security.clockToleranceSeconds >= 0 && p.security.consentBackdateToleranceDays >= 0, '`security` tolerances must not be negative');
  positive('timeouts', p.timeouts, [
    'subgraphFetchMs',
    'blacklistCheckMs',
    'queryLogAppendMs',
    'serviceCallMs',
    'databaseServerSelectionMs',
    'databaseSocketMs',
    'feedCountMs',
  ]);
  positive('queryLog', p.queryLog, ['retentionYears', 'checkpointIntervalSeconds']);
  check(
    file,
    typeof p.evaluation?.baseScore === 'number' && Array.isArray(p.evaluation.grades) && p.evaluation.grades.some((g) => g.minScore === 0),
    '`evaluation` needs a baseScore and grades down to minScore 0',
  );
  check(file, typeof p.access?.roles === 'object' && p.access.roles !== null, '`access.roles` is required');
  for (const name of ACCESS_EXCEPTIONS) {
    const e = p.access.exceptions?.[name];
    check(file, !!e && typeof e.description === 'string' && e.description.length > 0, `access.exceptions.${name} needs a description`);
    for (const role of e.roles ?? []) check(file, (ROLES as readonly string[]).includes(role), `access.exceptions.${name}: ${role} is not a role`);
  }
  for (const [role, rules] of Object.entries(p.access.roles)) {
    check(file, (ROLES as readonly string[]).includes(role), `access.roles.${role} is not a role`);
    for (const [group, rule] of Object.entries(rules)) {
      check(file, group === '*' || group in p.fieldGroups, `access.roles.${role}.${group} is not a field group`);
      check(file, (ACCESS_RULES as readonly string[]).includes(rule), `access.roles.${role}.${group}: unknown rule ${rule}`);
    }
  }
  return p;
}

/** Reads and validates a policy file. */
export function loadPolicy(file: string = config().CREDIT_POLICY_FILE ?? DEFAULT_POLICY_FILE): CreditPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PolicyError(file, `cannot be read (${(err as Error).message}); set CREDIT_POLICY_FILE to a readable file`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new PolicyError(file, `is not JSON (${(err as Error).message})`);
  }
  return validatePolicy(raw, file);
}

let cached: CreditPolicy | undefined;

/** The policy in force in this process (loaded on first use). */
export function policy(): CreditPolicy {
  cached ??= loadPolicy();
  return cached;
}

/** Replaces the process policy (tests of policy changes; operators restart instead). */
export function setPolicyForProcess(next: CreditPolicy): void {
  cached = next;
}

/** Whether a code names a category of the policy. */
export function isCategoryCode(code: string, p: CreditPolicy = policy()): boolean {
  return Object.hasOwn(p.categories, code);
}

/** The categories a department writes in one of its record kinds, in policy order (a model's allowed values). */
export function categoriesOfKind(bureau: Bureau, recordKind: string, p: CreditPolicy = policy()): string[] {
  return Object.entries(p.categories)
    .filter(([, c]) => c.bureau === bureau && c.recordKind === recordKind)
    .map(([code]) => code);
}

/** The key professions' codes, in policy order. */
export function keyProfessionCodes(p: CreditPolicy = policy()): string[] {
  return Object.keys(p.keyProfessions);
}

/** The key professions a department regulates, whose practitioners' misconduct it penalises (policy `keyProfessions.*.regulator`). */
export function professionsRegulatedBy(bureau: Bureau, p: CreditPolicy = policy()): string[] {
  return Object.entries(p.keyProfessions)
    .filter(([, k]) => k.regulator === bureau)
    .map(([code]) => code);
}

/** The policy entry of a record category, or a clear error for an unknown one. */
export function categoryPolicy(category: string, p: CreditPolicy = policy()): CategoryPolicy {
  const c = p.categories[category];
  if (!c) throw new Error(`Unknown record category ${category} (not in credit policy ${p.version})`);
  return c;
}

/** The grades a department may give a record of `category` (its policy grade unless the policy allows more). */
export function allowedGrades(category: string, p: CreditPolicy = policy()): SeverityGrade[] {
  const c = categoryPolicy(category, p);
  return c.allowedGrades ?? [c.grade];
}

/**
 * Whether a record of `category` decided on `decisionDate` is about a minor
 * the policy shields (`minors`): the person was under age that day and the
 * category's record kind is one the policy names.
 */
export function shieldedAsMinor(record: { category: string; personId: string; decisionDate: string }, p: CreditPolicy = policy()): boolean {
  if (!p.minors.shieldedRecordKinds.includes(categoryPolicy(record.category, p).recordKind)) return false;
  return ageOfPersonOn(record.personId, record.decisionDate) < p.minors.adultAge;
}

/**
 * Of the measures in force on a person, those that bear on the purpose of
 * a check (policy `checkScenarios`), in the order given: a check for air
 * travel answers the flight restriction, one for 职称评定 the title measure.
 */
export function measuresForPurpose(purpose: string, measuresInForce: readonly string[], p: CreditPolicy = policy()): string[] {
  const scenario = p.checkScenarios.purposes[purpose];
  if (!scenario) throw new Error(`Unknown check purpose ${purpose} (not in credit policy ${p.version} checkScenarios)`);
  if (scenario.measures === 'ALL') return [...measuresInForce];
  const bearing = new Set(scenario.measures);
  return measuresInForce.filter((m) => bearing.has(m));
}

/** The reward measures open to a person in these green-channel groups, in the policy's order; none for a person in neither. */
export function rewardMeasuresFor(groups: readonly string[], p: CreditPolicy = policy()): string[] {
  return Object.entries(p.rewardMeasures.measures)
    .filter(([, measure]) => measure.groups.some((g) => groups.includes(g)))
    .map(([code]) => code);
}

/** Of the reward measures open to a person, those that bear on the purpose of a check (policy `checkScenarios`). */
export function rewardMeasuresForPurpose(purpose: string, open: readonly string[], p: CreditPolicy = policy()): string[] {
  const bearing = p.checkScenarios.purposes[purpose]?.rewardMeasures;
  if (bearing === undefined) return [];
  if (bearing === 'ALL') return [...open];
  return open.filter((m) => bearing.includes(m));
}

/**
 * What a caller of the blacklist check may ask, from its token's scopes: the
 * broadest of the policy's callers it holds (FULL before SCENARIO); null
 * when it holds none.
 */
export function checkCallerOf(scopes: readonly string[], p: CreditPolicy = policy()): (CheckCallerPolicy & { scope: string }) | null {
  const held = Object.entries(p.checkScenarios.callers)
    .filter(([scope]) => scopes.includes(scope))
    .map(([scope, caller]) => ({ ...caller, scope }));
  return held.find((c) => c.answers === 'FULL') ?? held[0] ?? null;
}

/** Whether a caller may check for a purpose. */
export function callerMayCheckFor(caller: CheckCallerPolicy, purpose: string): boolean {
  return caller.purposes === 'ALL' || caller.purposes.includes(purpose);
}
