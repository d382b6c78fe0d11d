import type { Model } from 'mongoose';

import { badInput } from './errors';
import { policy } from './policy';

/** Arguments of every paginated list field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Opaque cursor for a record id. */
export function encodeCursor(id: string): string {
  return Buffer.from(`r:${id}`, 'utf8').toString('base64url');
}

/** Whether a cursor is one this API issues (`after` of any connection); says nothing of where it points. */
export function isWellFormedCursor(cursor: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(cursor) && Buffer.from(cursor, 'base64url').toString('utf8').startsWith('r:');
}

/** The value a cursor of {@link encodeCursor} holds; BAD_USER_INPUT for one this API did not issue. */
export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('r:')) throw badInput(`Invalid cursor "${cursor}"`, 'cursor was not issued by this API', { argument: 'after' });
  return text.slice(2);
}

/** Validates `first` against the policy's page limits. */
export function pageSize(first: number | null | undefined): number {
  const { defaultPageSize, maxPageSize } = policy().limits;
  if (first === null || first === undefined) return defaultPageSize;
  if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
    throw badInput(`first must be between 0 and ${maxPageSize}, got ${first}`, 'page size out of range', { argument: 'first', max: maxPageSize });
  }
  return first;
}

/**
 * Pages through `rows`, already in their stable display order. The rows of
 * one person come from one batched query (see `groupedLoader`), so paging is
 * a slice: no extra database command per page or per person.
 */
export function paginate<T>(rows: readonly T[], args: PageArgs, idOf: (row: T) => string): Page<T> {
  const size = pageSize(args.first);
  let start = 0;
  if (args.after) {
    const afterId = decodeCursor(args.after);
    const index = rows.findIndex((r) => idOf(r) === afterId);
    if (index < 0) throw badInput(`Cursor "${args.after}" does not point into this list`, 'unknown cursor', { argument: 'after' });
    start = index + 1;
  }
  const nodes = rows.slice(start, start + size);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { hasNextPage: start + size < rows.length, endCursor: last ? encodeCursor(idOf(last)) : null },
    totalCount: rows.length,
  };
}

/**
 * How a keyset-paged list writes the sort key of a row into its cursor and
 * reads it back: `shape` is what a key issued by the list looks like.
 */
export interface KeysetKey<T> {
  shape: RegExp;
  toCursor: (row: T) => string;
  fromCursor?: (key: string) => unknown;
}

/**
 * A page of a list read from the database newest first by `field`, then by
 * `_id`: the rows after the cursor (the last row's key and id), at most
 * `first`, and how many rows `filter` holds. A deep page costs what the first
 * does (no skip), and a cursor stays valid while rows come and go.
 */
export async function keysetPage<T extends { _id: string }>(
  model: Model<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  filter: Record<string, unknown>,
  field: string,
  args: PageArgs,
  key: KeysetKey<T>,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  let query = filter;
  if (args.after) {
    const match = /^([^|]*)\|(.+)$/.exec(decodeCursor(args.after));
    if (!match || !key.shape.test(match[1]!)) throw badInput(`Invalid cursor "${args.after}"`, 'cursor was not issued by this list', { argument: 'after' });
    const after = key.fromCursor ? key.fromCursor(match[1]!) : match[1];
    query = { $and: [filter, { $or: [{ [field]: { $lt: after } }, { [field]: after, _id: { $gt: match[2] } }] }] };
  }
  const [rows, totalCount] = await Promise.all([
    model
      .find(query)
      .sort({ [field]: -1, _id: 1 })
      .limit(size + 1)
      .lean<T[]>()
      .exec(),
    model.countDocuments(filter).exec(),
  ]);
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(`${key.toCursor(last)}|${last._id}`) : null } };
}
