import { scalarResolvers } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';
import { Identity } from './Identity';
import { Person } from './Person';
import { Query } from './Query';
import { Violation } from './Violation';

export const resolvers: Resolvers = { ...scalarResolvers, Query, Person, Identity, Violation };
