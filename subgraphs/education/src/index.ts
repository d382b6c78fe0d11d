import { runSubgraphProcess } from '@credit/shared';

import { educationSubgraph } from './server';

runSubgraphProcess(educationSubgraph, 4002);
