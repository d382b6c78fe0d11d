import type { Connection } from 'mongoose';

import { queryLogArchiveModels } from './QueryLogArchive';
import { queryLogCheckpointModel, queryLogEntryModel, queryLogHeadModel, queryLogMetaModel, queryLogPageModel } from './QueryLogEntry';

export function createQueryLogModels(conn: Connection) {
  return {
    QueryLogEntry: queryLogEntryModel(conn),
    QueryLogHead: queryLogHeadModel(conn),
    QueryLogCheckpoint: queryLogCheckpointModel(conn),
    QueryLogPage: queryLogPageModel(conn),
    QueryLogMeta: queryLogMetaModel(conn),
    ...queryLogArchiveModels(conn),
  };
}

export type QueryLogModels = ReturnType<typeof createQueryLogModels>;
