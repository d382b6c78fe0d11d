import type { SubgraphContext } from '@credit/shared';

import type { LoadersOfDomains, ModelsOfDomains } from './domain';
import type { DOMAINS } from './domains';

/** Every domain's models, by name: a domain reads the others' through these. */
export type Models = ModelsOfDomains<typeof DOMAINS>;
/** Every domain's per-request loaders, by name. */
export type Loaders = LoadersOfDomains<typeof DOMAINS>;

export type Context = SubgraphContext<Loaders, Models>;
