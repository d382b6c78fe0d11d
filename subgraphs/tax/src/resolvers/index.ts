import { rootQueryResolvers, scalarResolvers } from '@credit/shared';

import type { Resolvers } from '../generated/graphql';
import { Person } from './Person';
import { TaxArrears } from './TaxArrears';
import { TaxDishonestyCase } from './TaxDishonestyCase';

export const resolvers: Resolvers = { ...scalarResolvers, Query: rootQueryResolvers, Person, TaxArrears, TaxDishonestyCase };
