import type { Connection } from 'mongoose';

import { feedBucketModel } from './FeedBucket';
import { feedDirectoryModel } from './FeedDirectory';
import { feedVersionModel } from './FeedVersion';
import { publishedRecordModel } from './PublishedRecord';
import { publishedRecordDetailModel } from './PublishedRecordDetail';
import { typicalCaseModel } from './TypicalCase';

export function createDisclosureModels(conn: Connection) {
  return {
    PublishedRecord: publishedRecordModel(conn),
    PublishedRecordDetail: publishedRecordDetailModel(conn),
    FeedDirectory: feedDirectoryModel(conn),
    FeedBucket: feedBucketModel(conn),
    FeedVersion: feedVersionModel(conn),
    TypicalCase: typicalCaseModel(conn),
  };
}

export type DisclosureModels = ReturnType<typeof createDisclosureModels>;
