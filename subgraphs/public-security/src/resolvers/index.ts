import type { Resolvers } from '../generated/graphql';
import { Identity } from './Identity';
import { Person } from './Person';
import { Violation } from './Violation';

/** Resolvers of the bureau's own fields; the common ones come from defineDepartment. */
export const resolvers: Resolvers = {
  Person,
  Identity,
  Violation,
};
