import { Error as MongooseError, Schema, type Connection, type Model } from 'mongoose';

import { CitizenIdError, parseCitizenId } from './citizen-id';
import { insertManyUnordered } from './database';
import { todayInCity } from './display-window';
import { isDuplicateKeyError } from './duplicate-key';
import type { ErrorCode } from './errors';
import { keysFilter } from './loaders';
import { allowedGrades, categoryPolicy, policy, shieldedAsMinor, type SeverityGrade } from './policy';
import { containsCitizenId, hiddenCharacterProblem } from './record-id';
import { isoDateOrNull } from './scalars';
import { sha256 } from './sha256';
import type { Bureau } from './subgraph-registry';

/**
 * Ingestion (归集): a bureau writes its own records, by GraphQL mutation or
 * by bulk import, through this one path. Every record carries the bureau's
 * own id; writes are idempotent and keep history:
 *
 * - a record seen for the first time is CREATED;
 * - the same record sent again (same content) is UNCHANGED, nothing written;
 * - a changed record is UPDATED, its previous version kept in
 *   `record_history`;
 * - an invalid record is REJECTED with the reason, and the others still go in.
 *
 * The ledger (`ingest_ledger`, one document per record with the hash of its
 * content and a version) is what makes re-sending cheap and safe without
 * transactions: each step is a single-document write that can be repeated,
 * so an import that stopped half-way and is run again loses and duplicates
 * nothing. A change of a stored record is claimed first by inserting the
 * history entry of the version it replaces (a unique id per version, holding
 * the new content): of two writers changing one record at once, exactly one
 * moves each version, and a move left half-done is finished by the next.
 */

export type IngestStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'REJECTED';

export interface IngestOutcome {
  /** Position of the record in the request (0-based) or the line of the import file (1-based). */
  position: number;
  recordId: string | null;
  status: IngestStatus;
  reason: string | null;
  /** Of a REJECTED record: the error code (BAD_USER_INPUT, CONFLICT) and the field at fault, when one is. */
  code?: ErrorCode | null;
  field?: string | null;
  /** What the platform does differently with a stored record (a minor's record shown to no one else), for the sender to know. */
  note?: string | null;
  /** Person the record is about, when valid (to notify the platform of changes). */
  personId: string | null;
  category: string | null;
  /** The record bears on the person's standing (listing, green channel) or is published (licences): the platform is told of its changes. */
  affectsStanding: boolean;
}

/** The outcome of a record that is not written, with the reason. */
export function rejectedOutcome(position: number, reason: string, recordId: string | null = null, field: string | null = null): IngestOutcome {
  return { position, recordId, status: 'REJECTED', reason, code: 'BAD_USER_INPUT', field, personId: null, category: null, affectsStanding: false };
}

