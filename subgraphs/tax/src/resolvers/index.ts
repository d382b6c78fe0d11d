import type { Resolvers } from '../generated/graphql';
import { Person } from './Person';
import { TaxArrears } from './TaxArrears';
import { TaxDishonestyCase } from './TaxDishonestyCase';

/** Resolvers of the bureau's own fields; the common ones come from defineDepartment. */
export const resolvers: Resolvers = {
  Person,
  TaxArrears,
  TaxDishonestyCase,
};
