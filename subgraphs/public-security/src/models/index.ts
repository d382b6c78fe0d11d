import type { Connection } from 'mongoose';

import { residentModel } from './Resident';
import { violationModel } from './Violation';

export function createModels(conn: Connection) {
  return {
    Resident: residentModel(conn),
    Violation: violationModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
