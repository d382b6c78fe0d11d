import type { Connection } from 'mongoose';

import { taxArrearsModel } from './TaxArrears';
import { taxCreditRatingModel } from './TaxCreditRating';
import { taxDishonestyCaseModel } from './TaxDishonestyCase';

/** The federated reference to a person: only the key. */
export interface PersonRef {
  id: string;
}

export function createModels(conn: Connection) {
  return {
    TaxCreditRating: taxCreditRatingModel(conn),
    TaxArrears: taxArrearsModel(conn),
    TaxDishonestyCase: taxDishonestyCaseModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
