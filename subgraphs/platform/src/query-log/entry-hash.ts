import { sha256 } from '@credit/shared';

import type { QueryLogEntryDoc } from './models/QueryLogEntry';

/** Hash of an entry: SHA-256 over the previous hash and the entry's canonical content. */
export function entryHash(entry: Omit<QueryLogEntryDoc, '_id' | 'hash' | 'seal' | 'pageKeys'>): string {
  const canonical = JSON.stringify([
    entry.sequence,
    entry.prevHash ?? null,
    entry.personId,
    entry.actorRole,
    entry.actorId ?? null,
    entry.institution ? [entry.institution.id, entry.institution.name] : null,
    entry.purpose ?? null,
    entry.consentId ?? null,
    [...entry.fieldGroups],
    entry.outcome,
    new Date(entry.at).toISOString(),
    // Batch entries only: single reads hash exactly as before subjects existed.
    ...(entry.subjects?.length ? [[...entry.subjects]] : []),
    // Blacklist checks only, for the same reason.
    ...(entry.checkPurpose ? [entry.checkPurpose] : []),
    // Reads with refused groups only, for the same reason.
    ...(entry.deniedFieldGroups?.length ? [['denied', ...entry.deniedFieldGroups]] : []),
  ]);
  return sha256(canonical, 'hex');
}
