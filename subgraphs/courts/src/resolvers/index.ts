import type { Resolvers } from '../generated/graphql';
import { CompanyDishonestyRecord } from './CompanyDishonestyRecord';
import { CompanyRepresentation } from './CompanyRepresentation';
import { ConsumptionRestriction } from './ConsumptionRestriction';
import { DebtorListing } from './DebtorListing';
import { EnforcementCase } from './EnforcementCase';
import { Person } from './Person';

/** Resolvers of the bureau's own fields; the common ones come from defineDepartment. */
export const resolvers: Resolvers = {
  Person,
  DebtorListing,
  EnforcementCase,
  ConsumptionRestriction,
  CompanyDishonestyRecord,
  CompanyRepresentation,
};
