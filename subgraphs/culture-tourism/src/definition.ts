import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The culture-tourism subgraph: the Culture, Radio, Television and Tourism Bureau's administrative penalties and licences. */
export const definition = doublePublicityDepartment('culture-tourism', publicity);
