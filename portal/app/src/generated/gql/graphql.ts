/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The sources that hold records, one subgraph each (the source registry). */
export type Bureau =
  /** Civil Affairs Bureau */
  | 'CIVIL_AFFAIRS'
  /** Intermediate Court */
  | 'COURTS'
  /** Culture, Radio, Television and Tourism Bureau */
  | 'CULTURE_TOURISM'
  /** Ecology and Environment Bureau */
  | 'ECOLOGY_ENVIRONMENT'
  /** Education & Sports Bureau */
  | 'EDUCATION'
  /** Emergency Management Bureau */
  | 'EMERGENCY_MANAGEMENT'
  /** Health Commission */
  | 'HEALTH'
  /** Housing and Urban-Rural Development Bureau */
  | 'HOUSING_CONSTRUCTION'
  /** Human Resources and Social Security Bureau */
  | 'HUMAN_RESOURCES'
  /** Cyberspace Administration Office */
  | 'INTERNET_INFORMATION'
  /** Justice Bureau */
  | 'JUSTICE'
  /** Market Supervision Administration */
  | 'MARKET_REGULATION'
  /** PBoC Mianyang sub-branch */
  | 'PBOC'
  /** credit-sharing platform */
  | 'PLATFORM'
  /** Public Resources Trading Service Centre */
  | 'PUBLIC_RESOURCES_TRADING'
  /** Public Security Bureau */
  | 'PUBLIC_SECURITY'
  /** Tax Bureau */
  | 'TAX'
  /** Transport Bureau */
  | 'TRANSPORT';

/** What a credit commitment is given for (seed 二(一)四). */
export type CommitmentKind =
  /** 入职信用承诺书: to an employer, on joining it. */
  | 'EMPLOYMENT'
  /** 容缺受理: to a department that accepts an application with documents to follow (the green channel's measure). */
  | 'MISSING_DOCUMENTS'
  /** 告知承诺: to a department that licenses on the applicant's commitment. */
  | 'NOTIFICATION_COMMITMENT'
  /** After an approved credit repair: the application's statement, to the department that decided it. */
  | 'REPAIR';

/** Where a commitment stands. */
export type CommitmentStatus =
  /** Its receiver reported it broken; a negative record says so. */
  | 'BROKEN'
  /** Running: signed, its last day not past. */
  | 'IN_FORCE'
  /** Its last day passed with no breach reported. */
  | 'KEPT';

export type ComplaintStatus =
  | 'DISMISSED'
  /** Filed; a platform reviewer decides by `dueOn`. */
  | 'FILED'
  /** Upheld: it counts towards the institution's misconduct. */
  | 'UPHELD';

/** What an institution may use a consent for (MISSION rule 3: an agreed purpose). */
export type ConsentPurpose =
  /** A company appointing its legal representative, principal, a director, supervisor or senior manager (董监高任职, seed 二(四)五). */
  | 'COMPANY_OFFICE_APPOINTMENT'
  /** Assessing a credit-card application. */
  | 'CREDIT_CARD'
  /** Pre-employment screening by an employer. */
  | 'EMPLOYMENT_SCREENING'
  /** Assessing the person as a guarantor. */
  | 'GUARANTEE'
  /** Underwriting an insurance policy. */
  | 'INSURANCE'
  /** A professional licensing or qualification procedure. */
  | 'LICENSING'
  /** Assessing a loan application (贷款审批). */
  | 'LOAN'
  /** A travel agency enrolling the person in an outbound tour (出国旅游, seed 二(四)五). */
  | 'OUTBOUND_TOUR'
  /** Screening by an employer in a special industry: security, hotels, pawnbroking, printing (特殊行业入职, seed 二(四)五). */
  | 'SPECIAL_INDUSTRY_EMPLOYMENT'
  /** A landlord's check before letting a home. */
  | 'TENANCY';

