import { codedError } from '@credit/shared';
import { rule, type IRule } from 'graphql-shield';

import type { Context } from './context';

// Shield rules that several domains use for their own operations; Person
// fields follow the policy (derived in shared/permissions.ts).

export const dataSubject: IRule = rule('data-subject', { cache: 'no_cache' })((_parent, _args, ctx: Context) => {
  if (ctx.principal.role === 'subject' && ctx.principal.subjectId) return true;
  if (ctx.principal.role === 'public') return codedError('UNAUTHENTICATED', 'Sign in as the data subject to do this');
  return codedError('FORBIDDEN', 'Only the data subject may do this, for their own record');
});

export const reviewer: IRule = rule('reviewer', { cache: 'no_cache' })((_parent, _args, ctx: Context) =>
  ctx.principal.role === 'reviewer'
    ? true
    : codedError(ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', 'Only a platform reviewer may do this'),
);
