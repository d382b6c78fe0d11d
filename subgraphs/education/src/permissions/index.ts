import { bureauWriter, serviceOnly } from '@credit/shared';
import type { IRules } from 'graphql-shield';

// Rules of the subgraph's own operations; Person fields follow the policy
// (derived in shared/permissions.ts).
export const permissions: IRules = {
  Mutation: { applyEducationRecordAction: serviceOnly, ingestEducationRecords: bureauWriter('EDUCATION') },
};
