import { negativeRecordResolvers } from '@credit/shared';

import type { CompanyDishonestyRecordResolvers } from '../generated/graphql';
import type { CompanyDishonestyRecordDoc } from '../models/CompanyDishonestyRecord';

export const CompanyDishonestyRecord: CompanyDishonestyRecordResolvers = {
  ...negativeRecordResolvers<CompanyDishonestyRecordDoc>('COURTS'),
};
