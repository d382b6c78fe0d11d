import type { Connection } from 'mongoose';

import { companyDebtorListingModel } from './CompanyDebtorListing';
import { companyDishonestyRecordModel } from './CompanyDishonestyRecord';
import { companyRepresentationModel } from './CompanyRepresentation';
import { consumptionRestrictionModel } from './ConsumptionRestriction';
import { debtorListingModel } from './DebtorListing';
import { enforcementCaseModel } from './EnforcementCase';

export function createModels(conn: Connection) {
  return {
    DebtorListing: debtorListingModel(conn),
    EnforcementCase: enforcementCaseModel(conn),
    ConsumptionRestriction: consumptionRestrictionModel(conn),
    CompanyRepresentation: companyRepresentationModel(conn),
    CompanyDishonestyRecord: companyDishonestyRecordModel(conn),
    CompanyDebtorListing: companyDebtorListingModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
