import { runSubgraphProcess } from '@credit/shared';

import { pbocSubgraph } from './server';

runSubgraphProcess(pbocSubgraph, 4005);
