import { runSubgraphProcess } from '@credit/shared';

import { publicSecuritySubgraph } from './server';

runSubgraphProcess(publicSecuritySubgraph, 4001);
