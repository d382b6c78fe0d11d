import { codedError, gatewayOnly } from '@credit/shared';
import DataLoader from 'dataloader';
import { rule } from 'graphql-shield';

import type { Context } from '../context';
import type { PlatformDomain } from '../domain';
import { startLogArchiver } from './archive';
import { startCheckpointer } from './chain';
import { countPeopleLogs, peopleLogConnections, type LogConnection, type PersonLogRequest } from './log-index';
import { createQueryLogModels, type QueryLogModels } from './models';
import { resolvers } from './resolvers';
import { queryLogSigningKey } from './seal';

const auditorOrPartner = rule('auditor-or-partner', { cache: 'no_cache' })((_parent, _args, ctx: Context) => {
  if (ctx.principal.role === 'auditor' || (ctx.principal.role === 'partner' && ctx.principal.org && !ctx.principal.blacklisted)) return true;
  return codedError(
    ctx.principal.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
    'Only auditors, and partners for their own queries, read the query log across people',
  );
});

function createQueryLogLoaders(models: QueryLogModels) {
  const queryLogCounts = new DataLoader<string, number>((ids) => countPeopleLogs(models, ids));
  return {
    // The query log is read through its index (log-index.ts), all the request's people together.
    queryLogPages: new DataLoader<PersonLogRequest, LogConnection, string>(
      (requests) => peopleLogConnections(models, requests, (id) => queryLogCounts.load(id)),
      {
        cacheKeyFn: (r) => `${r.id}|${r.first ?? ''}|${r.after ?? ''}`,
      },
    ),
  };
}

/**
 * The query log (MISSION rule 4): every read of a person by someone else,
 * appended before the answer leaves, hash-chained, sealed with the
 * platform's key and checkpointed; read by the person, by auditors and by
 * partners for their own queries.
 */
export const queryLog: PlatformDomain<QueryLogModels, ReturnType<typeof createQueryLogLoaders>> = {
  name: 'query-log',
  createModels: createQueryLogModels,
  createLoaders: createQueryLogLoaders,
  resolvers,
  permissions: {
    Query: { queryLogEntries: auditorOrPartner },
    Mutation: { appendQueryLog: gatewayOnly },
  },
  // The query log cannot be sealed without the platform key: refuse to start.
  checkConfiguration: () => void queryLogSigningKey(),
  // Checkpoints of the head, and the archive of entries past the retention period.
  onReady: (models, log) => {
    const stops = [startCheckpointer(models, log), startLogArchiver(models, log)];
    return () => stops.forEach((stop) => stop());
  },
};
