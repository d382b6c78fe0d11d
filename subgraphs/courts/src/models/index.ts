import type { Connection } from 'mongoose';

import { companyDishonestyRecordModel } from './CompanyDishonestyRecord';
import { companyRepresentationModel } from './CompanyRepresentation';
import { consumptionRestrictionModel } from './ConsumptionRestriction';
import { debtorListingModel } from './DebtorListing';
import { enforcementCaseModel } from './EnforcementCase';

/** The federated reference to a person: only the key. */
export interface PersonRef {
  id: string;
}

export function createModels(conn: Connection) {
  return {
    DebtorListing: debtorListingModel(conn),
    EnforcementCase: enforcementCaseModel(conn),
    ConsumptionRestriction: consumptionRestrictionModel(conn),
    CompanyRepresentation: companyRepresentationModel(conn),
    CompanyDishonestyRecord: companyDishonestyRecordModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
