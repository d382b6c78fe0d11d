import type { Connection } from 'mongoose';

import { institutionModel } from './Institution';
import { institutionBlacklistModel } from './InstitutionBlacklistEntry';

export function createInstitutionModels(conn: Connection) {
  return {
    Institution: institutionModel(conn),
    InstitutionBlacklistEntry: institutionBlacklistModel(conn),
  };
}

export type InstitutionModels = ReturnType<typeof createInstitutionModels>;
