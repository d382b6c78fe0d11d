import { config, groupedLoader } from '@credit/shared';
import { allow } from 'graphql-shield';

import type { PlatformDomain } from '../domain';
import { dataSubject } from '../rules';
import { createReportModels, type ReportModels } from './models';
import { CREDIT_REPORT_ORDER } from './models/CreditReport';
import { reportFont } from './pdf';
import { resolvers } from './resolvers';
import { creditReportSigningKey } from './signing';

function createReportLoaders(models: ReportModels) {
  return { creditReportsBySubject: groupedLoader(models.CreditReport, 'subjectId', CREDIT_REPORT_ORDER) };
}

/**
 * Credit reports (issue 13; plan 二(五)三, the portal's download): the
 * person issues their own report as a numbered PDF the platform signs;
 * anyone holding one verifies it by its number, its code and the file.
 */
export const reports: PlatformDomain<ReportModels, ReturnType<typeof createReportLoaders>> = {
  name: 'reports',
  createModels: createReportModels,
  createLoaders: createReportLoaders,
  resolvers,
  permissions: {
    Query: { verifyCreditReport: allow },
    Mutation: { issueCreditReport: dataSubject },
  },
  checkConfiguration: () => {
    void creditReportSigningKey();
    // In production a platform that cannot set the report in Chinese does not start; elsewhere issuing says why.
    if (config().production) reportFont();
  },
};
