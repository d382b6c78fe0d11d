/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query TypicalCases($category: CategoryCode, $after: String) {\n    typicalCases(category: $category, status: PUBLISHED, first: 10, after: $after) {\n      nodes {\n        id\n        title\n        summary\n        category\n        measures\n        publishedAt\n        citedPenalties {\n          id\n          department\n          decisionNumber\n          decisionDate\n          violationType\n          penaltyContent\n          counterpartName\n          counterpartId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TypicalCasesDocument,
    "\n  query PublishedPenalties($filter: PublicationFilter, $after: String) {\n    publishedPenalties(filter: $filter, first: 20, after: $after) {\n      nodes {\n        id\n        department\n        authority\n        decisionNumber\n        decisionDate\n        publishedUntil\n        violationType\n        penaltyContent\n        counterpartName\n        counterpartId\n        areaName\n        underObjection\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PublishedPenaltiesDocument,
    "\n  query PublishedLicences($filter: PublicationFilter, $after: String) {\n    publishedLicences(filter: $filter, first: 20, after: $after) {\n      nodes {\n        id\n        department\n        authority\n        documentNumber\n        certificateName\n        content\n        decisionDate\n        publishedUntil\n        counterpartName\n        counterpartId\n        areaName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PublishedLicencesDocument,
    "\n  query HonourRoll($after: String) {\n    honourRoll(first: 20, after: $after) {\n      nodes {\n        id\n        title\n        awardingBody\n        awardedOn\n        validUntil\n        name\n        maskedId\n        areaName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.HonourRollDocument,
    "\n  query PublicListSearch($query: PublicListQuery!) {\n    publicListSearch(query: $query) {\n      hits {\n        name\n        citizenId\n        areaName\n        lists\n        measures\n        honours\n        penalties {\n          id\n          department\n          decisionNumber\n          decisionDate\n          violationType\n          penaltyContent\n          underObjection\n        }\n      }\n    }\n  }\n": typeof types.PublicListSearchDocument,
    "\n  query CreditCatalogue {\n    creditCatalogue {\n      policyVersion\n      categories {\n        code\n        labelZh\n        labelEn\n        bureau\n        grade\n        jointPunishment\n        displayMonths {\n          min\n          default\n          max\n        }\n      }\n      measures {\n        code\n        labelZh\n        labelEn\n      }\n      deadlines {\n        objectionDecisionWorkingDays\n        objectionDecisionMaxWorkingDays\n        repairDecisionWorkingDays\n      }\n    }\n  }\n": typeof types.CreditCatalogueDocument,
};
const documents: Documents = {
    "\n  query TypicalCases($category: CategoryCode, $after: String) {\n    typicalCases(category: $category, status: PUBLISHED, first: 10, after: $after) {\n      nodes {\n        id\n        title\n        summary\n        category\n        measures\n        publishedAt\n        citedPenalties {\n          id\n          department\n          decisionNumber\n          decisionDate\n          violationType\n          penaltyContent\n          counterpartName\n          counterpartId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TypicalCasesDocument,
    "\n  query PublishedPenalties($filter: PublicationFilter, $after: String) {\n    publishedPenalties(filter: $filter, first: 20, after: $after) {\n      nodes {\n        id\n        department\n        authority\n        decisionNumber\n        decisionDate\n        publishedUntil\n        violationType\n        penaltyContent\n        counterpartName\n        counterpartId\n        areaName\n        underObjection\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PublishedPenaltiesDocument,
    "\n  query PublishedLicences($filter: PublicationFilter, $after: String) {\n    publishedLicences(filter: $filter, first: 20, after: $after) {\n      nodes {\n        id\n        department\n        authority\n        documentNumber\n        certificateName\n        content\n        decisionDate\n        publishedUntil\n        counterpartName\n        counterpartId\n        areaName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PublishedLicencesDocument,
    "\n  query HonourRoll($after: String) {\n    honourRoll(first: 20, after: $after) {\n      nodes {\n        id\n        title\n        awardingBody\n        awardedOn\n        validUntil\n        name\n        maskedId\n        areaName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.HonourRollDocument,
    "\n  query PublicListSearch($query: PublicListQuery!) {\n    publicListSearch(query: $query) {\n      hits {\n        name\n        citizenId\n        areaName\n        lists\n        measures\n        honours\n        penalties {\n          id\n          department\n          decisionNumber\n          decisionDate\n          violationType\n          penaltyContent\n          underObjection\n        }\n      }\n    }\n  }\n": types.PublicListSearchDocument,
    "\n  query CreditCatalogue {\n    creditCatalogue {\n      policyVersion\n      categories {\n        code\n        labelZh\n        labelEn\n        bureau\n        grade\n        jointPunishment\n        displayMonths {\n          min\n          default\n          max\n        }\n      }\n      measures {\n        code\n        labelZh\n        labelEn\n      }\n      deadlines {\n        objectionDecisionWorkingDays\n        objectionDecisionMaxWorkingDays\n        repairDecisionWorkingDays\n      }\n    }\n  }\n": types.CreditCatalogueDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TypicalCases($category: CategoryCode, $after: String) {\n    typicalCases(category: $category, status: PUBLISHED, first: 10, after: $after) {\n      nodes {\n        id\n        title\n        summary\n        category\n        measures\n        publishedAt\n        citedPenalties {\n          id\n          department\n          decisionNumber\n          decisionDate\n          violationType\n          penaltyContent\n          counterpartName\n          counterpartId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').TypicalCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedPenalties($filter: PublicationFilter, $after: String) {\n    publishedPenalties(filter: $filter, first: 20, after: $after) {\n      nodes {\n        id\n        department\n        authority\n        decisionNumber\n        decisionDate\n        publishedUntil\n        violationType\n        penaltyContent\n        counterpartName\n        counterpartId\n        areaName\n        underObjection\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').PublishedPenaltiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishedLicences($filter: PublicationFilter, $after: String) {\n    publishedLicences(filter: $filter, first: 20, after: $after) {\n      nodes {\n        id\n        department\n        authority\n        documentNumber\n        certificateName\n        content\n        decisionDate\n        publishedUntil\n        counterpartName\n        counterpartId\n        areaName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').PublishedLicencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HonourRoll($after: String) {\n    honourRoll(first: 20, after: $after) {\n      nodes {\n        id\n        title\n        awardingBody\n        awardedOn\n        validUntil\n        name\n        maskedId\n        areaName\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').HonourRollDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicListSearch($query: PublicListQuery!) {\n    publicListSearch(query: $query) {\n      hits {\n        name\n        citizenId\n        areaName\n        lists\n        measures\n        honours\n        penalties {\n          id\n          department\n          decisionNumber\n          decisionDate\n          violationType\n          penaltyContent\n          underObjection\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PublicListSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreditCatalogue {\n    creditCatalogue {\n      policyVersion\n      categories {\n        code\n        labelZh\n        labelEn\n        bureau\n        grade\n        jointPunishment\n        displayMonths {\n          min\n          default\n          max\n        }\n      }\n      measures {\n        code\n        labelZh\n        labelEn\n      }\n      deadlines {\n        objectionDecisionWorkingDays\n        objectionDecisionMaxWorkingDays\n        repairDecisionWorkingDays\n      }\n    }\n  }\n"): typeof import('./graphql').CreditCatalogueDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