/** How one kind of record is ingested. */
export interface IngestKind {
  model: Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The record is keyed by the person (one per person), not by a bureau record id. */
  keyedByPerson?: boolean;
  /** The record is a negative record: its category must belong to the bureau. */
  negative?: boolean;
  /** A record other than a negative one that bears on the standing: a good record (green channel), an office in a company that may be listed (negative records always bear on it). */
  affectsStanding?: boolean;
  /** A record the platform publishes (a licence): like one that bears on the standing, the platform is told of its changes. */
  published?: boolean;
  /**
   * An order that imposes measures of the policy while in force, without a
   * listing (a court's consumption-restriction order, 限制消费令): its
   * documents hold `measures`, `since` and `liftedOn` (RestrictionOrderDoc),
   * and the blacklist check answers its measures from `since` until lifted.
   */
  restrictionOrder?: boolean;
  /**
   * A listing of a company (keyed by its unified social credit code, not by
   * a person): while it stands, each person `offices` records as
   * responsible for the company (documents with `personId`,
   * `unifiedSocialCreditCode` and, when it records one, `until`; someone who
   * left before the listing is not) is grounded in `category` for
   * joint punishment, and a write of the listing re-derives them. Its
   * documents hold `unifiedSocialCreditCode`, `listedOn` and `removedOn`;
   * the offices carry `companyOfficeObjectionFields`, for a person to
   * dispute the office (department.ts).
   */
  companyListing?: { category: string; offices: Model<any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  /**
   * The sender may set the end of the display period (`displayUntil`: a
   * court's listing period), clamped to the policy's bounds. Otherwise the
   * window follows from the policy and the decision date alone, and a
   * `displayUntil` sent is refused.
   */
  setsDisplayEnd?: boolean;
  /** Extra facts for its display window (PBoC's act end), as the subgraph's resolvers use. */
  displayFacts?: (doc: any) => { actEndedOn?: string | null }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

interface LedgerDoc {
  _id: string;
  hash: string;
  version: number;
  updatedAt: Date;
}

/**
 * Version `version` of a record, kept when it was replaced. Its `_id`
 * (`<ledger key>@<version>`) is unique, which makes its insert the claim of
 * the move from that version to the next: of two writers changing the same
 * record at once, one insert fails. `next` is the claimed new content, so a
 * move whose writer died half-way can be finished by the next writer.
 */
interface HistoryDoc {
  _id: string;
  collection: string;
  recordId: string;
  version: number;
  /** The record as it was (null if it was missing). */
  record: Record<string, unknown> | null;
  replacedAt: Date;
  next?: { hash: string; doc: Record<string, unknown> } | null;
}

const ledgerSchema = new Schema<LedgerDoc>(
  {
    _id: { type: String, required: true },
    hash: { type: String, required: true },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'ingest_ledger', versionKey: false },
);
const historySchema = new Schema<HistoryDoc>(
  {
    _id: { type: String, required: true },
    collection: { type: String, required: true },
    recordId: { type: String, required: true },
    version: { type: Number, required: true },
    record: { type: Schema.Types.Mixed, default: null },
    replacedAt: { type: Date, required: true },
    next: { type: Schema.Types.Mixed, default: null },
  },
  // `collection` names the bureau collection the record lives in.
  { collection: 'record_history', versionKey: false, suppressReservedKeysWarning: true },
);
historySchema.index({ collection: 1, recordId: 1, version: -1 });

/** Registers the ledger and history models on a bureau's connection. */
export function ingestionModels(conn: Connection) {
  return {
    Ledger: conn.models.IngestLedger ?? conn.model<LedgerDoc>('IngestLedger', ledgerSchema),
    History: conn.models.RecordHistory ?? conn.model<HistoryDoc>('RecordHistory', historySchema),
  };
}

class Rejection extends Error {
  /**
   * `field` is the field at fault, when one is; `withholdId` whether the
   * record's own id must not be echoed with the rejection (it holds
   * personal data).
   */
  constructor(
    message: string,
    readonly field: string | null = null,
    readonly withholdId = false,
  ) {
    super(message);
  }
}

const DATE_SHAPED = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks every string of a raw record, however deep: no hidden characters
 * (a line break or tab is allowed in free text, not in a one-line field),
 * and a value shaped like a date is a date of the calendar.
 */
function checkStrings(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const hidden = hiddenCharacterProblem(value);
    if (hidden) throw new Rejection(`${path}: ${hidden}`, path);
    if (DATE_SHAPED.test(value) && !isoDateOrNull(value)) throw new Rejection(`${path}: ${value} is not a date of the calendar`, path);
  } else if (Array.isArray(value)) value.forEach((v, i) => checkStrings(v, `${path}[${i}]`));
  else if (value && typeof value === 'object' && !(value instanceof Date))
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) checkStrings(v, path ? `${path}.${k}` : k);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Validates one raw record into the document to store, or throws a Rejection with the reason. */
async function validated(
  kind: IngestKind,
  bureau: Bureau,
  raw: unknown,
): Promise<{ doc: Record<string, unknown>; recordId: string; personId: string | null; category: string | null; note: string | null }> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Rejection('a record must be a JSON object');
  const { id, _id, collectedAt: _ignored, ...data } = raw as Record<string, unknown>;
  const recordId = kind.keyedByPerson ? (data.personId ?? id ?? _id) : (id ?? _id);
  const idField = kind.keyedByPerson ? 'personId' : 'id';
  if (typeof recordId !== 'string' || recordId.trim() === '')
    throw new Rejection(kind.keyedByPerson ? 'personId is required' : 'id (the bureau record id) is required', idField);
  // Record ids are shown beside masked people: one that names a person would
  // unmask them (found also in full-width digits or around hidden characters).
  if (!kind.keyedByPerson && containsCitizenId(recordId)) {
    throw new Rejection('id contains a citizen ID: record ids must be opaque (they are shown wherever the record is, next to a masked person)', 'id', true);
  }
  try {
    checkStrings(raw, '');
  } catch (err) {
    // Never echo an id that holds hidden characters.
    if (err instanceof Rejection && err.field === 'id') throw new Rejection(err.message, 'id', true);
    throw err;
  }
  const personId = kind.keyedByPerson ? recordId : data.personId;
  let normalisedPerson: string | null = null;
  if (personId !== undefined) {
    try {
      normalisedPerson = parseCitizenId(personId).id;
    } catch (err) {
      if (err instanceof CitizenIdError) throw new Rejection(`personId: ${err.reason}`, 'personId');
      throw err;
    }
  }
  if (!kind.keyedByPerson && personId === undefined && kind.negative) throw new Rejection('personId is required', 'personId');
  if (typeof data.legalBasis !== 'string' || data.legalBasis.trim() === '')
    throw new Rejection('legalBasis is required: no collection without legal basis', 'legalBasis');
  const category = typeof data.category === 'string' ? data.category : null;
  if (kind.negative) {
    if (!category) throw new Rejection('category is required', 'category');
    let owner: Bureau;
    try {
      owner = categoryPolicy(category).bureau;
    } catch {
      throw new Rejection(`category ${category} is not in the credit policy`, 'category');
    }
    if (owner !== bureau) throw new Rejection(`category ${category} belongs to ${owner}, not ${bureau}`, 'category');
    if (typeof data.decisionDate === 'string' && data.decisionDate > todayInCity())
      throw new Rejection(`decisionDate ${data.decisionDate} is in the future`, 'decisionDate');
    // The grade, and with it the display period, is the policy's for the
    // category: a sender cannot lengthen or shorten a record's publicity.
    const grades = allowedGrades(category);
    if (data.grade === undefined || data.grade === null) data.grade = categoryPolicy(category).grade;
    else if (!grades.includes(data.grade as SeverityGrade))
      throw new Rejection(`grade ${String(data.grade)} is not allowed for category ${category}: the credit policy grades it ${grades.join(' or ')}`, 'grade');
    if (!kind.setsDisplayEnd && data.displayUntil !== undefined && data.displayUntil !== null)
      throw new Rejection(
        `displayUntil cannot be sent for this kind: the display period follows from the credit policy (grade ${String(data.grade)}) and the decision date`,
        'displayUntil',
      );
  }
  const finalId = kind.keyedByPerson ? normalisedPerson! : recordId.trim();
  const doc = { ...data, ...(normalisedPerson && !kind.keyedByPerson ? { personId: normalisedPerson } : {}), _id: finalId };
  const instance = new kind.model(doc);
  try {
    await instance.validate();
  } catch (err) {
    if (err instanceof MongooseError.ValidationError) {
      const errors = Object.values(err.errors);
      throw new Rejection(errors.map((e) => e.message).join('; '), errors[0]?.path ?? null);
    }
    throw err;
  }
  // Store what the model made of it (cast types, defaults), minus what the
  // platform, not the bureau, keeps on the record.
  const stored = instance.toObject({ depopulate: true, versionKey: false }) as Record<string, unknown>;
  delete stored.collectedAt;
  delete stored.underObjection;
  delete stored.personalStatement;
  delete stored.postponedUntil;
  delete stored.removedByObjection;
  const note =
    kind.negative && normalisedPerson && category && shieldedAsMinor({ category, personId: normalisedPerson, decisionDate: String(stored.decisionDate) })
      ? `the person was under ${policy().minors.adultAge} on the decision date: the record is shown only to the person, the deciding department and auditors, and not used for joint punishment or evaluation (${policy().minors.shieldedBasis})`
      : null;
  return { doc: stored, recordId: finalId, personId: normalisedPerson, category, note };
}

