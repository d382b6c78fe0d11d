import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The emergency-management subgraph: the Emergency Management Bureau's administrative penalties and licences. */
export const definition = doublePublicityDepartment('emergency-management', publicity);
