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

export type PublicListSearchQueryVariables = Exact<{
  query: PublicListQuery;
}>;


export type PublicListSearchQuery = { publicListSearch: { hits: Array<{ name: string | null, citizenId: string, areaName: string | null, lists: Array<PublicListKind>, measures: Array<string>, honours: Array<string>, penalties: Array<{ id: string, department: Bureau, decisionNumber: string, decisionDate: string, violationType: string, penaltyContent: string, underObjection: boolean }> }> } };

export type CreditCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type CreditCatalogueQuery = { creditCatalogue: { policyVersion: string, categories: Array<{ code: string, labelZh: string, labelEn: string, bureau: Bureau, grade: SeverityGrade, jointPunishment: boolean, displayMonths: { min: number, default: number, max: number } }>, measures: Array<{ code: string, labelZh: string, labelEn: string }>, deadlines: { objectionDecisionWorkingDays: number, objectionDecisionMaxWorkingDays: number, repairDecisionWorkingDays: number } } };

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
    deadlines {
      objectionDecisionWorkingDays
      objectionDecisionMaxWorkingDays
      repairDecisionWorkingDays
    }
  }
}
    `) as unknown as TypedDocumentString<CreditCatalogueQuery, CreditCatalogueQueryVariables>;