interface PlatformKeptFields {
  collectedAt: Date;
  underObjection?: string | null;
  personalStatement?: string | null;
  postponedUntil?: string | null;
  removedOn?: string | null;
  removalReason?: string | null;
  removedByObjection?: string | null;
  repairedOn?: string | null;
}

/**
 * What a re-sent record keeps from the stored one: when it was first
 * collected, the flag of an open objection (only the objection's decision
 * clears it, not a bureau re-sending the record), the person's statement
 * (only the person withdraws it), a postponement granted on it, and the platform's decisions on it: a
 * removal decided on an objection or appeal, and an approved repair. A
 * bureau correcting a record's content (a re-sent, changed record) does not
 * bring back what those decisions ended; the bureau's own removal (debt
 * performed) is its to send.
 */
function platformKept(previous: unknown, now: Date): PlatformKeptFields {
  const doc = previous as Partial<PlatformKeptFields> | null;
  return {
    collectedAt: doc?.collectedAt ?? now,
    ...(doc?.underObjection ? { underObjection: doc.underObjection } : {}),
    ...(doc?.personalStatement ? { personalStatement: doc.personalStatement } : {}),
    ...(doc?.postponedUntil ? { postponedUntil: doc.postponedUntil } : {}),
    ...(doc?.removedByObjection
      ? {
          removedOn: doc.removedOn ?? null,
          removedByObjection: doc.removedByObjection,
          ...(doc.removalReason !== undefined ? { removalReason: doc.removalReason } : {}),
        }
      : {}),
    ...(doc?.repairedOn ? { repairedOn: doc.repairedOn } : {}),
  };
}

