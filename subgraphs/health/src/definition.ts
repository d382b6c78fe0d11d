import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The health subgraph: the Health Commission's administrative penalties and licences. */
export const definition = doublePublicityDepartment('health', publicity);
