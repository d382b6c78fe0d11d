import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The __name__ subgraph: the __label__'s administrative penalties and licences. */
export const definition = doublePublicityDepartment('__name__', publicity);
