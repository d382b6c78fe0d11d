import { readFileSync } from 'node:fs';
import path from 'node:path';

import { codedError, groupedLoader, keysFilter, policy, subgraphModuleSchemaFile } from '@credit/shared';
import DataLoader from 'dataloader';
import { allow, rule } from 'graphql-shield';

import type { Context } from '../context';
import { enumPolicyProblems, type PlatformDomain } from '../domain';
import { dataSubject, reviewer } from '../rules';
import { createInstitutionModels, type InstitutionModels } from './models';
import { COMPLAINT_ORDER } from './models/Complaint';
import type { InstitutionBlacklistEntryDoc } from './models/InstitutionBlacklistEntry';
import { resolvers } from './resolvers';
import { seedInstitutions } from './seed';

/**
 * Institutions (MISSION rule 12; seed 二(三)一): the partner institutions
 * registered with the platform, whose names the query log writes; people's
 * complaints about them; the platform's proposals to blacklist one whose
 * upheld complaints or refused reads pass the policy's thresholds; and the
 * misconduct blacklist that refuses a blacklisted institution's queries,
 * published with its grounds.
 */
// The whole blacklist, with the people named in full: platform reviewers, and auditors who oversee them.
const reviewerOrAuditor = rule('reviewer-or-auditor', { cache: 'no_cache' })((_parent, _args, ctx: Context) =>
  ctx.principal.role === 'reviewer' || ctx.principal.role === 'auditor'
    ? true
    : codedError(ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only platform reviewers and auditors read the whole blacklist'),
);

function createInstitutionLoaders(models: InstitutionModels) {
  return {
    complaintsByPerson: groupedLoader(models.Complaint, 'personId', COMPLAINT_ORDER),
    // The blacklistings naming each person, newest first (one query for the request's people).
    blacklistingsNaming: new DataLoader<string, InstitutionBlacklistEntryDoc[]>(async (ids) => {
      const entries = await models.InstitutionBlacklistEntry.find(keysFilter('responsible.personId', ids)).lean().exec();
      entries.sort((a, b) => b.since.getTime() - a.since.getTime() || a._id.localeCompare(b._id));
      return ids.map((id) => entries.filter((e) => e.responsible?.some((p) => p.personId === id)));
    }),
  };
}

export const institutions: PlatformDomain<InstitutionModels, ReturnType<typeof createInstitutionLoaders>> = {
  name: 'institutions',
  createModels: createInstitutionModels,
  createLoaders: createInstitutionLoaders,
  resolvers,
  permissions: {
    // A registered organisation's name is not personal data; nor is the published blacklist, which names organisations only.
    Query: {
      institution: allow,
      institutionBlacklist: allow,
      institutionBlacklistEntries: reviewerOrAuditor,
      complaints: reviewer,
      institutionMisconductProposals: reviewer,
    },
    Mutation: {
      registerInstitution: reviewer,
      blacklistInstitution: reviewer,
      liftInstitutionBlacklist: reviewer,
      fileComplaint: dataSubject,
      decideComplaint: reviewer,
      dismissMisconductProposal: reviewer,
    },
  },
  checkConfiguration: () => {
    // The SDL's misconduct grounds and the policy's catalogue must be the same list.
    const problems = enumPolicyProblems(
      readFileSync(subgraphModuleSchemaFile(path.join(__dirname, '..', '..'), 'institutions')!, 'utf8'),
      'InstitutionMisconductGround',
      Object.keys(policy().institutionMisconduct.grounds),
      'institutionMisconduct.grounds',
      'institutionMisconduct.grounds',
    );
    if (problems.length) throw new Error(`The misconduct grounds of the SDL and the policy disagree: ${problems.join('; ')}`);
  },
  seed: seedInstitutions,
};
