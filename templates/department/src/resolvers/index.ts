import type { Resolvers } from '../generated/graphql';
import { Person } from './Person';
import { __Stem__Record } from './Record';

/** Resolvers of the bureau's own fields; the common ones come from defineDepartment. */
export const resolvers: Resolvers = {
  Person,
  __Stem__Record,
};
