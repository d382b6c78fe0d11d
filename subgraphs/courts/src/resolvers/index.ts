import { ingestionResolver, recordActionResolver, rootQueryResolvers, scalarResolvers } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';
import { ingestKinds } from '../ingestion';
import { CompanyDishonestyRecord } from './CompanyDishonestyRecord';
import { ConsumptionRestriction } from './ConsumptionRestriction';
import { DebtorListing } from './DebtorListing';
import { EnforcementCase } from './EnforcementCase';
import { Person } from './Person';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: rootQueryResolvers,
  Mutation: { applyCourtRecordAction: recordActionResolver(ingestKinds) as never, ingestCourtRecords: ingestionResolver('COURTS', ingestKinds) as never },
  Person,
  DebtorListing,
  EnforcementCase,
  ConsumptionRestriction,
  CompanyDishonestyRecord,
};
