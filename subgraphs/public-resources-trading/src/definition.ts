import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The public-resources-trading subgraph: the Public Resources Trading Service Centre's administrative penalties and licences. */
export const definition = doublePublicityDepartment('public-resources-trading', publicity);
