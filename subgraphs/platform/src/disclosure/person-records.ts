import {
  byIdLoader,
  groupedLoader,
  paginate,
  recordsOfOwnBureauOnly,
  shownRecords,
  type AdministrativeLicenceDoc,
  type AdministrativePenaltyDoc,
  type Bureau,
  type ForwardedRequest,
  type PageArgs,
} from '@credit/shared';

import type { DisclosureModels } from './models';
import { PERSON_ORDER, type PublishedRecordDoc } from './models/PublishedRecord';
import type { PublishedRecordDetailDoc } from './models/PublishedRecordDetail';

/**
 * A person's administrative penalties and licences of every department
 * (Person.administrativePenalties / administrativeLicences), read from the
 * published-records index, where each row's detail keeps the department's
 * whole record: one read of rows by person and one of their details,
 * instead of one call per department. Each
 * record is shown by the rules its department applies (the publicity
 * period, minors, masking: shared/src/double-publicity.ts); an operator of a
 * department sees that department's records only (own_bureau_records).
 */

/** A department's record as served here: the record itself and the department it came from. */
export type DepartmentRecord<T> = T & { department: Bureau };
export type PersonPenalty = DepartmentRecord<AdministrativePenaltyDoc>;
export type PersonLicence = DepartmentRecord<AdministrativeLicenceDoc>;

/** A row of the index with the department's whole record from its detail (null when the row has none). */
export type PersonRow = PublishedRecordDoc & { record: Record<string, unknown> | null };

/** Each person's rows in the feed's order, without their records: the rows of the people asked for together in one query. */
export function personRowsOnlyLoader(models: Pick<DisclosureModels, 'PublishedRecord'>) {
  return groupedLoader<PublishedRecordDoc>(models.PublishedRecord, 'personId', PERSON_ORDER);
}

/**
 * Each person's rows in the feed's order, with their records: the rows come
 * from `rowsByPerson` (shared with what needs the rows alone), and their
 * details are read in one more query.
 */
export function personRowsLoader(
  models: Pick<DisclosureModels, 'PublishedRecordDetail'>,
  rowsByPerson: ReturnType<typeof personRowsOnlyLoader>,
): {
  load(personId: string): Promise<PersonRow[]>;
} {
  const detailById = byIdLoader<PublishedRecordDetailDoc>(models.PublishedRecordDetail);
  return {
    async load(personId) {
      const rows = await rowsByPerson.load(personId);
      const details = await Promise.all(rows.map((row) => detailById.load(row._id)));
      return rows.map((row, k) => ({ ...row, record: details[k]?.record ?? null }));
    },
  };
}

interface Selection {
  departments?: readonly string[] | null;
}

/** The person's rows of one kind the caller may be given, as the departments' records. */
function recordsOf<T extends { collectedAt: Date }>(
  rows: readonly PersonRow[],
  kind: PublishedRecordDoc['kind'],
  group: string,
  { departments }: Selection,
  request: ForwardedRequest,
): DepartmentRecord<T>[] {
  const ownBureau = recordsOfOwnBureauOnly(request.principal, group);
  return rows
    .filter((row) => row.kind === kind && row.record !== null)
    .filter((row) => (ownBureau === null || row.bureau === ownBureau) && (!departments?.length || departments.includes(row.bureau)))
    .map((row) => {
      const record = row.record as unknown as T & { collectedAt: string | Date };
      // Dates of the record travelled as JSON strings.
      return { ...record, collectedAt: new Date(record.collectedAt), department: row.bureau };
    });
}

/** Records of several departments may share an id: the cursor names the department too. */
const cursorId = (doc: { _id: string; department: Bureau }) => `${doc.department}:${doc._id}`;

/** A page of the person's penalties (rows in the feed's order: newest decision first), of some professions' practice when asked. */
export function pageOfPersonPenalties(
  rows: readonly PersonRow[],
  args: PageArgs & Selection & { professions?: readonly string[] | null },
  request: ForwardedRequest,
) {
  const records = recordsOf<AdministrativePenaltyDoc>(rows, 'PENALTY', 'double_publicity_penalties', args, request).filter(
    (doc) => !args.professions?.length || (doc.profession != null && args.professions.includes(doc.profession)),
  );
  return paginate(shownRecords(records, request), args, cursorId);
}

/** A page of the person's licences: all of them are public while on record. */
export function pageOfPersonLicences(rows: readonly PersonRow[], args: PageArgs & Selection, request: ForwardedRequest) {
  return paginate(recordsOf<AdministrativeLicenceDoc>(rows, 'LICENCE', 'double_publicity_licences', args, request), args, cursorId);
}
