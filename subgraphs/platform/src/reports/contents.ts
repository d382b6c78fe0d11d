import { callSubgraph, codedError } from '@credit/shared';
import { execute, type GraphQLSchema } from 'graphql';

import type { Context } from '../context';
import { CreditReportSectionsDocument, type CreditReportSectionsQuery } from '../generated/platform-operations';
import { SubjectIdentityDocument, type SubjectIdentityQuery } from '../generated/public-security-operations';
import type { NegativeFactDoc } from '../standing/models/JointPunishmentStatus';

/**
 * What a person's credit report holds, gathered as the person reads it:
 * the platform's own sections by running the report's operation on the
 * platform's schema in process with the caller's context (so the same
 * resolvers and rules answer as for `Person` through the gateway), the
 * identity from public-security asked as the person, and each department's
 * negative records as the departments last reported them to the platform
 * (the facts behind the joint-punishment status and the evaluation).
 */

export type ReportSections = NonNullable<Extract<NonNullable<CreditReportSectionsQuery['_entities'][number]>, { jointPunishment?: unknown }>>;
export type ReportIdentity = NonNullable<Extract<NonNullable<SubjectIdentityQuery['_entities'][number]>, { identity?: unknown }>['identity']>;

export interface ReportContents {
  subjectId: string;
  /** Null when the population base does not know the ID. */
  identity: ReportIdentity | null;
  sections: ReportSections;
  /** The departments' negative records as last reported, oldest display start first. */
  negativeRecords: NegativeFactDoc[];
}

function unavailable(what: string, cause: unknown, ctx: Context): never {
  ctx.log.error('credit report not issued', { what, err: cause });
  throw codedError('REPORT_UNAVAILABLE', `The credit report could not be made: ${what} did not answer; nothing was issued. Try again later.`);
}

async function identityOf(subjectId: string, ctx: Context): Promise<ReportIdentity | null> {
  try {
    const data = await callSubgraph({
      subgraph: 'public-security',
      url: ctx.peerUrl('public-security'),
      principal: ctx.principal,
      secret: ctx.internalSecret,
      requestId: ctx.requestId,
      document: SubjectIdentityDocument,
      variables: { reps: [{ __typename: 'Person', id: subjectId }] },
    });
    const entity = data._entities[0];
    return entity && 'identity' in entity ? (entity.identity ?? null) : null;
  } catch (err) {
    // Refused, timed out or unreachable: the report is not made without the identity.
    unavailable('the population base (public-security)', err, ctx);
  }
}

async function sectionsOf(subjectId: string, schema: GraphQLSchema, ctx: Context): Promise<ReportSections> {
  const result = await execute({
    schema,
    document: CreditReportSectionsDocument,
    contextValue: ctx,
    variableValues: { reps: [{ __typename: 'Person', id: subjectId }] },
  });
  const entity = (result.data as CreditReportSectionsQuery | null | undefined)?._entities[0];
  // A report is whole or not at all: a section that failed is not left out silently.
  if (result.errors?.length || !entity || !('jointPunishment' in entity)) unavailable('a section of the platform', result.errors?.[0] ?? 'no person', ctx);
  return entity as ReportSections;
}

/** Everything the person's report shows (see the module comment). */
export async function reportContents(subjectId: string, schema: GraphQLSchema, ctx: Context): Promise<ReportContents> {
  const [identity, sections, facts] = await Promise.all([
    identityOf(subjectId, ctx),
    sectionsOf(subjectId, schema, ctx),
    ctx.loaders.jointPunishmentById.load(subjectId),
  ]);
  const negativeRecords = [...(facts?.negatives ?? [])].sort((a, b) => a.since.localeCompare(b.since) || a.recordId.localeCompare(b.recordId));
  return { subjectId, identity, sections, negativeRecords };
}
