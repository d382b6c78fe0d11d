import { runSubgraphProcess } from '@credit/shared';

import { taxSubgraph } from './server';

runSubgraphProcess(taxSubgraph, 4003);
