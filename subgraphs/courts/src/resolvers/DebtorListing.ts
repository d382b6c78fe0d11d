import { negativeRecordResolvers } from '@credit/shared';

import type { DebtorListingResolvers } from '../generated/graphql';
import { defaultListedUntil, type DebtorListingDoc } from '../models/DebtorListing';

export const DebtorListing: DebtorListingResolvers = {
  ...negativeRecordResolvers<DebtorListingDoc>('COURTS'),
  listedOn: (doc) => doc.decisionDate,
  // Bulk inserts bypass the model, which sets the period; a listing without one has the policy default, as in its display window.
  listedUntil: (doc) => doc.displayUntil ?? defaultListedUntil(doc.decisionDate),
};