/** Where a consent stands today, derived from its dates. */
export type ConsentStatus =
  /** Inside its validity period and not revoked: queries under it are allowed. */
  | 'ACTIVE'
  /** Past its last valid day. */
  | 'EXPIRED'
  /** Granted, but its validity period has not started. */
  | 'NOT_YET_VALID'
  /** Revoked by the person; revocation is final. */
  | 'REVOKED';

/**
 * Credit grades of the personal credit evaluation (MISSION rule 11), best
 * first. The score range of each grade is set by the evaluation rules of the
 * credit policy version named in `CreditEvaluation.policyVersion`.
 */
export type CreditGrade =
  /** 信用良好: good. */
  | 'A'
  /** 信用优良: very good. */
  | 'AA'
  /** 信用极好: excellent. */
  | 'AAA'
  /** 信用一般: fair. */
  | 'B'
  /** 信用较差: poor. */
  | 'C'
  /** 信用极差: very poor. */
  | 'D';

/** What a verification found. */
export type CreditReportVerdict =
  /** The number and code are of a report the platform issued, but the file is not the one issued: it was changed. */
  | 'ALTERED'
  /** The platform issued this report and the file is unaltered. */
  | 'GENUINE'
  /** No report of this number with this code was issued by the platform. */
  | 'UNKNOWN';

/** What a reporter tells about a person's dishonest behaviour. */
export type DishonestyReportInput = {
  /** What happened, in the reporter's words. */
  account: string;
  /** The credit category of the behaviour (policy `categories`; the catalogue lists them): it decides the department the report goes to. */
  category: string;
  /** References to evidence the department may ask for (document numbers, where a recording is kept); at most ten. */
  evidenceRefs?: Array<string> | null | undefined;
  /** When it happened (not in the future). */
  occurredOn: string;
  /** Citizen ID of the person reported. */
  personId: string;
};

export type DishonestyReportState =
  /** The department found the behaviour and recorded it. */
  | 'ACCEPTED'
  /** The department did not find grounds to record anything. */
  | 'DISMISSED'
  /** Received and routed; the department has not taken it up yet. */
  | 'RECEIVED'
  /** An operator of the department is looking into it. */
  | 'UNDER_REVIEW';

/** Why a record is not shown now. */
export type DisplayEndReason =
  /** Past the end of its display period. */
  | 'EXPIRED'
  /** The decision date is in the future. */
  | 'NOT_YET'
  /** Removed by the owning bureau (corrected objection, performed obligation). */
  | 'REMOVED'
  /** Ended early by an approved credit repair. */
  | 'REPAIRED';

/** A consent the data subject grants to an institution (MISSION rule 3). */
export type GrantConsentInput = {
  /** Unified social credit code (GB 32100) of a registered institution (see `institution`); its registered name is used. */
  granteeInstitutionId: string;
  /**
   * Chosen by the client; re-sending a grant with the same key returns the
   * consent created the first time instead of a second one. The same key with
   * another institution, purpose, scopes or validity is refused with
   * IDEMPOTENCY_KEY_REUSED.
   */
  idempotencyKey: string;
  purpose: ConsentPurpose;
  /**
   * Policy field groups the institution may read (e.g. identity, tax,
   * financial): only groups a partner reads under consent can be granted; any
   * other is refused with BAD_USER_INPUT and the grantable list in
   * `extensions.grantable`.
   */
  scopes: Array<string>;
  /** First valid day: today (the default) or later (at most `security.consentBackdateToleranceDays` of the policy earlier; a consent is not retroactive). */
  validFrom?: string | null | undefined;
  /** Last valid day, inclusive. */
  validUntil: string;
};

/** Misconduct an institution is blacklisted for, or a person complains of (policy `institutionMisconduct.grounds`). */
export type InstitutionMisconductGround =
  /** Disclosed or leaked personal credit data (泄露个人信用信息). */
  | 'DATA_LEAK'
  /** Sold or passed on personal credit data (非法买卖、提供个人信用信息). */
  | 'DATA_RESALE'
  /** Queried under a false identity or for another institution (冒用身份查询). */
  | 'FALSE_IDENTITY'
  /** Used data for another purpose than the one consented to (超出授权用途使用). */
  | 'PURPOSE_MISUSE'
  /** Queried people who had not consented (未经授权查询). */
  | 'QUERY_WITHOUT_CONSENT';