interface Prepared {
  v: Awaited<ReturnType<typeof validated>>;
  /** The record's ledger key: its collection and id. */
  key: string;
  hash: string;
  base: Omit<IngestOutcome, 'status'>;
}

/** Validates one record and works out its ledger key and content hash; a bad record gives its REJECTED outcome. */
async function prepare(kind: IngestKind, bureau: Bureau, raw: unknown, position: number): Promise<Prepared | IngestOutcome> {
  let v: Awaited<ReturnType<typeof validated>>;
  try {
    v = await validated(kind, bureau, raw);
  } catch (err) {
    if (err instanceof Rejection) {
      const id = raw && typeof raw === 'object' ? ((raw as Record<string, unknown>).id ?? (raw as Record<string, unknown>).personId) : null;
      return rejectedOutcome(position, err.message, typeof id === 'string' && !err.withholdId ? id : null, err.field);
    }
    throw err;
  }
  return {
    v,
    key: `${kind.model.collection.collectionName}:${v.recordId}`,
    hash: sha256(canonical(v.doc), 'hex'),
    base: {
      position,
      recordId: v.recordId,
      reason: null,
      note: v.note,
      personId: v.personId,
      category: v.category,
      affectsStanding: Boolean(kind.negative || kind.affectsStanding || kind.published || kind.restrictionOrder || kind.companyListing),
    },
  };
}

function isPrepared(p: Prepared | IngestOutcome): p is Prepared {
  return 'hash' in p;
}

/** Writes one prepared record; see the module comment for the outcomes. */
async function writeOne(kind: IngestKind, p: Prepared, ledger: ReturnType<typeof ingestionModels>): Promise<IngestOutcome> {
  try {
    return await writeValidated(kind, p.v, p.key, p.hash, p.base, ledger);
  } catch (err) {
    // Another unique key of the collection (say one rating per person and
    // year) already belongs to a different record id.
    const e = err as { keyValue?: Record<string, unknown> };
    if (isDuplicateKeyError(err)) {
      return {
        ...p.base,
        status: 'REJECTED',
        code: 'CONFLICT',
        note: null,
        reason: `conflicts with another record on a unique key${e.keyValue ? ` ${JSON.stringify(e.keyValue)}` : ''}`,
      };
    }
    throw err;
  }
}

