import { negativeRecordResolvers } from '@credit/shared';

import type { TaxArrearsResolvers } from '../generated/graphql';
import type { TaxArrearsDoc } from '../models/TaxArrears';

export const TaxArrears: TaxArrearsResolvers = {
  ...negativeRecordResolvers<TaxArrearsDoc>('TAX'),
};
