import type { Connection } from 'mongoose';

import { recordModel } from './Record';

export function createModels(conn: Connection) {
  return {
    Record: recordModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
