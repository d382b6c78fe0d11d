import { accessRule, paginate } from '@credit/shared';

import type { PersonResolvers } from '../generated/graphql';
import { effectiveStatus } from '../joint-punishment';
import { redListEntryInForce } from '../models/RedListEntry';

const byId = (doc: { _id: string }) => doc._id;

export const Person: PersonResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  consents: async ({ id }, args, { loaders, principal }) => {
    const consents = await loaders.consentsBySubject.load(id);
    // A partner sees only the consents granted to it (policy rule own_grants).
    const visible = accessRule(principal.role, 'consents') === 'own_grants' ? consents.filter((c) => c.granteeInstitutionId === principal.org) : consents;
    return paginate(visible, args, byId);
  },
  queryLog: async ({ id }, args, { loaders }) => paginate(await loaders.queryLogByPerson.load(id), args, byId),
  jointPunishment: async ({ id }, _args, { loaders }) => {
    // Derived from the grounds in force today: a lapsed record leaves the list without a batch job.
    const { grounds: _grounds, underObjection: _flag, ...status } = effectiveStatus(await loaders.jointPunishmentById.load(id));
    return status;
  },
  redList: async ({ id }, _args, { loaders }) => {
    const entries = await loaders.redListByPerson.load(id);
    return { onRedList: entries.some((entry) => redListEntryInForce(entry)), entries };
  },
  objections: async ({ id }, args, { loaders }) => paginate(await loaders.objectionsByPerson.load(id), args, byId),
  repairs: async ({ id }, args, { loaders }) => paginate(await loaders.repairsByPerson.load(id), args, byId),
  practiceRecords: async ({ id }, args, { loaders }) => paginate(await loaders.practiceRecordsByPerson.load(id), args, byId),
  volunteerRecords: async ({ id }, args, { loaders }) => paginate(await loaders.volunteerRecordsByPerson.load(id), args, byId),
  charityRecords: async ({ id }, args, { loaders }) => paginate(await loaders.charityRecordsByPerson.load(id), args, byId),
  creditEvaluation: async ({ id }, _args, { loaders }) => loaders.evaluationById.load(id),
};
