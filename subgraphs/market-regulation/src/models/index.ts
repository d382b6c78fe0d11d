import type { Connection } from 'mongoose';

import { companyListingModel } from './CompanyListing';
import { companyOfficerModel } from './CompanyOfficer';

/** The bureau's own models; its double-publicity models are added by defineDepartment. */
export function createModels(conn: Connection) {
  return {
    CompanyOfficer: companyOfficerModel(conn),
    CompanyListing: companyListingModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
