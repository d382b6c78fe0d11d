import type { Resolvers } from '../generated/graphql';
import { Identity, ResidencePermit } from './Identity';
import { Person } from './Person';
import { residentsNamed } from './residents-named';
import { Violation } from './Violation';

/** Resolvers of the bureau's own fields; the common ones come from defineDepartment. */
export const resolvers: Resolvers = {
  Query: { residentsNamed },
  Person,
  Identity,
  ResidencePermit,
  Violation,
};
