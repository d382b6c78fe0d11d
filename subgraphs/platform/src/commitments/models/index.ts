import type { Connection } from 'mongoose';

import { brokenCommitmentRecordModel } from './BrokenCommitmentRecord';
import { creditCommitmentModel } from './CreditCommitment';

export function createCommitmentsModels(conn: Connection) {
  return {
    CreditCommitment: creditCommitmentModel(conn),
    BrokenCommitmentRecord: brokenCommitmentRecordModel(conn),
  };
}

export type CommitmentsModels = ReturnType<typeof createCommitmentsModels>;
