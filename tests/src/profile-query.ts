import { accessRule, loadPolicy, profileFragment } from '@credit/shared';

/**
 * The full profile of a person, as an auditor reads it: the fields the
 * tests look at, written out, and every other public field of the composed
 * API (a new source's too) added by profileFragment. Shared by the
 * integration tests; bench/ builds its own the same way.
 */
const policy = loadPolicy();
const WRITTEN = /* GraphQL */ `
  fragment Profile on Person {
    id
    identity {
      name
      gender
      birthDate
      age
      mobile
      registeredResidence {
        areaCode
        areaName
        address
      }
    }
    realNameRegistrations {
      sector
      registered
      verifiedOn
    }
    violations(first: 10) {
      totalCount
      nodes {
        id
        category
        grade
        decisionDate
        decisionNumber
        authority
        penalty
        provenance {
          bureau
          legalBasis
        }
        displayWindow {
          from
          until
          shown
          endedBy
          policyVersion
        }
      }
    }
    educationHistory {
      institution
      level
      startDate
      endDate
    }
    degrees {
      level
    }
    studentIntegrityRecords(first: 10) {
      totalCount
      nodes {
        id
        category
        grade
        ageAtAct
        displayWindow {
          until
          shown
        }
      }
    }
    researchMisconduct(first: 10) {
      totalCount
      nodes {
        id
        category
      }
    }
    taxCreditLevel {
      level
      year
      score
    }
    taxCreditHistory {
      level
      year
    }
    taxArrears(first: 10) {
      totalCount
      nodes {
        id
        amountYuan
        displayWindow {
          shown
        }
      }
    }
    taxDishonestyCases(first: 10) {
      totalCount
      nodes {
        id
        grade
      }
    }
    dishonestDebtorListings(first: 10) {
      totalCount
      nodes {
        id
        caseNumbers
        court
        listedOn
        listedUntil
        removedOn
        displayWindow {
          until
          shown
          endedBy
        }
      }
    }
    enforcementCases(first: 10) {
      totalCount
      nodes {
        caseNumber
        status
      }
    }
    consumptionRestrictions {
      caseNumber
      measures
      since
      liftedOn
    }
    representedCompanies {
      companyName
      unifiedSocialCreditCode
      role
    }
    companyDishonestyRecords(first: 10) {
      totalCount
    }
    loansSummary {
      openLoans
      totalBalanceYuan
      creditCards
    }
    overdueRecords(first: 10) {
      totalCount
      nodes {
        id
        amountYuan
        displayWindow {
          until
          shown
        }
      }
    }
    defaults(first: 10) {
      totalCount
    }
    maliciousDebtEvasion(first: 10) {
      totalCount
    }
    illegalFundRaising(first: 10) {
      totalCount
    }
    consents(first: 10) {
      totalCount
      nodes {
        id
        purpose
        scopes
        status
      }
    }
    queryLog(first: 10) {
      totalCount
    }
    jointPunishment {
      listed
      categories
      measures
    }
    redList {
      onRedList
      entries {
        title
      }
    }
    objections(first: 10) {
      totalCount
    }
    repairs(first: 10) {
      totalCount
    }
    practiceRecords(first: 10) {
      totalCount
    }
    volunteerRecords(first: 10) {
      totalCount
      nodes {
        id
        hours
      }
    }
    charityRecords(first: 10) {
      totalCount
    }
    creditEvaluation {
      grade
      score
    }
  }
`;

export const PROFILE_FIELDS = profileFragment(WRITTEN, (group) => accessRule('auditor', group, policy) !== 'deny');
