import { byIdLoader, codedError, gatewayOnly, serviceOnly } from '@credit/shared';
import { rule } from 'graphql-shield';

import type { Context } from '../context';
import type { PlatformDomain } from '../domain';
import { listingIndex } from './listing-index';
import { createStandingModels, type StandingModels } from './models';
import { resolvers } from './resolvers';

const blacklistChecker = rule('blacklist-checker', { cache: 'no_cache' })((_parent, _args, ctx: Context) => {
  if (ctx.principal.role === 'internal' && ctx.principal.scopes.includes('blacklist:check')) return true;
  return codedError(
    ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    'The blacklist check needs an internal token with scope blacklist:check',
  );
});

function createStandingLoaders(models: StandingModels) {
  return { jointPunishmentById: byIdLoader(models.JointPunishmentStatus) };
}

/**
 * A person's standing (方案 二(五)二, joint punishment): the joint-punishment status derived from
 * the bureaus' records, the in-memory listing index, and the blacklist check
 * that internal systems ask of it.
 */
export const standing: PlatformDomain<StandingModels, ReturnType<typeof createStandingLoaders>> = {
  name: 'standing',
  createModels: createStandingModels,
  createLoaders: createStandingLoaders,
  resolvers,
  permissions: {
    Query: { blacklistCheck: blacklistChecker, publicListed: gatewayOnly },
    Mutation: { recordsChanged: serviceOnly },
  },
  onReady: (models, log) => {
    // Loading the listing index reads whole collections: start it now rather
    // than at the first blacklist check (which the database answers meanwhile).
    void listingIndex(models, log).whenLoaded();
  },
};
