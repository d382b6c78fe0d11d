import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The housing-construction subgraph: the Housing and Urban-Rural Development Bureau's administrative penalties and licences. */
export const definition = doublePublicityDepartment('housing-construction', publicity);
