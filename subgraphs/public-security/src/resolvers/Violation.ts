import { negativeRecordResolvers } from '@credit/shared';

import type { ViolationResolvers } from '../generated/graphql';
import type { ViolationDoc } from '../models/Violation';

export const Violation: ViolationResolvers = {
  ...negativeRecordResolvers<ViolationDoc>('PUBLIC_SECURITY'),
};
