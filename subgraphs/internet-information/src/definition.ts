import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The internet-information subgraph: the Cyberspace Administration Office's administrative penalties and licences. */
export const definition = doublePublicityDepartment('internet-information', publicity);
