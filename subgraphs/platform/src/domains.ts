import { cases } from './cases';
import { commitments } from './commitments';
import { consents } from './consents';
import { disclosure } from './disclosure';
import { dishonestyReports } from './dishonesty-reports';
import { evaluation } from './evaluation';
import { institutions } from './institutions';
import { positiveRecords } from './positive-records';
import { queryLog } from './query-log';
import { reports } from './reports';
import { standing } from './standing';

/**
 * The platform's domains, each a folder of src/ with its SDL part, models,
 * resolvers, rules and tests. This list is the only place that names them:
 * the subgraph is put together from it (definition.ts), and a folder with an
 * SDL part that is not listed here stops the start.
 */
export const DOMAINS = [
  standing,
  cases,
  queryLog,
  positiveRecords,
  consents,
  evaluation,
  institutions,
  disclosure,
  reports,
  dishonestyReports,
  commitments,
] as const;
