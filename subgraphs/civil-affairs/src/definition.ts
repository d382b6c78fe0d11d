import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The civil-affairs subgraph: the Civil Affairs Bureau's administrative penalties and licences. */
export const definition = doublePublicityDepartment('civil-affairs', publicity);
