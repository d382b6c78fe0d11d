import type { Connection } from 'mongoose';

import { complaintModel } from './Complaint';
import { institutionModel } from './Institution';
import { institutionBlacklistModel } from './InstitutionBlacklistEntry';
import { misconductProposalModel, refusedReadCountModel } from './MisconductProposal';

export function createInstitutionModels(conn: Connection) {
  return {
    Institution: institutionModel(conn),
    InstitutionBlacklistEntry: institutionBlacklistModel(conn),
    Complaint: complaintModel(conn),
    MisconductProposal: misconductProposalModel(conn),
    RefusedReadCount: refusedReadCountModel(conn),
  };
}

export type InstitutionModels = ReturnType<typeof createInstitutionModels>;
