import { badInput, insertManyUnordered } from '@credit/shared';

import { partnerReadNotice } from '../../cases/notices';
import type { Resolvers } from '../../generated/graphql';
import { countRefusedReads, proposeIfMisconduct } from '../../institutions/misconduct';
import { registeredNames } from '../../institutions/names';
import { queryLogWriter, type QueryLogContent } from '../chain';
import { queryLogEntries } from './QueryLogEntries';
import { QueryLogEntry } from './QueryLogEntry';

export const resolvers: Resolvers = {
  Query: { queryLogEntries },
  Mutation: {
    appendQueryLog: async (_parent, { entries }, ctx) => {
      // Institutions are named as registered, never as some consent's text.
      const names = await registeredNames(
        ctx.models,
        entries.map((e) => e.institutionId).filter((id): id is string => Boolean(id)),
      );
      const at = new Date();
      const contents: QueryLogContent[] = entries.map((e) => ({
        personId: e.personId ?? null,
        subjects: e.subjects ?? [],
        actorRole: e.actorRole,
        actorId: e.actorId ?? null,
        institution: e.institutionId ? { id: e.institutionId, name: names.get(e.institutionId) ?? e.institutionId } : null,
        purpose: e.purpose ?? null,
        consentId: e.consentId ?? null,
        fieldGroups: e.fieldGroups,
        deniedFieldGroups: e.deniedFieldGroups ?? [],
        outcome: e.outcome,
        at,
      }));
      if (contents.some((c) => !c.personId && c.subjects?.length === 0)) throw badInput('Each entry names a person or the subjects of a batch', 'no person');
      const sequence = await queryLogWriter(ctx.models, ctx.log).append(contents);
      // A partner's read is told to the person (seed 二(五)二) once it is logged. The log is the
      // record of it: a notice that cannot be written is reported, and does not withhold the answer.
      const notices = contents.flatMap((c) =>
        c.institution
          ? (c.personId ? [c.personId] : (c.subjects ?? [])).map((personId) =>
              partnerReadNotice(
                {
                  personId,
                  institution: c.institution!.name,
                  purpose: c.purpose ?? null,
                  consentId: c.consentId ?? null,
                  fieldGroups: c.fieldGroups,
                  deniedFieldGroups: c.deniedFieldGroups ?? [],
                  outcome: c.outcome,
                },
                at,
              ),
            )
          : [],
      );
      await insertManyUnordered(ctx.models.Notification, notices as unknown as Record<string, unknown>[]).catch((err: unknown) =>
        ctx.log.error('partner-read notices not written (the reads are in the query log)', { err, notices: notices.length }),
      );
      // Reads refused to an institution for lack of consent count towards its misconduct (institutions/misconduct.ts).
      const refused = contents.filter((c) => c.institution && c.outcome === 'DENIED').map((c) => c.institution!.id);
      if (refused.length > 0)
        await countRefusedReads(ctx.models, refused)
          .then(() => Promise.all([...new Set(refused)].map((id) => proposeIfMisconduct(ctx.models, id, undefined, ctx.log))))
          .catch((err: unknown) => ctx.log.error('refused reads not counted towards misconduct (they are in the query log)', { err }));
      return String(sequence);
    },
  },
  Person: {
    // Read from the log's index, newest first, one page at a time (log-index.ts).
    queryLog: async ({ id }, args, { loaders }) => loaders.queryLogPages.load({ id, first: args.first, after: args.after }),
  },
  QueryLogEntry,
  // Counted only when asked for: it reads every page of the person's log.
  QueryLogConnection: { totalCount: (connection) => connection.count() },
};
