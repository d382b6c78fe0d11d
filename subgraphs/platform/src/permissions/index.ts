import { bureauWriter, codedError, gatewayOnly, serviceOnly } from '@credit/shared';
import { allow, rule, type IRules } from 'graphql-shield';

import type { Context } from '../context';

// Rules of the platform's own operations; Person fields follow the policy
// (derived in shared/permissions.ts).

const dataSubject = rule('data-subject', { cache: 'no_cache' })((_parent, _args, ctx: Context) => {
  if (ctx.principal.role === 'subject' && ctx.principal.subjectId) return true;
  if (ctx.principal.role === 'public') return codedError('UNAUTHENTICATED', 'Sign in as the data subject to do this');
  return codedError('FORBIDDEN', 'Only the data subject may do this, for their own record');
});

const reviewer = rule('reviewer', { cache: 'no_cache' })((_parent, _args, ctx: Context) =>
  ctx.principal.role === 'reviewer'
    ? true
    : codedError(ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only a platform reviewer may do this'),
);

const auditorOrPartner = rule('auditor-or-partner', { cache: 'no_cache' })((_parent, _args, ctx: Context) => {
  if (ctx.principal.role === 'auditor' || (ctx.principal.role === 'partner' && ctx.principal.org && !ctx.principal.blacklisted)) return true;
  return codedError(
    ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    'Only auditors, and partners for their own queries, read the query log across people',
  );
});

const blacklistChecker = rule('blacklist-checker', { cache: 'no_cache' })((_parent, _args, ctx: Context) => {
  if (ctx.principal.role === 'internal' && ctx.principal.scopes.includes('blacklist:check')) return true;
  return codedError(
    ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    'The blacklist check needs an internal token with scope blacklist:check',
  );
});

const bureauOperator = rule('bureau-operator', { cache: 'no_cache' })((_parent, _args, ctx: Context) =>
  ctx.principal.role === 'bureau'
    ? true
    : codedError(ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only an operator of the owning bureau decides'),
);

export const permissions: IRules = {
  Query: {
    consentCheck: gatewayOnly,
    queryLogEntries: auditorOrPartner,
    // A registered organisation's name is not personal data.
    institution: allow,
    creditCatalogue: allow,
    creditCategory: allow,
    blacklistCheck: blacklistChecker,
    overdueObjections: reviewer,
    overdueRepairs: reviewer,
  },
  Mutation: {
    fileObjection: dataSubject,
    applyForRepair: dataSubject,
    decideRepair: reviewer,
    startRepairReview: reviewer,
    // The resolver checks the operator's bureau against the objection's.
    decideObjection: bureauOperator,
    startObjectionReview: bureauOperator,
    recordsChanged: serviceOnly,
    ingestPlatformRecords: bureauWriter('PLATFORM'),
    grantConsent: dataSubject,
    revokeConsent: dataSubject,
    appendQueryLog: gatewayOnly,
    registerInstitution: reviewer,
    blacklistInstitution: reviewer,
    liftInstitutionBlacklist: reviewer,
  },
};
