import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The transport subgraph: the Transport Bureau's administrative penalties and licences. */
export const definition = doublePublicityDepartment('transport', publicity);
