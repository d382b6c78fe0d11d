import { runSubgraphProcess } from '@credit/shared';

import { courtsSubgraph } from './server';

runSubgraphProcess(courtsSubgraph, 4004);
