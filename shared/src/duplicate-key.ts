/**
 * MongoDB (and FerretDB) report a unique-index violation as error code 11000,
 * on the error itself for a single write and per document in `writeErrors`
 * for a bulk write. The data access leans on it throughout: an idempotent
 * insert, a lost race for a chain position, a claim already taken. These
 * helpers are the one place that knows the shape.
 */
const DUPLICATE_KEY = 11000;

interface WriteErrorLike {
  index?: number;
  code?: number;
  err?: { code?: number };
}

/** Whether `err` is a duplicate-key error of a single write (or a bulk write whose first failure is one). */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === DUPLICATE_KEY;
}

/** The per-document errors of a failed bulk write; empty when it carries none. */
function bulkWriteErrors(err: unknown): WriteErrorLike[] {
  const writeErrors = (err as { writeErrors?: WriteErrorLike[] | WriteErrorLike } | null)?.writeErrors;
  if (!writeErrors) return [];
  return Array.isArray(writeErrors) ? writeErrors : [writeErrors];
}

/**
 * The positions of a failed unordered bulk insert that already existed, when
 * duplicates are all that went wrong; null when anything else failed (the
 * caller rethrows).
 */
export function duplicatePositions(err: unknown): number[] | null {
  const errors = bulkWriteErrors(err);
  if (errors.length === 0) return null;
  if (!errors.every((e) => (e.code ?? e.err?.code) === DUPLICATE_KEY)) return null;
  return errors.map((e) => e.index ?? -1);
}
