import { negativeRecordResolvers } from '@credit/shared';

import type { ResearchMisconductResolvers } from '../generated/graphql';
import type { ResearchMisconductDoc } from '../models/ResearchMisconduct';

export const ResearchMisconduct: ResearchMisconductResolvers = {
  ...negativeRecordResolvers<ResearchMisconductDoc>('EDUCATION'),
};
