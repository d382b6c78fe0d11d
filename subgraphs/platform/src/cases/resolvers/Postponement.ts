import { shownRecordId } from '@credit/shared';

import type { PostponementResolvers } from '../../generated/graphql';

export const Postponement: PostponementResolvers = {
  id: (doc) => doc._id,
  // Masked as the record itself shows it (an id gathered before ids had to be opaque may name the person).
  recordId: (doc, _args, ctx) => shownRecordId(doc.recordId, doc.personId, ctx.forwarded),
};
