import type { Connection } from 'mongoose';

import type { Models } from './context';
import { mergeModels } from './domain';
import { DOMAINS } from './domains';

export type { Models } from './context';

/** Registers every domain's models on the platform's connection. */
export function createModels(conn: Connection): Models {
  return mergeModels(DOMAINS, conn);
}
