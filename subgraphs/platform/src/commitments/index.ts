import { codedError, groupedLoader, NEGATIVE_RECORD_ORDER, startRetentionSweeper } from '@credit/shared';
import { rule } from 'graphql-shield';

import type { Context } from '../context';
import type { PlatformDomain } from '../domain';
import { dataSubject } from '../rules';
import { createCommitmentsModels, type CommitmentsModels } from './models';
import { COMMITMENT_ORDER } from './models/CreditCommitment';
import { platformNotifier, platformRecordKinds } from './platform-records';
import { resolvers } from './resolvers';

// The receivers of commitments: partner institutions (employers) and departments' operators; the resolvers match the organisation.
const receiver = rule('commitment-receiver', { cache: 'no_cache' })((_parent, _args, ctx: Context) =>
  ctx.principal.role === 'partner' || ctx.principal.role === 'bureau'
    ? true
    : codedError(ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only the receiver of a commitment reads or reports it'),
);

function createCommitmentsLoaders(models: CommitmentsModels) {
  return {
    commitmentsByPerson: groupedLoader(models.CreditCommitment, 'personId', COMMITMENT_ORDER),
    brokenCommitmentRecordsByPerson: groupedLoader(models.BrokenCommitmentRecord, 'personId', NEGATIVE_RECORD_ORDER),
  };
}

/**
 * Credit commitments (信用承诺, seed 二(一)四) and the platform's own
 * negative records of those broken (commitments.ts, platform-records.ts).
 */
export const commitments: PlatformDomain<CommitmentsModels, ReturnType<typeof createCommitmentsLoaders>> = {
  name: 'commitments',
  createModels: createCommitmentsModels,
  createLoaders: createCommitmentsLoaders,
  resolvers,
  permissions: {
    Query: { creditCommitmentsReceived: receiver },
    Mutation: { makeCreditCommitment: dataSubject, reportBrokenCommitment: receiver },
  },
  // Its records past retention are deleted like a department's. They stopped counting when their display ended, so nothing is derived again.
  onReady: (models, log) =>
    startRetentionSweeper(
      platformRecordKinds(models),
      platformNotifier(() => Promise.resolve()),
      log,
    ),
};
