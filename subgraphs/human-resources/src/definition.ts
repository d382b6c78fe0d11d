import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The human-resources subgraph: the Human Resources and Social Security Bureau's administrative penalties and licences. */
export const definition = doublePublicityDepartment('human-resources', publicity);
