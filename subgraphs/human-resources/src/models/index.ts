import type { Connection } from 'mongoose';

/** The bureau's own models; its double-publicity models are added by defineDepartment. */
export function createModels(_conn: Connection) {
  return {};
}

export type Models = ReturnType<typeof createModels>;
