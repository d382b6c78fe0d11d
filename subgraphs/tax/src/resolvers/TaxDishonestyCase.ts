import { negativeRecordResolvers } from '@credit/shared';

import type { TaxDishonestyCaseResolvers } from '../generated/graphql';
import type { TaxDishonestyCaseDoc } from '../models/TaxDishonestyCase';

export const TaxDishonestyCase: TaxDishonestyCaseResolvers = {
  ...negativeRecordResolvers<TaxDishonestyCaseDoc>('TAX'),
};
