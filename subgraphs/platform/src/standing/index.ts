import { readFileSync } from 'node:fs';
import path from 'node:path';

import { byIdLoader, checkCallerOf, codedError, gatewayOnly, policy, serviceOnly, subgraphModuleSchemaFile } from '@credit/shared';
import { rule } from 'graphql-shield';

import type { Context } from '../context';
import { enumPolicyProblems, type PlatformDomain } from '../domain';
import { listingIndex } from './listing-index';
import { createStandingModels, type StandingModels } from './models';
import { resolvers } from './resolvers';

// Internal systems with a caller scope of the policy (checkScenarios.callers); which purposes each may ask is checked by the resolver.
const blacklistChecker = rule('blacklist-checker', { cache: 'no_cache' })((_parent, _args, ctx: Context) => {
  if (ctx.principal.role === 'internal' && checkCallerOf(ctx.principal.scopes)) return true;
  const scopes = Object.keys(policy().checkScenarios.callers).join(' or ');
  return codedError(ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', `The blacklist check needs an internal token with scope ${scopes}`);
});

/**
 * The purposes a check may name (this domain's SDL) and the scenarios the
 * policy gives measures for must be the same set: a purpose the policy does
 * not know could not be answered, a scenario the SDL lacks not be asked.
 */
export function checkPurposeProblems(sdl: string, purposes: readonly string[] = Object.keys(policy().checkScenarios.purposes)): string[] {
  return enumPolicyProblems(sdl, 'BlacklistCheckPurpose', purposes, 'checkScenarios', 'checkScenarios.purposes');
}

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
  checkConfiguration: () => {
    const problems = checkPurposeProblems(readFileSync(subgraphModuleSchemaFile(path.join(__dirname, '..', '..'), 'standing')!, 'utf8'));
    if (problems.length) throw new Error(`The blacklist check's purposes and the policy disagree: ${problems.join('; ')}`);
  },
  onReady: (models, log) => {
    // Loading the listing index reads whole collections: start it now rather
    // than at the first blacklist check (which the database answers meanwhile).
    void listingIndex(models, log).whenLoaded();
  },
};
