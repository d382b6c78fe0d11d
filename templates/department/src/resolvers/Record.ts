import { negativeRecordResolvers } from '@credit/shared';

import type { __Stem__RecordResolvers } from '../generated/graphql';
import type { __Stem__RecordDoc } from '../models/Record';

export const __Stem__Record: __Stem__RecordResolvers = {
  ...negativeRecordResolvers<__Stem__RecordDoc>('__CODE__'),
};
