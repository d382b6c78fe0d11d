import type { Connection } from 'mongoose';

import { publishedRecordModel } from './PublishedRecord';

export function createDisclosureModels(conn: Connection) {
  return { PublishedRecord: publishedRecordModel(conn) };
}

export type DisclosureModels = ReturnType<typeof createDisclosureModels>;
