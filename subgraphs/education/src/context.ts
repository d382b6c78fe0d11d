import type { SubgraphContext } from '@credit/shared';

import type { Loaders } from './loaders';

export type Context = SubgraphContext<Loaders>;
