import { isDuplicateKeyError, keysFilter, type Logger } from '@credit/shared';

import type { Models } from '../models';
import { redListEntryInForce } from '../positive-records/models/RedListEntry';
import type { StandingDoc } from './models/StandingChange';
import { effectiveStatus, greenChannelGrounds, type GreenChannelGround } from './standing-rules';

/**
 * The blacklist check's view of everyone's standing, held in memory.
 *
 * Other systems embed the check in their own request paths, with up to
 * 10,000 IDs a call; asking the database each time would put four lookups
 * of thousands of keys (statuses, volunteer and charity records, honours) on
 * every one of those paths. The index is loaded once and then follows the
 * change feed (`standing_changes`): before each check it looks for the entry
 * after the last one it applied and at the feed's head, two primary-key
 * lookups, so a change that any platform instance finished writing is in
 * the next check, on every instance.
 *
 * The feed keeps its last `KEEP_ENTRIES` entries (each append removes the
 * one that far behind it). An index that finds no next entry while the
 * feed's head is past it fell further behind than that, and reloads.
 */

const CLAIM_ATTEMPTS_BEFORE_REREAD = 8;
const MAX_CLAIM_ATTEMPTS = 64;
// Each append removes the entry this far behind it: the feed keeps this many
// entries and is never scanned to prune.
const KEEP_ENTRIES = 1000;

export interface CheckStanding {
  listed: boolean;
  categories: string[];
  measures: string[];
  since: string | null;
  until: string | null;
  underObjection: boolean;
  /** The person's statements on the records that list them. */
  statements: string[];
  /** Last day of a postponement in force on a record that lists them (申请延期); null when none. */
  postponedUntil: string | null;
  greenChannelEligible: boolean;
  greenChannelGrounds: GreenChannelGround[];
}

/** Whether a standing says anything at all (people without one are not kept). */
function isEmpty(s: StandingDoc): boolean {
  return s.grounds.length === 0 && !s.restrictions?.length && !s.lastNegativeDecisionDate && !s.goodRecords && s.honours.length === 0;
}

function emptyStanding(personId: string): StandingDoc {
  return { personId, grounds: [], lastNegativeDecisionDate: null, goodRecords: false, honours: [] };
}

/** What the check answers for one person, `standing` theirs if they have one, on `today`. */
export function checkStanding(personId: string, standing: StandingDoc | undefined, today: string): CheckStanding {
  const status = effectiveStatus(standing ?? null, today);
  const goodRecords = Boolean(standing && (standing.goodRecords || standing.honours.some((h) => redListEntryInForce(h, today))));
  const grounds = greenChannelGrounds(personId, standing, goodRecords, today);
  return {
    listed: status.listed,
    categories: status.categories,
    measures: status.measures,
    since: status.since,
    until: status.until,
    underObjection: status.underObjection,
    statements: status.statements,
    postponedUntil: status.postponedUntil,
    greenChannelEligible: grounds.length > 0,
    greenChannelGrounds: grounds,
  };
}

type StatusFacts = { _id: string; grounds?: StandingDoc['grounds']; restrictions?: StandingDoc['restrictions']; lastNegativeDecisionDate?: string | null };

// What the index reads of a stored status.
const STATUS_FIELDS = { grounds: 1, restrictions: 1, lastNegativeDecisionDate: 1 } as const;

/** People's standings put together from their statuses, good records and honours, in any order. */
class StandingsBuilder {
  readonly byId = new Map<string, StandingDoc>();

  /** `ids`: people to answer for even when nothing is found about them. */
  constructor(ids: readonly string[] = []) {
    for (const id of ids) this.byId.set(id, emptyStanding(id));
  }

  addStatus(status: StatusFacts): void {
    const s = this.at(status._id);
    s.grounds = (status.grounds ?? []).map(({ bureau, recordId, category, since, until, underObjection, statement, postponedUntil }) => ({
      bureau,
      recordId,
      category,
      since,
      until,
      underObjection: Boolean(underObjection),
      // Held only when there is one: the index keeps every listed person in memory.
      ...(statement ? { statement } : {}),
      ...(postponedUntil ? { postponedUntil } : {}),
    }));
    s.restrictions = (status.restrictions ?? []).map(({ bureau, recordId, measures, since, until }) => ({ bureau, recordId, measures, since, until }));
    s.lastNegativeDecisionDate = status.lastNegativeDecisionDate ?? null;
  }

  addGoodRecord(record: { personId: string }): void {
    this.at(record.personId).goodRecords = true;
  }

  addHonour(honour: { personId: string; awardedOn: string; validUntil?: string | null }): void {
    this.at(honour.personId).honours.push({ awardedOn: honour.awardedOn, validUntil: honour.validUntil ?? null });
  }

  private at(personId: string): StandingDoc {
    let s = this.byId.get(personId);
    if (!s) this.byId.set(personId, (s = emptyStanding(personId)));
    return s;
  }
}