export type NotificationKind =
  | 'APPEAL_DECIDED'
  /** The receiver of one of the person's credit commitments reported it broken; the message names the record written and how to dispute it. */
  | 'COMMITMENT_BROKEN'
  /** A platform reviewer decided the person's complaint about an institution. */
  | 'COMPLAINT_DECIDED'
  /** The person is no longer on the joint-punishment list (a record removed, repaired, or past its display period). */
  | 'DELISTED'
  /** An institution was put on the misconduct blacklist naming the person responsible; the message names the institution, the ground and the role. */
  | 'INSTITUTION_BLACKLISTED'
  /** 信用警示 (seed 二(五)二): a record put the person on the joint-punishment list; the message names the records, the measures, and how to object and to repair. */
  | 'LISTED'
  /** Measures started or ended without a change of listing (a court's consumption-restriction order made or lifted); the message names them. */
  | 'MEASURES_CHANGED'
  | 'OBJECTION_DECIDED'
  /** A partner institution read the person's data under their consent, or was refused what no consent covers; the message names the institution, the purpose and the field groups. */
  | 'PARTNER_READ'
  /** The department decided the person's application for a postponement (GRANTED, REFUSED). */
  | 'POSTPONEMENT_DECIDED'
  /** A granted postponement ended: the measures it suspended apply again; the message names them. */
  | 'POSTPONEMENT_ENDED'
  | 'REPAIR_DECIDED'
  /** One of the person's records reached the end of its display period: it is no longer shown, shared or used. */
  | 'WINDOW_ENDED';

/** Where an objection stands (MISSION rule 7). */
export type ObjectionStatus =
  /** The record was found wrong and corrected. */
  | 'CORRECTED'
  /** Filed; the record is flagged as under objection. */
  | 'FILED'
  /** The record was found wrong and removed. */
  | 'REMOVED'
  /** The owning bureau is verifying the record. */
  | 'UNDER_REVIEW'
  /** The record was found right and stays as it was. */
  | 'UPHELD';

/** Where a person stands in the city's population. */
export type PopulationStatus =
  /** 外来人口: registered elsewhere, living in Mianyang on a residence permit (valid or lapsed: see `residencePermit.valid`). */
  | 'MIGRANT'
  /** Registered elsewhere with no residence permit in Mianyang (known to the population base, e.g. through a record of a department). */
  | 'NON_RESIDENT'
  /** 户籍人口: the household is registered in Mianyang. */
  | 'REGISTERED_RESIDENT';

/** Where an application for a postponement stands. */
export type PostponementStatus =
  /** Applied for; awaiting the department's decision. */
  | 'APPLIED'
  /** Granted until `grantedUntil`: the record says so, and the policy's measures are suspended until then. */
  | 'GRANTED'
  /** Refused, with reasons. */
  | 'REFUSED'
  /** An operator of the department took the application up. */
  | 'UNDER_REVIEW';

/** A published list a person may be found on. */
export type PublicListKind =
  /** 失信被执行人: a dishonest judgment debtor listed by the courts. */
  | 'DISHONEST_DEBTOR'
  /** On the joint-punishment list (MISSION rule 8). */
  | 'JOINT_PUNISHMENT'
  /** An administrative penalty in its publicity period (双公示). */
  | 'PENALTY'
  /** An honour in force (红名单). */
  | 'RED_LIST';

/** One way to search the published lists: a name, a full ID, or the first 6 and last 4 characters of an ID. */
export type PublicListQuery = {
  citizenId?: string | null | undefined;
  /** The first 6 digits of the ID (the county). */
  idFirst6?: string | null | undefined;
  /** The last 4 characters of the ID. */
  idLast4?: string | null | undefined;
  /** The full name as the population base records it. */
  name?: string | null | undefined;
};

