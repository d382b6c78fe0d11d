import type { Connection } from 'mongoose';

import { feedDirectoryModel } from './FeedDirectory';
import { publishedRecordModel } from './PublishedRecord';
import { typicalCaseModel } from './TypicalCase';

export function createDisclosureModels(conn: Connection) {
  return { PublishedRecord: publishedRecordModel(conn), FeedDirectory: feedDirectoryModel(conn), TypicalCase: typicalCaseModel(conn) };
}

export type DisclosureModels = ReturnType<typeof createDisclosureModels>;