/**
 * The fast path of a bulk import: records never seen before. All of them are
 * inserted with one command, then their ledger entries with another, in that
 * order, so a crash in between leaves records without a ledger entry, which
 * the next run repairs through the one-by-one path. A record whose id (or
 * another unique key) exists already is left to that path too.
 */
async function insertFresh(kind: IngestKind, fresh: Prepared[], ledger: ReturnType<typeof ingestionModels>): Promise<boolean[]> {
  const now = new Date();
  const recordsIn = await insertManyUnordered(
    kind.model,
    fresh.map((p) => ({ ...p.v.doc, ...platformKept(null, now) })),
  );
  const candidates = fresh.filter((_, k) => recordsIn[k]);
  const ledgerIn = await insertManyUnordered(
    ledger.Ledger,
    candidates.map((p) => ({ _id: p.key, hash: p.hash, version: 1, updatedAt: now })),
  );
  const created = new Set(candidates.filter((_, k) => ledgerIn[k]));
  return fresh.map((p) => created.has(p));
}

const MAX_WRITE_ATTEMPTS = 40;
// A claimed move not finished after this long is taken to be abandoned.
const ABANDONED_CLAIM_MS = 30_000;

/** Writes the claimed content and moves the ledger from `version` to the next. */
async function moveTo(
  kind: IngestKind,
  ledger: ReturnType<typeof ingestionModels>,
  key: string,
  version: number,
  recordId: string,
  next: { hash: string; doc: Record<string, unknown> },
  previous: unknown,
): Promise<void> {
  const now = new Date();
  await kind.model.replaceOne({ _id: recordId }, { ...next.doc, ...platformKept(previous, now) }, { upsert: true }).exec();
  // Only the claim's owner (or whoever finishes its abandoned move, with the
  // same content) moves the ledger off `version`, so the filter is a guard
  // against a stale repeat, not the compare-and-set.
  await ledger.Ledger.updateOne({ _id: key, version }, { $set: { hash: next.hash, version: version + 1, updatedAt: now } }).exec();
}

/**
 * Another writer claimed the move from `version`. If the ledger has not
 * moved and the claim is for the same content (a rerun after a crash) or
 * old (its writer died half-way), finish the move with the claimed content.
 * Otherwise wait a moment for its writer.
 */
async function finishClaimedMove(
  kind: IngestKind,
  ledger: ReturnType<typeof ingestionModels>,
  key: string,
  version: number,
  recordId: string,
  hash: string,
): Promise<void> {
  const [claim, entry] = await Promise.all([ledger.History.findById(`${key}@${version}`).lean().exec(), ledger.Ledger.findById(key).lean().exec()]);
  if (!claim || !entry || entry.version !== version) return; // moved on: look again
  if (!claim.next) {
    // Kept by a writer from before claims carried the new content: the move
    // cannot be finished for it. Release the version by moving the ledger's
    // hash to a value no content has, so the next look rewrites the record.
    await ledger.Ledger.updateOne({ _id: key, version }, { $set: { hash: 'unknown', version: version + 1, updatedAt: new Date() } }).exec();
    return;
  }
  if (claim.next.hash !== hash && Date.now() - new Date(claim.replacedAt).getTime() < ABANDONED_CLAIM_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return;
  }
  await moveTo(kind, ledger, key, version, recordId, claim.next, await kind.model.findById(recordId).lean().exec());
}

