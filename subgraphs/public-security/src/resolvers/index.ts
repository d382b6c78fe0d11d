import { rootQueryResolvers, scalarResolvers } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';
import { Identity } from './Identity';
import { Person } from './Person';
import { Violation } from './Violation';

export const resolvers: Resolvers = { ...scalarResolvers, Query: rootQueryResolvers, Person, Identity, Violation };
