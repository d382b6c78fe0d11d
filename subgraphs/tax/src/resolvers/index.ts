import { ingestionResolver, recordActionResolver, rootQueryResolvers, scalarResolvers } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';
import { ingestKinds } from '../ingestion';
import { Person } from './Person';
import { TaxArrears } from './TaxArrears';
import { TaxDishonestyCase } from './TaxDishonestyCase';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: rootQueryResolvers,
  Mutation: { applyTaxRecordAction: recordActionResolver(ingestKinds) as never, ingestTaxRecords: ingestionResolver('TAX', ingestKinds) as never },
  Person,
  TaxArrears,
  TaxDishonestyCase,
};
