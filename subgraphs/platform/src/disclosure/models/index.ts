import type { Connection } from 'mongoose';

import { publishedRecordModel } from './PublishedRecord';
import { typicalCaseModel } from './TypicalCase';

export function createDisclosureModels(conn: Connection) {
  return { PublishedRecord: publishedRecordModel(conn), TypicalCase: typicalCaseModel(conn) };
}

export type DisclosureModels = ReturnType<typeof createDisclosureModels>;
