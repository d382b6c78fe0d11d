import { runSubgraphProcess } from '@credit/shared';

import { platformSubgraph } from './server';

runSubgraphProcess(platformSubgraph, 4006);
