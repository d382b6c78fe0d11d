import { createHash } from 'node:crypto';

import { isValidCitizenId } from './citizen-id';

/**
 * Record ids are shown next to a masked person (`provenance.sourceRecordId`,
 * objections, evaluation factors), so they must not carry the person: an id
 * is opaque, and ingestion refuses one that contains a citizen ID.
 */

/** A stable opaque id: `PREFIX-` and 20 hex digits of SHA-256 over the parts (the same parts give the same id). */
export function opaqueId(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20).toUpperCase()}`;
}

/** Whether `text` contains a valid citizen ID anywhere (any 18 characters that pass GB 11643). */
export function containsCitizenId(text: string): boolean {
  for (let i = 0; i + 18 <= text.length; i++) {
    // A citizen ID starts with a non-zero digit; skip the rest cheaply.
    const c = text.charCodeAt(i);
    if (c < 49 || c > 57) continue;
    if (isValidCitizenId(text.slice(i, i + 18))) return true;
  }
  return false;
}
