// What the project's scripts, tests and benchmarks use of the platform (the
// subgraph itself is served from definition.ts, found by the registry).
export { noticeWindowEnds } from './cases/window-ends';
export { definition } from './definition';
export { createModels, type Models } from './models';
export { archiveQueryLog } from './query-log/archive';
export { entryHash, QueryLogWriter, verifyQueryLog, writeCheckpoint, type QueryLogContent } from './query-log/chain';
export { readLog, type LogReadKey } from './query-log/log-index';
export { queryLogPublicKey, queryLogSigningKey } from './query-log/seal';
export {
  addBureauFacts,
  addCompanyFacts,
  noCompanyFacts,
  noFacts,
  recomputeJointPunishment,
  type CompanySource,
  type FactsSource,
  type PersonFacts,
} from './standing/joint-punishment';
export { appendStandingChange, standingsOf } from './standing/listing-index';
export { INSTITUTIONS as DEMO_INSTITUTIONS } from './institutions/seed';
export { consentStatus } from './consents/models/Consent';
export { redListEntryInForce } from './positive-records/models/RedListEntry';
export { practiceRecordsFor } from './positive-records/seed';
export { feedChanged, isPublished, lookupKeysOf, removePublishedRecords } from './disclosure/published-records';
export { announceFeedDays, fileInFeed } from './disclosure/feed-index';
