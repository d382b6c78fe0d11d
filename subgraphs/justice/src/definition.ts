import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The justice subgraph: the Justice Bureau's administrative penalties and licences. */
export const definition = doublePublicityDepartment('justice', publicity);