/**
 * The standings of these people: their joint-punishment statuses (as just
 * derived, or else as stored) and their good records. Used by whoever
 * appends to the feed.
 */
export async function standingsOf(models: Models, personIds: readonly string[], derivedStatuses?: readonly StatusFacts[]): Promise<StandingDoc[]> {
  if (personIds.length === 0) return [];
  const ids = [...personIds];
  const [statuses, volunteer, charity, honours] = await Promise.all([
    derivedStatuses ?? models.JointPunishmentStatus.find(keysFilter('_id', ids), STATUS_FIELDS).lean().exec(),
    models.VolunteerRecord.find(keysFilter('personId', ids), { personId: 1 }).lean().exec(),
    models.CharityRecord.find(keysFilter('personId', ids), { personId: 1 }).lean().exec(),
    models.RedListEntry.find(keysFilter('personId', ids), { personId: 1, awardedOn: 1, validUntil: 1 }).lean().exec(),
  ]);
  const builder = new StandingsBuilder(ids);
  statuses.forEach((status) => builder.addStatus(status));
  [...volunteer, ...charity].forEach((record) => builder.addGoodRecord(record));
  honours.forEach((honour) => builder.addHonour(honour));
  return [...builder.byId.values()];
}

/**
 * The highest sequence in the feed, 0 when it is empty: the head hint, then
 * a probe of the entries after it (primary-key lookups; never a scan or a
 * sort of the feed, whose entries are large).
 */
async function latestSequence(models: Models): Promise<number> {
  let sequence = (await models.StandingFeedHead.findById('head').lean().exec())?.sequence ?? 0;
  while (await models.StandingChange.exists({ _id: sequence + 1 })) sequence++;
  return sequence;
}

const nextSequenceGuess = new WeakMap<Models, number>();

/**
 * Appends these standings to the feed under the next free sequence number.
 * The unique `_id` is the claim: of two writers trying the same number, one
 * insert fails and that writer tries the next.
 */
export async function appendStandingChange(models: Models, standings: StandingDoc[], log?: Logger): Promise<number> {
  if (standings.length === 0) return 0;
  let sequence = nextSequenceGuess.get(models) ?? (await latestSequence(models)) + 1;
  for (let attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
    try {
      await models.StandingChange.create({ _id: sequence, standings, at: new Date() });
      nextSequenceGuess.set(models, sequence + 1);
      // Housekeeping that a failure must not turn into a failed write.
      await Promise.all([
        models.StandingFeedHead.updateOne({ _id: 'head', sequence: { $lt: sequence } }, { $set: { sequence } }, { upsert: true })
          .exec()
          .catch((err: unknown) => {
            // A concurrent writer's upsert of the first head wins; the hint is only a hint.
            if (!isDuplicateKeyError(err)) log?.warn('standing feed head not moved', { err });
          }),
        models.StandingChange.deleteOne({ _id: sequence - KEEP_ENTRIES })
          .exec()
          .catch((err: unknown) => log?.warn('old standing feed entry not pruned', { err })),
      ]);
      return sequence;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Far behind other writers: look the head up instead of counting up to it.
      sequence = attempt % CLAIM_ATTEMPTS_BEFORE_REREAD === 0 ? (await latestSequence(models)) + 1 : sequence + 1;
    }
  }
  throw new Error(`standing feed: no free sequence after ${MAX_CLAIM_ATTEMPTS} attempts`);
}

/** The key of a person's ID by its county (first 6 characters) and last 4: what the public search by 6 + 4 asks for. */
const idEnds = (personId: string) => `${personId.slice(0, 6)}${personId.slice(-4)}`;

export class ListingIndex {
  private standings = new Map<string, StandingDoc>();
  /** The people of `standings` by idEnds (the public search by 6 + 4 reads it instead of a range of every ID). */
  private byIdEnds = new Map<string, Set<string>>();
  private applied = 0;
  private loaded = false;
  private loading: Promise<void> | null = null;
  private running: Promise<boolean> | null = null;
  private queued: Promise<boolean> | null = null;

  constructor(
    private readonly models: Models,
    private readonly log?: Logger,
  ) {}

  /** Number of people with a standing (for metrics and tests). */
  get size(): number {
    return this.standings.size;
  }

  /**
   * Loads everything in the background unless a load is running already;
   * resolves when that load ends. Reading a large platform takes minutes on
   * FerretDB, so checks do not wait for it: until it ends `catchUp` answers
   * false and they ask the database.
   */
  whenLoaded(): Promise<void> {
    if (!this.loading) {
      this.loading = this.reload()
        .catch((err: unknown) => {
          this.log?.error('listing index not loaded; checks ask the database until it is', { err });
        })
        .finally(() => {
          this.loading = null;
        });
    }
    return this.loading;
  }

