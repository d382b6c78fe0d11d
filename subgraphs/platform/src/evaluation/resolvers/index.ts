import { creditCatalogue } from '@credit/shared';

import type { Resolvers } from '../../generated/graphql';
import { evaluate } from '../evaluate';
import { CreditEvaluation } from './CreditEvaluation';

export const resolvers: Resolvers = {
  Query: {
    creditCatalogue: () => creditCatalogue(),
    creditCategory: (_parent, { code }) => creditCatalogue().categories.find((c) => c.code === code)!,
  },
  Person: {
    // Computed when read from the facts held for the person, so records that
    // left their display window since the last change no longer count.
    creditEvaluation: async ({ id }, _args, { loaders }) => {
      const [facts, volunteer, charity, redList] = await Promise.all([
        loaders.jointPunishmentById.load(id),
        loaders.volunteerRecordsByPerson.load(id),
        loaders.charityRecordsByPerson.load(id),
        loaders.redListByPerson.load(id),
      ]);
      return { _id: id, ...evaluate(facts?.negatives ?? [], volunteer, charity, redList) };
    },
  },
  CreditEvaluation,
};