/** Which published records to list; every given criterion must hold (at most 50 values each). */
export type PublicationFilter = {
  /** Counties and districts: the 6-digit area code the person's ID starts with (510703 涪城区). */
  areaCodes?: Array<string> | null | undefined;
  /** Credit categories (penalties only). */
  categories?: Array<string> | null | undefined;
  /** Decided on or after this day. */
  decidedFrom?: string | null | undefined;
  /** Decided on or before this day. */
  decidedTo?: string | null | undefined;
  /** Departments that decided them. */
  departments?: Array<Bureau> | null | undefined;
  /** Key fields of the plan (二(二)三), by their `keyFields` code of the policy (penalties only). */
  keyFields?: Array<string> | null | undefined;
};

/** The kind of caller that read a person's data. */
export type QueryActorRole =
  /** An auditor. */
  | 'AUDITOR'
  /** An operator of one bureau. */
  | 'BUREAU'
  /** An internal government system checking the joint-punishment list. */
  | 'INTERNAL'
  /** A partner institution under a consent. */
  | 'PARTNER'
  /** An anonymous visitor of the public credit portal. */
  | 'PUBLIC'
  /** A platform reviewer handling an objection or repair. */
  | 'REVIEWER'
  /** A data subject reading someone else (always denied, still logged). */
  | 'SUBJECT';

/** What the caller was given. */
export type QueryOutcome =
  /** Nothing was served. */
  | 'DENIED'
  /** Some field groups were served, others denied. */
  | 'PARTLY_DENIED'
  /** Every field group asked for was served. */
  | 'SERVED';

/** How the person corrected the behaviour behind a record (MISSION rule 6). */
export type RepairCorrection =
  /** Charitable donation, recorded on the platform (Person.charityRecords). */
  | 'CHARITY'
  /** The obligation was performed (fine paid, debt repaid, duty fulfilled). */
  | 'OBLIGATION_PERFORMED'
  /** Volunteer service, recorded on the platform (Person.volunteerRecords). */
  | 'VOLUNTEER_SERVICE';

/** Where a credit-repair application stands. */
export type RepairStatus =
  /** Applied for; awaiting the department's decision. */
  | 'APPLIED'
  /** Approved: the record stops being shown, shared and used, and is kept annotated. */
  | 'APPROVED'
  /** Rejected, with reasons. */
  | 'REJECTED'
  /** An operator of the department took the application up and is checking the evidence. */
  | 'UNDER_REVIEW';

/** Grade of a negative record; it bounds the display period (credit policy `severityGrades`). */
export type SeverityGrade =
  | 'GENERAL'
  | 'MINOR'
  | 'SERIOUS';