  /**
   * Brings the index up to date with every feed entry appended before the
   * call: true when done, false when the index is (re)loading and the caller
   * must ask the database instead. Concurrent callers share the lookups: one
   * runs, at most one more waits, and a caller arriving during a lookup waits
   * for the next one (the running one may have looked before the caller's
   * change was written).
   */
  catchUp(): Promise<boolean> {
    if (!this.running) {
      this.running = this.refresh().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    if (!this.queued) {
      this.queued = this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.catchUp();
        });
    }
    return this.queued;
  }

  /** The people with a standing whose ID starts with `first6` and ends with `last4`, as of the last catch-up. */
  peopleEndingIn(first6: string, last4: string): string[] {
    return [...(this.byIdEnds.get(`${first6}${last4}`) ?? [])];
  }

  /** The check's answer for one person, as of the last catch-up. */
  check(personId: string, today: string): CheckStanding {
    return checkStanding(personId, this.standings.get(personId), today);
  }

  /** Whether the person holds a red-list honour in force on `today`, as of the last catch-up. */
  honouredOn(personId: string, today: string): boolean {
    return (this.standings.get(personId)?.honours ?? []).some((h) => redListEntryInForce(h, today));
  }

  private async refresh(): Promise<boolean> {
    if (!this.loaded) {
      void this.whenLoaded();
      return false;
    }
    for (;;) {
      // Both lookups at once: the head is needed exactly when there is no next entry.
      const [next, head] = await Promise.all([
        this.models.StandingChange.findById(this.applied + 1)
          .lean()
          .exec(),
        this.models.StandingFeedHead.findById('head').lean().exec(),
      ]);
      if (next) {
        this.apply(this.standings, next.standings, this.byIdEnds);
        this.applied = next._id;
        continue;
      }
      // No next entry: up to date, unless the head is past it (the entries
      // this index still needed were pruned). The head may also have moved
      // just after the probe, past an entry written meanwhile: look again first.
      if (head && head.sequence > this.applied) {
        if (await this.models.StandingChange.exists({ _id: this.applied + 1 })) continue;
        this.log?.warn('listing index fell behind the pruned feed; reloading', { applied: this.applied, head: head.sequence });
        this.loaded = false;
        void this.whenLoaded();
        return false;
      }
      return true;
    }
  }

  /**
   * Everything from the collections, streamed, into a new map that replaces
   * the old one only when complete. The feed position is read first, so
   * nothing written meanwhile is skipped.
   */
  private async reload(): Promise<void> {
    const startedAt = Date.now();
    const head = await latestSequence(this.models);
    const { JointPunishmentStatus, VolunteerRecord, CharityRecord, RedListEntry } = this.models;
    const builder = new StandingsBuilder();
    const batchSize = 5000;
    await Promise.all([
      (async () => {
        for await (const status of JointPunishmentStatus.find({}, STATUS_FIELDS).lean().cursor({ batchSize })) builder.addStatus(status);
      })(),
      ...[VolunteerRecord, CharityRecord].map(async (model) => {
        for await (const record of (model as typeof VolunteerRecord).find({}, { personId: 1 }).lean().cursor({ batchSize })) builder.addGoodRecord(record);
      }),
      (async () => {
        for await (const honour of RedListEntry.find({}, { personId: 1, awardedOn: 1, validUntil: 1 }).lean().cursor({ batchSize })) builder.addHonour(honour);
      })(),
    ]);
    const standings = new Map<string, StandingDoc>();
    const byIdEnds = new Map<string, Set<string>>();
    this.apply(standings, [...builder.byId.values()], byIdEnds);
    // Entries appended while loading are applied by the next catch-up, from `head` on.
    this.standings = standings;
    this.byIdEnds = byIdEnds;
    this.applied = head;
    this.loaded = true;
    this.log?.info('listing index loaded', { people: standings.size, feedSequence: head, ms: Date.now() - startedAt });
  }

  private apply(into: Map<string, StandingDoc>, standings: readonly StandingDoc[], byIdEnds: Map<string, Set<string>>): void {
    for (const s of standings) {
      const key = idEnds(s.personId);
      if (isEmpty(s)) {
        into.delete(s.personId);
        byIdEnds.get(key)?.delete(s.personId);
        if (byIdEnds.get(key)?.size === 0) byIdEnds.delete(key);
      } else {
        into.set(s.personId, s);
        if (!byIdEnds.has(key)) byIdEnds.set(key, new Set());
        byIdEnds.get(key)!.add(s.personId);
      }
    }
  }
}

const indexes = new WeakMap<Models, ListingIndex>();

/** The listing index of a platform process (one per set of models). */
export function listingIndex(models: Models, log?: Logger): ListingIndex {
  let index = indexes.get(models);
  if (!index) {
    index = new ListingIndex(models, log);
    indexes.set(models, index);
  }
  return index;
}
