import { ingestionResolver, recordActionResolver, rootQueryResolvers, scalarResolvers } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';
import { ingestKinds } from '../ingestion';
import { Identity } from './Identity';
import { Person } from './Person';
import { Violation } from './Violation';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: rootQueryResolvers,
  Mutation: {
    applyPublicSecurityRecordAction: recordActionResolver(ingestKinds) as never,
    ingestPublicSecurityRecords: ingestionResolver('PUBLIC_SECURITY', ingestKinds) as never,
  },
  Person,
  Identity,
  Violation,
};
