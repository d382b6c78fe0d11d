import { codedError } from './errors';
import { ingestRecords, type ingestionModels, type IngestKind, type IngestOutcome } from './ingestion';
import type { PlatformNotifier } from './outbox';
import { policy, type Bureau } from './policy';
import type { Principal } from './principal';

/** The GraphQL report of an ingestion call. */
export function ingestReport(outcomes: readonly IngestOutcome[]) {
  const count = (status: IngestOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    created: count('CREATED'),
    updated: count('UPDATED'),
    unchanged: count('UNCHANGED'),
    rejected: count('REJECTED'),
    outcomes: outcomes.map(({ position, recordId, status, reason }) => ({ position, recordId, status, reason })),
  };
}

/** Only an operator of the owning bureau writes its records (MISSION rule 1). */
export function assertBureauWriter(principal: Principal, bureau: Bureau): void {
  if (principal.role === 'bureau' && principal.org === bureau) return;
  if (principal.role === 'public') throw codedError('UNAUTHENTICATED', `Sign in as a ${bureau} operator to write its records`);
  throw codedError('FORBIDDEN', `Only ${bureau} operators write ${bureau} records`);
}

/**
 * The resolver of a subgraph's `ingest<Bureau>Records(kind, records)`
 * mutation: at most `limits.maxIngestRecordsPerCall` records per call, each
 * validated and written on its own (see ingestion.ts).
 */
export function ingestionResolver<TModels>(bureau: Bureau, kinds: (models: TModels) => Record<string, IngestKind>) {
  return async (
    _parent: unknown,
    args: { kind: string; records: unknown[] },
    ctx: { principal: Principal; models: TModels; ingestion: ReturnType<typeof ingestionModels>; notifier: PlatformNotifier },
  ) => {
    assertBureauWriter(ctx.principal, bureau);
    const max = policy().limits.maxIngestRecordsPerCall;
    if (args.records.length > max)
      throw codedError('TOO_MANY_RECORDS', `At most ${max} records per call, got ${args.records.length}; use the bulk import for more`, { max });
    const kind = kinds(ctx.models)[args.kind];
    if (!kind) throw codedError('BAD_USER_INPUT', `Unknown record kind ${args.kind}`, { reason: 'unknown kind' });
    const outcomes = await ingestRecords(
      kind,
      bureau,
      args.records.map((raw, position) => ({ position, raw })),
      ctx.ingestion,
    );
    await ctx.notifier.notify(changedPeople(outcomes));
    return ingestReport(outcomes);
  };
}

/**
 * People whose negative records were created or changed: their
 * joint-punishment status and green-channel standing must be re-derived.
 */
export function changedPeople(outcomes: readonly IngestOutcome[]): string[] {
  return [...new Set(outcomes.filter((o) => (o.status === 'CREATED' || o.status === 'UPDATED') && o.category && o.personId).map((o) => o.personId!))];
}
