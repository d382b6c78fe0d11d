import type { SubgraphContext } from '@credit/shared';

import type { Loaders } from './loaders';
import type { Models } from './models';

export type Context = SubgraphContext<Loaders, Models>;
