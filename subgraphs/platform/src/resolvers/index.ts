import { creditCatalogue, ingestionResolver, rootQueryResolvers, scalarResolvers } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';
import { ingestKinds } from '../ingestion';
import { blacklistCheck } from './BlacklistCheck';
import { CharityRecord } from './CharityRecord';
import { Consent } from './Consent';
import { consentCheck } from './ConsentCheck';
import { CreditEvaluation } from './CreditEvaluation';
import { InstitutionBlacklistEntry } from './InstitutionBlacklistEntry';
import { Mutation } from './Mutation';
import { Notification } from './Notification';
import { Objection } from './Objection';
import { overdueObjections } from './OverdueObjections';
import { overdueRepairs } from './OverdueRepairs';
import { Person } from './Person';
import { PracticeRecord } from './PracticeRecord';
import { queryLogEntries } from './QueryLogEntries';
import { QueryLogEntry } from './QueryLogEntry';
import { RedListEntry } from './RedListEntry';
import { Repair } from './Repair';
import { VolunteerRecord } from './VolunteerRecord';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    ...rootQueryResolvers,
    consentCheck,
    queryLogEntries,
    blacklistCheck,
    overdueObjections,
    overdueRepairs,
    creditCatalogue: () => creditCatalogue(),
    creditCategory: (_parent, { code }) => creditCatalogue().categories.find((c) => c.code === code)!,
    institution: async (_parent, { id }, ctx) => {
      const doc = await ctx.models.Institution.findById(id.toUpperCase()).lean().exec();
      return doc ? { id: doc._id, name: doc.name } : null;
    },
  },
  Mutation: { ...Mutation, ingestPlatformRecords: ingestionResolver('PLATFORM', ingestKinds) },
  InstitutionBlacklistEntry,
  Notification,
  Person,
  Consent,
  QueryLogEntry,
  // Counted only when asked for: it reads every page of the person's log.
  QueryLogConnection: { totalCount: (connection) => connection.count() },
  RedListEntry,
  Objection,
  Repair,
  PracticeRecord,
  VolunteerRecord,
  CharityRecord,
  CreditEvaluation,
};
