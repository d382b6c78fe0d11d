import {
  addMonths,
  categoriesOfKind,
  categoryPolicy,
  insertNewDocuments,
  opaqueId,
  policy,
  POPULATION_REFERENCE_DATE,
  Rng,
  type SubgraphSeeder,
  type SyntheticPerson,
} from '@credit/shared';

import type { Models } from './models';
import type { __Stem__RecordDoc } from './models/Record';

// The categories the credit policy gives this record kind of the bureau.
const CATEGORIES = categoriesOfKind('__CODE__', '__CODE___RECORD');
const RECORD_SHARE = 0.01;
const LEGAL_BASIS = '__legalBasis__';

/** The synthetic records of one person: a record for about one adult in a hundred, within the last three years. */
export function recordsFor(person: SyntheticPerson, seed: number): __Stem__RecordDoc[] {
  const rng = Rng.forKey(seed, '__name__', 'records', person.index);
  const adultFrom = addMonths(person.birthDate, 12 * policy().minors.adultAge);
  const from = addMonths(POPULATION_REFERENCE_DATE, -36);
  if (CATEGORIES.length === 0 || !rng.chance(RECORD_SHARE) || adultFrom > from) return [];
  const category = rng.pick(CATEGORIES);
  const decisionDate = rng.dateBetween(from, POPULATION_REFERENCE_DATE);
  return [
    {
      _id: opaqueId('__CODE__', person.id, decisionDate),
      personId: person.id,
      category,
      grade: categoryPolicy(category).grade,
      decisionDate,
      decisionNumber: `__CODE__〔${decisionDate.slice(0, 4)}〕${rng.int(1, 999)}号`,
      authority: '__label__',
      legalBasis: LEGAL_BASIS,
      description: categoryPolicy(category).label,
      collectedAt: new Date(`${decisionDate}T08:00:00Z`),
    },
  ];
}

export const seed: SubgraphSeeder<Models> = async (models, people, seedValue) => ({
  __collection___records: await insertNewDocuments(
    models.Record,
    people.flatMap((p) => recordsFor(p, seedValue)),
  ),
});