export type TypicalCasesQueryVariables = Exact<{
  category?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type TypicalCasesQuery = { typicalCases: { nodes: Array<{ id: string, title: string, summary: string, category: string, measures: Array<string>, publishedAt: string | null, citedPenalties: Array<{ id: string, department: Bureau, decisionNumber: string, decisionDate: string, violationType: string, penaltyContent: string, counterpartName: string, counterpartId: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InstitutionByCodeQueryVariables = Exact<{
  id: string;
}>;


export type InstitutionByCodeQuery = { institution: { id: string, name: string } | null };

export type GrantConsentMutationVariables = Exact<{
  input: GrantConsentInput;
}>;


export type GrantConsentMutation = { grantConsent: { id: string, status: ConsentStatus } };

export type PublishedPenaltiesQueryVariables = Exact<{
  filter?: PublicationFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type PublishedPenaltiesQuery = { publishedPenalties: { nodes: Array<{ id: string, department: Bureau, authority: string, decisionNumber: string, decisionDate: string, publishedUntil: string, violationType: string, penaltyContent: string, counterpartName: string, counterpartId: string, areaName: string | null, underObjection: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PublishedLicencesQueryVariables = Exact<{
  filter?: PublicationFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type PublishedLicencesQuery = { publishedLicences: { nodes: Array<{ id: string, department: Bureau, authority: string, documentNumber: string, certificateName: string, content: string, decisionDate: string, publishedUntil: string | null, counterpartName: string, counterpartId: string, areaName: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HonourRollQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type HonourRollQuery = { honourRoll: { nodes: Array<{ id: string, title: string, awardingBody: string, awardedOn: string, validUntil: string | null, name: string | null, maskedId: string, areaName: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MyReportQueryVariables = Exact<{
  id: string;
}>;


export type MyReportQuery = { person: { id: string, identity: { name: string, populationStatus: PopulationStatus | null, registeredResidence: { areaName: string | null }, residencePermit: { validUntil: string, valid: boolean, residence: { areaName: string | null } } | null } | null, jointPunishment: { listed: boolean, categories: Array<string>, measures: Array<string>, since: string | null, until: string | null } | null, redList: { onRedList: boolean, entries: Array<{ id: string, title: string, awardingBody: string, awardedOn: string, validUntil: string | null, inForce: boolean }> } | null, creditEvaluation: { grade: CreditGrade, score: number, evaluatedAt: string, factors: Array<{ factor: string, effect: number, explanation: string }> } | null, administrativePenalties: { nodes: Array<{ id: string, department: Bureau, category: string, decisionNumber: string, decisionDate: string, violationType: string, penaltyContent: string, authority: string, underObjection: boolean, displayWindow: { from: string, until: string, shown: boolean, endedBy: DisplayEndReason | null } }> } | null, dishonestDebtorListings: { nodes: Array<{ id: string, decisionNumber: string, decisionDate: string, court: string, obligation: string, underObjection: boolean, displayWindow: { from: string, until: string, shown: boolean, endedBy: DisplayEndReason | null } }> } | null, objections: { nodes: Array<{ id: string, bureau: Bureau, recordId: string, reason: string, status: ObjectionStatus, filedAt: string, dueOn: string, decisionReason: string | null }> } | null, repairs: { nodes: Array<{ id: string, bureau: Bureau, recordId: string, correction: RepairCorrection, statement: string, status: RepairStatus, appliedAt: string, dueOn: string, decisionReason: string | null }> } | null, postponements: { nodes: Array<{ id: string, bureau: Bureau, requestedUntil: string, grantedUntil: string | null, status: PostponementStatus, dueOn: string, decisionReason: string | null }> } | null, creditCommitments: { nodes: Array<{ id: string, kind: CommitmentKind, receiverName: string, content: string, signedOn: string, until: string, status: CommitmentStatus, brokenOn: string | null }> } | null, notifications: { nodes: Array<{ id: string, kind: NotificationKind, message: string, createdAt: string }> } | null, consents: { nodes: Array<{ id: string, purpose: ConsentPurpose, scopes: Array<string>, validFrom: string, validUntil: string, status: ConsentStatus, granteeInstitution: { name: string } }> } | null, creditReports: { nodes: Array<{ number: string, issuedAt: string }> } | null, queryLog: { nodes: Array<{ id: string, sequence: string, actorRole: QueryActorRole, purpose: ConsentPurpose | null, outcome: QueryOutcome, at: string, institution: { id: string, name: string } | null }> } | null } | null };

export type FileComplaintMutationVariables = Exact<{
  institutionId: string;
  ground: InstitutionMisconductGround;
  reason: string;
  queryLogSequence?: string | null | undefined;
}>;


export type FileComplaintMutation = { fileComplaint: { id: string, status: ComplaintStatus } };

export type ApplyForRepairMutationVariables = Exact<{
  bureau: Bureau;
  recordId: string;
  correction: RepairCorrection;
  statement: string;
  evidenceRefs: Array<string> | string;
}>;


export type ApplyForRepairMutation = { applyForRepair: { id: string, status: RepairStatus, dueOn: string } };

export type RevokeConsentMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeConsentMutation = { revokeConsent: { id: string, status: ConsentStatus } };

export type FileObjectionMutationVariables = Exact<{
  bureau: Bureau;
  recordId: string;
  reason: string;
}>;


export type FileObjectionMutation = { fileObjection: { id: string, status: ObjectionStatus, dueOn: string } };

export type ReportStatusFieldsFragment = { state: DishonestyReportState, bureau: Bureau, receivedAt: string, dueOn: string, decidedAt: string | null };

export type ReportDishonestyMutationVariables = Exact<{
  report: DishonestyReportInput;
}>;


export type ReportDishonestyMutation = { reportDishonesty: { receipt: string, status: { state: DishonestyReportState, bureau: Bureau, receivedAt: string, dueOn: string, decidedAt: string | null } } };

export type DishonestyReportStatusQueryVariables = Exact<{
  receipt: string;
}>;


export type DishonestyReportStatusQuery = { dishonestyReportStatus: { state: DishonestyReportState, bureau: Bureau, receivedAt: string, dueOn: string, decidedAt: string | null } | null };

export type IssueCreditReportMutationVariables = Exact<{ [key: string]: never; }>;


export type IssueCreditReportMutation = { issueCreditReport: { number: string, issuedAt: string, verificationCode: string, pdfBase64: string, fileName: string } };

export type PublicListSearchQueryVariables = Exact<{
  query: PublicListQuery;
}>;


export type PublicListSearchQuery = { publicListSearch: { hits: Array<{ name: string | null, citizenId: string, areaName: string | null, lists: Array<PublicListKind>, measures: Array<string>, honours: Array<string>, penalties: Array<{ id: string, department: Bureau, decisionNumber: string, decisionDate: string, violationType: string, penaltyContent: string, underObjection: boolean }> }> } };

export type VerifyCreditReportQueryVariables = Exact<{
  number: string;
  verificationCode: string;
  sha256: string;
}>;


export type VerifyCreditReportQuery = { verifyCreditReport: { verdict: CreditReportVerdict, number: string, issuedAt: string | null } };

export type CreditCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type CreditCatalogueQuery = { creditCatalogue: { policyVersion: string, categories: Array<{ code: string, labelZh: string, labelEn: string, bureau: Bureau, grade: SeverityGrade, jointPunishment: boolean, displayMonths: { min: number, default: number, max: number } }>, measures: Array<{ code: string, labelZh: string, labelEn: string }>, consentScopes: Array<{ group: string, labelZh: string, labelEn: string }>, deadlines: { objectionDecisionWorkingDays: number, objectionDecisionMaxWorkingDays: number, repairDecisionWorkingDays: number } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ReportStatusFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReportStatusFields on DishonestyReportStatus {
  state
  bureau
  receivedAt
  dueOn
  decidedAt
}
    `, {"fragmentName":"ReportStatusFields"}) as unknown as TypedDocumentString<ReportStatusFieldsFragment, unknown>;
export const TypicalCasesDocument = new TypedDocumentString(`
    query TypicalCases($category: CategoryCode, $after: String) {
  typicalCases(category: $category, status: PUBLISHED, first: 10, after: $after) {
    nodes {
      id
      title
      summary
      category
      measures
      publishedAt
      citedPenalties {
        id
        department
        decisionNumber
        decisionDate
        violationType
        penaltyContent
        counterpartName
        counterpartId
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<TypicalCasesQuery, TypicalCasesQueryVariables>;
export const InstitutionByCodeDocument = new TypedDocumentString(`
    query InstitutionByCode($id: String!) {
  institution(id: $id) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<InstitutionByCodeQuery, InstitutionByCodeQueryVariables>;
export const GrantConsentDocument = new TypedDocumentString(`
    mutation GrantConsent($input: GrantConsentInput!) {
  grantConsent(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<GrantConsentMutation, GrantConsentMutationVariables>;
export const PublishedPenaltiesDocument = new TypedDocumentString(`
    query PublishedPenalties($filter: PublicationFilter, $after: String) {
  publishedPenalties(filter: $filter, first: 20, after: $after) {
    nodes {
      id
      department
      authority
      decisionNumber
      decisionDate
      publishedUntil
      violationType
      penaltyContent
      counterpartName
      counterpartId
      areaName
      underObjection
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PublishedPenaltiesQuery, PublishedPenaltiesQueryVariables>;
export const PublishedLicencesDocument = new TypedDocumentString(`
    query PublishedLicences($filter: PublicationFilter, $after: String) {
  publishedLicences(filter: $filter, first: 20, after: $after) {
    nodes {
      id
      department
      authority
      documentNumber
      certificateName
      content
      decisionDate
      publishedUntil
      counterpartName
      counterpartId
      areaName
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PublishedLicencesQuery, PublishedLicencesQueryVariables>;
export const HonourRollDocument = new TypedDocumentString(`
    query HonourRoll($after: String) {
  honourRoll(first: 20, after: $after) {
    nodes {
      id
      title
      awardingBody
      awardedOn
      validUntil
      name
      maskedId
      areaName
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<HonourRollQuery, HonourRollQueryVariables>;
export const MyReportDocument = new TypedDocumentString(`
    query MyReport($id: CitizenId!) {
  person(id: $id) {
    id
    identity {
      name
      registeredResidence {
        areaName
      }
      populationStatus
      residencePermit {
        validUntil
        valid
        residence {
          areaName
        }
      }
    }
    jointPunishment {
      listed
      categories
      measures
      since
      until
    }
    redList {
      onRedList
      entries {
        id
        title
        awardingBody
        awardedOn
        validUntil
        inForce
      }
    }
    creditEvaluation {
      grade
      score
      evaluatedAt
      factors {
        factor
        effect
        explanation
      }
    }
    administrativePenalties(first: 50) {
      nodes {
        id
        department
        category
        decisionNumber
        decisionDate
        violationType
        penaltyContent
        authority
        underObjection
        displayWindow {
          from
          until
          shown
          endedBy
        }
      }
    }
    dishonestDebtorListings(first: 50) {
      nodes {
        id
        decisionNumber
        decisionDate
        court
        obligation
        underObjection
        displayWindow {
          from
          until
          shown
          endedBy
        }
      }
    }
    objections(first: 20) {
      nodes {
        id
        bureau
        recordId
        reason
        status
        filedAt
        dueOn
        decisionReason
      }
    }
    repairs(first: 20) {
      nodes {
        id
        bureau
        recordId
        correction
        statement
        status
        appliedAt
        dueOn
        decisionReason
      }
    }
    postponements(first: 20) {
      nodes {
        id
        bureau
        requestedUntil
        grantedUntil
        status
        dueOn
        decisionReason
      }
    }
    creditCommitments(first: 20) {
      nodes {
        id
        kind
        receiverName
        content
        signedOn
        until
        status
        brokenOn
      }
    }
    notifications(first: 20) {
      nodes {
        id
        kind
        message
        createdAt
      }
    }
    consents(first: 20) {
      nodes {
        id
        granteeInstitution {
          name
        }
        purpose
        scopes
        validFrom
        validUntil
        status
      }
    }
    creditReports(first: 10) {
      nodes {
        number
        issuedAt
      }
    }
    queryLog(first: 20) {
      nodes {
        id
        sequence
        actorRole
        institution {
          id
          name
        }
        purpose
        outcome
        at
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyReportQuery, MyReportQueryVariables>;
export const FileComplaintDocument = new TypedDocumentString(`
    mutation FileComplaint($institutionId: String!, $ground: InstitutionMisconductGround!, $reason: String!, $queryLogSequence: String) {
  fileComplaint(
    institutionId: $institutionId
    ground: $ground
    reason: $reason
    queryLogSequence: $queryLogSequence
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<FileComplaintMutation, FileComplaintMutationVariables>;
export const ApplyForRepairDocument = new TypedDocumentString(`
    mutation ApplyForRepair($bureau: Bureau!, $recordId: String!, $correction: RepairCorrection!, $statement: String!, $evidenceRefs: [String!]!) {
  applyForRepair(
    bureau: $bureau
    recordId: $recordId
    correction: $correction
    statement: $statement
    evidenceRefs: $evidenceRefs
  ) {
    id
    status
    dueOn
  }
}
    `) as unknown as TypedDocumentString<ApplyForRepairMutation, ApplyForRepairMutationVariables>;
export const RevokeConsentDocument = new TypedDocumentString(`
    mutation RevokeConsent($id: ID!) {
  revokeConsent(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeConsentMutation, RevokeConsentMutationVariables>;
export const FileObjectionDocument = new TypedDocumentString(`
    mutation FileObjection($bureau: Bureau!, $recordId: String!, $reason: String!) {
  fileObjection(bureau: $bureau, recordId: $recordId, reason: $reason) {
    id
    status
    dueOn
  }
}
    `) as unknown as TypedDocumentString<FileObjectionMutation, FileObjectionMutationVariables>;
export const ReportDishonestyDocument = new TypedDocumentString(`
    mutation ReportDishonesty($report: DishonestyReportInput!) {
  reportDishonesty(report: $report) {
    receipt
    status {
      ...ReportStatusFields
    }
  }
}
    fragment ReportStatusFields on DishonestyReportStatus {
  state
  bureau
  receivedAt
  dueOn
  decidedAt
}`) as unknown as TypedDocumentString<ReportDishonestyMutation, ReportDishonestyMutationVariables>;
export const DishonestyReportStatusDocument = new TypedDocumentString(`
    query DishonestyReportStatus($receipt: String!) {
  dishonestyReportStatus(receipt: $receipt) {
    ...ReportStatusFields
  }
}
    fragment ReportStatusFields on DishonestyReportStatus {
  state
  bureau
  receivedAt
  dueOn
  decidedAt
}`) as unknown as TypedDocumentString<DishonestyReportStatusQuery, DishonestyReportStatusQueryVariables>;
export const IssueCreditReportDocument = new TypedDocumentString(`
    mutation IssueCreditReport {
  issueCreditReport {
    number
    issuedAt
    verificationCode
    pdfBase64
    fileName
  }
}
    `) as unknown as TypedDocumentString<IssueCreditReportMutation, IssueCreditReportMutationVariables>;
export const PublicListSearchDocument = new TypedDocumentString(`
    query PublicListSearch($query: PublicListQuery!) {
  publicListSearch(query: $query) {
    hits {
      name
      citizenId
      areaName
      lists
      measures
      honours
      penalties {
        id
        department
        decisionNumber
        decisionDate
        violationType
        penaltyContent
        underObjection
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PublicListSearchQuery, PublicListSearchQueryVariables>;
export const VerifyCreditReportDocument = new TypedDocumentString(`
    query VerifyCreditReport($number: String!, $verificationCode: String!, $sha256: String!) {
  verifyCreditReport(
    number: $number
    verificationCode: $verificationCode
    sha256: $sha256
  ) {
    verdict
    number
    issuedAt
  }
}
    `) as unknown as TypedDocumentString<VerifyCreditReportQuery, VerifyCreditReportQueryVariables>;
export const CreditCatalogueDocument = new TypedDocumentString(`
    query CreditCatalogue {
  creditCatalogue {
    policyVersion
    categories {
      code
      labelZh
      labelEn
      bureau
      grade
      jointPunishment
      displayMonths {
        min
        default
        max
      }
    }
    measures {
      code
      labelZh
      labelEn
    }
    consentScopes {
      group
      labelZh
      labelEn
    }
    deadlines {
      objectionDecisionWorkingDays
      objectionDecisionMaxWorkingDays
      repairDecisionWorkingDays
    }
  }
}
    `) as unknown as TypedDocumentString<CreditCatalogueQuery, CreditCatalogueQueryVariables>;