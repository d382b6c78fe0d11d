import { isValidCitizenId, parseCitizenId } from './citizen-id';
import { codedError } from './errors';
import { ingestRecords, type ingestionModels, type IngestKind, type IngestOutcome } from './ingestion';
import type { PlatformNotifier } from './outbox';
import { policy } from './policy';
import type { Bureau } from './subgraph-registry';

/** The GraphQL report of an ingestion call. */
export function ingestReport(outcomes: readonly IngestOutcome[]) {
  const count = (status: IngestOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    created: count('CREATED'),
    updated: count('UPDATED'),
    unchanged: count('UNCHANGED'),
    rejected: count('REJECTED'),
    outcomes: outcomes.map(({ position, recordId, status, reason, code, field, note }) => ({
      position,
      recordId,
      status,
      reason,
      code: code ?? null,
      field: field ?? null,
      note: note ?? null,
    })),
  };
}

/**
 * The resolver of a subgraph's `ingest<Bureau>Records(kind, records)`
 * mutation: at most `limits.maxIngestRecordsPerCall` records per call, each
 * validated and written on its own (see ingestion.ts). Who may call it is the
 * subgraph's shield rule (`bureauWriter`: the owning bureau only).
 */
export function ingestionResolver<TModels>(bureau: Bureau, kinds: (models: TModels) => Record<string, IngestKind>) {
  return async (
    _parent: unknown,
    args: { kind: string; records: unknown[] },
    ctx: { models: TModels; ingestion: ReturnType<typeof ingestionModels>; notifier: PlatformNotifier },
  ) => {
    const max = policy().limits.maxIngestRecordsPerCall;
    if (args.records.length > max)
      throw codedError('TOO_MANY_RECORDS', `At most ${max} records per call, got ${args.records.length}; use the bulk import for more`, { max });
    const kind = kinds(ctx.models)[args.kind];
    if (!kind) throw codedError('BAD_USER_INPUT', `Unknown record kind ${args.kind}`, { reason: 'unknown kind' });
    const companies = companiesListed(kind, args.records);
    const note = await ctx.notifier.announce(standingSubjects(kind, args.records), companies);
    const outcomes = await ingestRecords(
      kind,
      bureau,
      args.records.map((raw, position) => ({ position, raw })),
      ctx.ingestion,
    );
    await ctx.notifier.settle(note, changedPeople(outcomes), changedCompanies(outcomes, companies));
    return ingestReport(outcomes);
  };
}

/**
 * The people these raw records are about, when the kind bears on their
 * standing: whom a note announced before the write must name.
 */
export function standingSubjects(kind: IngestKind, records: readonly unknown[]): string[] {
  if (!kind.negative && !kind.affectsStanding && !kind.published && !kind.restrictionOrder) return [];
  const ids = new Set<string>();
  for (const raw of records) {
    const personId = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).personId : undefined;
    if (typeof personId === 'string' && isValidCitizenId(personId)) ids.add(parseCitizenId(personId).id);
  }
  return [...ids];
}

/**
 * People whose negative or good records were created or changed: their
 * joint-punishment status and green-channel standing must be re-derived.
 */
export function changedPeople(outcomes: readonly IngestOutcome[]): string[] {
  return [...new Set(outcomes.filter((o) => o.personId && changedStanding(o)).map((o) => o.personId!))];
}

/**
 * The companies a write of company listings names, when any record of it
 * changed: the platform re-derives everyone any department records
 * responsible for them.
 */
export function changedCompanies(outcomes: readonly IngestOutcome[], companies: readonly string[]): string[] {
  return outcomes.some(changedStanding) ? [...companies] : [];
}

function changedStanding(outcome: IngestOutcome): boolean {
  return (outcome.status === 'CREATED' || outcome.status === 'UPDATED') && outcome.affectsStanding;
}

/**
 * The companies (unified social credit codes) raw records of a company
 * listing kind name: whom a note announced before the write must name.
 * The platform finds their responsible people in every department that
 * records them (the listing's own department included), so nothing is read
 * here.
 */
export function companiesListed(kind: IngestKind, records: readonly unknown[]): string[] {
  if (!kind.companyListing) return [];
  return [
    ...new Set(
      records
        .map((raw) => (raw && typeof raw === 'object' ? (raw as Record<string, unknown>).unifiedSocialCreditCode : undefined))
        .filter((c): c is string => typeof c === 'string'),
    ),
  ];
}
