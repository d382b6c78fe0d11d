import type { Connection } from 'mongoose';

import { taxArrearsModel } from './TaxArrears';
import { taxCreditRatingModel } from './TaxCreditRating';
import { taxDishonestyCaseModel } from './TaxDishonestyCase';

export function createModels(conn: Connection) {
  return {
    TaxCreditRating: taxCreditRatingModel(conn),
    TaxArrears: taxArrearsModel(conn),
    TaxDishonestyCase: taxDishonestyCaseModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
