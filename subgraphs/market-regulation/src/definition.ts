import { doublePublicityDepartment } from '@credit/shared';

import { publicity } from './publicity';

/** The market-regulation subgraph: the Market Supervision Administration's administrative penalties and licences. */
export const definition = doublePublicityDepartment('market-regulation', publicity);