async function writeValidated(
  kind: IngestKind,
  v: Awaited<ReturnType<typeof validated>>,
  key: string,
  hash: string,
  base: Omit<IngestOutcome, 'status'>,
  ledger: ReturnType<typeof ingestionModels>,
): Promise<IngestOutcome> {
  const collection = kind.model.collection.collectionName;
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const entry = await ledger.Ledger.findById(key).lean().exec();
    if (entry?.hash === hash) return { ...base, status: 'UNCHANGED' };
    const now = new Date();
    if (entry) {
      const previous = await kind.model.findById(v.recordId).lean().exec();
      const claim = { _id: `${key}@${entry.version}`, collection, recordId: v.recordId, version: entry.version, replacedAt: now };
      try {
        await ledger.History.create({ ...claim, record: previous, next: { hash, doc: v.doc } });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        // Another writer claimed this move. Finish it if it was left half-done, then look again.
        await finishClaimedMove(kind, ledger, key, entry.version, v.recordId, hash);
        continue;
      }
      await moveTo(kind, ledger, key, entry.version, v.recordId, { hash, doc: v.doc }, previous);
      return { ...base, status: 'UPDATED' };
    }
    const existing = await kind.model.findById(v.recordId).lean().exec();
    await kind.model.replaceOne({ _id: v.recordId }, { ...v.doc, ...platformKept(existing, now) }, { upsert: true }).exec();
    try {
      await ledger.Ledger.create({ _id: key, hash, version: 1, updatedAt: now });
      return { ...base, status: existing ? 'UPDATED' : 'CREATED' };
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  // Told, not thrown: the other records of the batch stand, and this one can be sent again.
  return { ...base, status: 'REJECTED', code: 'CONFLICT', note: null, reason: 'another writer kept changing this record meanwhile; send it again' };
}

/**
 * Ingests records of one kind for a bureau. One ledger lookup settles the
 * records sent again unchanged; records never seen before go in together
 * (two commands for the whole batch); the others (changed, or the later
 * copies of an id sent twice) go one by one with a few workers,
 * records with the same id on the same worker in the order sent, so the last
 * one sent wins. Outcomes come back in the order of `records`.
 */
export async function ingestRecords(
  kind: IngestKind,
  bureau: Bureau,
  records: readonly { position: number; raw: unknown }[],
  ledger: ReturnType<typeof ingestionModels>,
  concurrency = 8,
): Promise<IngestOutcome[]> {
  const outcomes: (IngestOutcome | undefined)[] = new Array(records.length);
  const prepared = await Promise.all(records.map(({ raw, position }) => prepare(kind, bureau, raw, position)));
  const firstOfId = new Map<string, number>();
  prepared.forEach((p, i) => {
    if (!isPrepared(p)) outcomes[i] = p;
    else if (!firstOfId.has(p.v.recordId)) firstOfId.set(p.v.recordId, i);
  });

  // What the ledger holds for these records, in one command: a record sent
  // again unchanged (a rerun of an import) is settled here, and one never
  // seen goes in with the others.
  const firsts = [...firstOfId.values()];
  const entries = firsts.length
    ? await ledger.Ledger.find(
        keysFilter(
          '_id',
          firsts.map((i) => (prepared[i] as Prepared).key),
        ),
        { hash: 1 },
      )
        .lean()
        .exec()
    : [];
  const hashOf = new Map(entries.map((e) => [e._id, e.hash]));
  const freshIndexes: number[] = [];
  for (const i of firsts) {
    const p = prepared[i] as Prepared;
    const hash = hashOf.get(p.key);
    if (hash === p.hash) outcomes[i] = { ...p.base, status: 'UNCHANGED' };
    else if (hash === undefined) freshIndexes.push(i);
  }
  const created = await insertFresh(
    kind,
    freshIndexes.map((i) => prepared[i] as Prepared),
    ledger,
  );
  freshIndexes.forEach((i, k) => {
    if (created[k]) outcomes[i] = { ...(prepared[i] as Prepared).base, status: 'CREATED' };
  });

  const groups = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    if (outcomes[i] || !isPrepared(p)) return;
    const group = groups.get(p.v.recordId);
    if (group) group.push(i);
    else groups.set(p.v.recordId, [i]);
  });
  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const i of group) outcomes[i] = await writeOne(kind, prepared[i] as Prepared, ledger);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return outcomes as IngestOutcome[];
}
