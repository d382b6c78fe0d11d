import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The ecology-environment subgraph: the Ecology and Environment Bureau's administrative penalties and licences. */
export const definition = doublePublicityDepartment('ecology-environment', publicity);
