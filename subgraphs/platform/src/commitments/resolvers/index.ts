import { maskCitizenId, maskPersonalDataIn, negativeRecordResolvers, pageOfShownRecords, paginate, shownPersonalText } from '@credit/shared';

import type { Resolvers } from '../../generated/graphql';
import { commitmentsReceived, commitmentStatus, makeCreditCommitment, rederiveFrom, reportBrokenCommitment } from '../commitments';
import type { BrokenCommitmentRecordDoc } from '../models/BrokenCommitmentRecord';

const byId = (doc: { _id: string }) => doc._id;

export const resolvers: Resolvers = {
  Query: {
    creditCommitmentsReceived: (_parent, args, ctx) => commitmentsReceived(ctx, args),
  },
  Mutation: {
    makeCreditCommitment: (_parent, args, ctx) => makeCreditCommitment(ctx, args),
    reportBrokenCommitment: (_parent, args, ctx) => reportBrokenCommitment(ctx, args, rederiveFrom(ctx)),
  },
  Person: {
    creditCommitments: async ({ id }, args, { loaders }) => paginate(await loaders.commitmentsByPerson.load(id), args, byId),
    brokenCommitmentRecords: async ({ id }, args, { loaders, forwarded }) =>
      pageOfShownRecords(await loaders.brokenCommitmentRecordsByPerson.load(id), args, forwarded),
  },
  CreditCommitment: {
    id: (doc) => doc._id,
    content: (doc, _args, ctx) => shownPersonalText(doc.content, doc.personId, ctx.forwarded),
    status: (doc) => commitmentStatus(doc),
    brokenOn: (doc) => doc.broken?.on ?? null,
    brokenReason: (doc, _args, ctx) => (doc.broken ? shownPersonalText(doc.broken.reason, doc.personId, ctx.forwarded) : null),
    brokenRecordId: (doc) => doc.broken?.recordId ?? null,
  },
  // The receiver knows whom it received a commitment from by the commitment, not by the person's ID or words.
  ReceivedCommitment: {
    id: (doc) => doc._id,
    personId: (doc) => maskCitizenId(doc.personId),
    content: (doc) => maskPersonalDataIn(doc.content),
    status: (doc) => commitmentStatus(doc),
    brokenOn: (doc) => doc.broken?.on ?? null,
    brokenRecordId: (doc) => doc.broken?.recordId ?? null,
  },
  BrokenCommitmentRecord: {
    ...negativeRecordResolvers<BrokenCommitmentRecordDoc>('PLATFORM'),
    reason: (doc, _args, ctx) => shownPersonalText(doc.reason, doc.personId, ctx.forwarded),
  },
};
