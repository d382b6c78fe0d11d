import {
  areaName,
  badInput,
  callSubgraph,
  isValidCitizenId,
  keysFilter,
  maskCitizenId,
  maskName,
  PLATFORM_SERVICE_PRINCIPAL,
  policy,
  todayInCity,
} from '@credit/shared';

import type { Context } from '../context';
import { ResidentsNamedDocument } from '../generated/public-security-operations';
import { publicNames } from '../positive-records/honour-roll';
import { redListEntryInForce, type RedListEntryDoc } from '../positive-records/models/RedListEntry';
import { recordReads } from '../query-log/record-reads';
import { listingIndex, type ListingIndex } from '../standing/listing-index';
import type { JointPunishmentStatusDoc } from '../standing/models/JointPunishmentStatus';
import { effectiveStatus } from '../standing/standing-rules';
import type { PublishedRecordDoc } from './models/PublishedRecord';
import { idEndsKey, isPublished, penaltyView } from './published-records';

/**
 * The public search of the published lists on 信用中国（四川绵阳）(二(五)三:
 * "依法向社会公开披露有关部门记录的个人严重失信信息"): by a full name, a full
 * citizen ID, or the first 6 and last 4 characters of one, over the
 * dishonest judgment debtors, the joint-punishment list, the penalties in
 * their publicity period and the red list. It answers with people on at
 * least one of those lists only, masked as the public sees them; somebody
 * on none is not in the answer, whether or not they exist, so the answer
 * for an unlisted person and for nobody is the same. Every list is the
 * platform's own (the debtor listings ground the joint-punishment status),
 * so only a search by name asks another subgraph: public-security, which
 * returns the IDs registered under the name and never the name. Callers are
 * rate-limited at the gateway (policy `limits.publicSearchesPerMinute`).
 */

export type PublicListKind = 'DISHONEST_DEBTOR' | 'JOINT_PUNISHMENT' | 'PENALTY' | 'RED_LIST';

export interface PublicSearchInput {
  name?: string | null;
  citizenId?: string | null;
  idFirst6?: string | null;
  idLast4?: string | null;
}

/** The category of a listing as a dishonest judgment debtor (courts). */
const DEBTOR_CATEGORY = 'DISHONEST_JUDGMENT_DEBTOR';

/** Field groups a hit on each list shows of the person (logged as served). */
const LIST_GROUPS: Record<PublicListKind, string> = {
  DISHONEST_DEBTOR: 'dishonest_debtors',
  JOINT_PUNISHMENT: 'joint_punishment',
  PENALTY: 'double_publicity_penalties',
  RED_LIST: 'red_list',
};

/** Which one of the three ways to search the input names, checked; the name or ID is never echoed. */
function searchOf(input: PublicSearchInput): { name: string } | { id: string } | { first6: string; last4: string } {
  const name = input.name?.trim();
  const given = [Boolean(name), Boolean(input.citizenId), Boolean(input.idFirst6 || input.idLast4)].filter(Boolean).length;
  if (given !== 1) throw badInput('Search by exactly one of: name, citizenId, or idFirst6 with idLast4', 'one way to search', { argument: 'query' });
  if (name) {
    if ([...name].length < 2 || [...name].length > 30 || /[\d\p{Cc}\p{Cf}]/u.test(name))
      throw badInput('query.name must be a full name of 2 to 30 letters', 'bad name', { argument: 'query.name' });
    return { name };
  }
  if (input.citizenId) {
    if (!isValidCitizenId(input.citizenId)) throw badInput('query.citizenId is not a valid citizen ID', 'bad citizen ID', { argument: 'query.citizenId' });
    return { id: input.citizenId.toUpperCase() };
  }
  const first6 = input.idFirst6 ?? '';
  const last4 = (input.idLast4 ?? '').toUpperCase();
  if (!/^\d{6}$/.test(first6)) throw badInput('query.idFirst6 must be the first 6 digits of an ID', 'bad ID prefix', { argument: 'query.idFirst6' });
  if (!/^\d{3}[\dX]$/.test(last4)) throw badInput('query.idLast4 must be the last 4 characters of an ID', 'bad ID suffix', { argument: 'query.idLast4' });
  return { first6, last4 };
}

/** The IDs of one county ending in `last4` in a collection's key: a range read of the county, kept by the suffix. */
async function idsOfCountyEndingIn(find: (range: { $gte: string; $lt: string }) => Promise<string[]>, first6: string, last4: string): Promise<string[]> {
  // Every ID of the county sorts from `first6` up to `first6` + 'Y': what follows the county is digits.
  return (await find({ $gte: first6, $lt: `${first6}Y` })).filter((id) => id.length === 18 && id.endsWith(last4));
}

/** The people of a search the lists could name (the lists decide below), and what finding them read already. */
interface Candidates {
  ids: string[];
  /** Every published row of the candidates, when the lookup that found them read the rows (6 + 4). */
  rows?: PublishedRecordDoc[];
  /** The listing index, caught up, when the lookup used it (6 + 4): the standings come from it. */
  index?: ListingIndex;
}

async function candidates(search: ReturnType<typeof searchOf>, ctx: Context): Promise<Candidates> {
  if ('id' in search) return { ids: [search.id] };
  if ('name' in search) {
    const limit = policy().limits.maxSearchNamesakes;
    const data = await callSubgraph({
      subgraph: 'public-security',
      url: ctx.peerUrl('public-security'),
      principal: PLATFORM_SERVICE_PRINCIPAL,
      secret: ctx.internalSecret,
      document: ResidentsNamedDocument,
      variables: { name: search.name, limit: limit + 1 },
      requestId: ctx.requestId,
    });
    if (data.residentsNamed.length > limit)
      throw badInput(`More than ${limit} people share this name: add the first 6 and last 4 characters of the ID instead`, 'too many namesakes', {
        argument: 'query.name',
        max: limit,
      });
    return { ids: data.residentsNamed };
  }
  const { first6, last4 } = search;
  const { models } = ctx;
  const distinct = async (model: { distinct(field: string, filter: object): { exec(): Promise<unknown[]> } }, field: string, range: object) =>
    (await model.distinct(field, { [field]: range }).exec()).map(String);
  // The published rows by an equality on their key (every row of a person carries it, so these are all
  // the candidates' rows, read once for both); the joint-punishment and red lists from the process's
  // listing index (everyone with a standing, in memory), or while it loads by a range of their IDs.
  const index = listingIndex(models, ctx.log);
  const [rows, current] = await Promise.all([
    models.PublishedRecord.find({ lookupKeys: idEndsKey(first6, last4) })
      .lean<PublishedRecordDoc[]>()
      .exec(),
    index.catchUp(),
  ]);
  const standings = current
    ? index.peopleEndingIn(first6, last4)
    : (
        await Promise.all([
          idsOfCountyEndingIn((range) => distinct(models.JointPunishmentStatus as never, '_id', range), first6, last4),
          idsOfCountyEndingIn((range) => distinct(models.RedListEntry as never, 'personId', range), first6, last4),
        ])
      ).flat();
  return { ids: [...new Set([...rows.map((r) => r.personId), ...standings])], rows, ...(current ? { index } : {}) };
}

/**
 * The search's people's standings, penalty rows and honours: from what
 * finding them read, else from the database. (A search by ID or name does
 * not catch the listing index up for them: its two lookups cost what the
 * two reads they would save cost, measured.)
 */
async function listsOf(found: Candidates, ctx: Context, today: string) {
  const { ids, rows, index } = found;
  const { models } = ctx;
  const byDecision = (a: PublishedRecordDoc, b: PublishedRecordDoc) =>
    a.decisionDate === b.decisionDate ? (a._id < b._id ? -1 : a._id > b._id ? 1 : 0) : a.decisionDate < b.decisionDate ? 1 : -1;
  const [statuses, penalties, honours] = await Promise.all([
    index
      ? ids.map((id) => ({ id, ...index.check(id, today) }))
      : models.JointPunishmentStatus.find(keysFilter('_id', ids))
          .lean<JointPunishmentStatusDoc[]>()
          .exec()
          .then((docs) => docs.map((doc) => ({ id: doc._id, ...effectiveStatus(doc, today) }))),
    rows
      ? rows.filter((r) => r.kind === 'PENALTY').sort(byDecision)
      : models.PublishedRecord.find({ ...keysFilter('personId', ids), kind: 'PENALTY' })
          .sort({ decisionDate: -1, _id: 1 })
          .lean<PublishedRecordDoc[]>()
          .exec(),
    // The index knows who holds an honour in force: nobody, and the red list is not read.
    index && !ids.some((id) => index.honouredOn(id, today))
      ? []
      : models.RedListEntry.find(keysFilter('personId', ids)).sort({ awardedOn: -1, _id: 1 }).lean<RedListEntryDoc[]>().exec(),
  ]);
  return { statuses, penalties, honours };
}

export interface PublicListHit {
  name: string | null;
  citizenId: string;
  areaName: string | null;
  lists: PublicListKind[];
  jointPunishmentCategories: string[];
  measures: string[];
  penalties: ReturnType<typeof penaltyView>[];
  honours: string[];
}

export async function publicListSearch(input: PublicSearchInput, ctx: Context): Promise<{ hits: PublicListHit[] }> {
  const search = searchOf(input);
  const found = await candidates(search, ctx);
  const { ids } = found;
  if (ids.length === 0) return { hits: [] };
  // The names as the public sees them: a search by name found people registered under exactly that
  // name, whose public name is it masked; otherwise public-security is asked while the lists are read
  // (for every candidate; only the hits' names leave).
  const searchedName = 'name' in search ? maskName(search.name) : null;
  const publicNamesOf = searchedName === null ? publicNames(ids, ctx) : null;
  // Awaited below; a failure is thrown there, not left unhandled meanwhile.
  publicNamesOf?.catch(() => undefined);
  const today = todayInCity();
  const { statuses, penalties, honours } = await listsOf(found, ctx, today);
  const hits = new Map<string, Omit<PublicListHit, 'name'>>();
  const hitOf = (id: string) => {
    let hit = hits.get(id);
    if (!hit) {
      hit = {
        citizenId: maskCitizenId(id),
        areaName: areaName(id.slice(0, 6)),
        lists: [],
        jointPunishmentCategories: [],
        measures: [],
        penalties: [],
        honours: [],
      };
      hits.set(id, hit);
    }
    return hit;
  };
  for (const shown of statuses) {
    if (!shown.listed) continue;
    const hit = hitOf(shown.id);
    if (shown.categories.includes(DEBTOR_CATEGORY)) hit.lists.push('DISHONEST_DEBTOR');
    hit.lists.push('JOINT_PUNISHMENT');
    hit.jointPunishmentCategories = shown.categories;
    hit.measures = shown.measures;
  }
  for (const doc of penalties) {
    if (!isPublished(doc, today)) continue;
    const hit = hitOf(doc.personId);
    if (!hit.lists.includes('PENALTY')) hit.lists.push('PENALTY');
    hit.penalties.push(penaltyView(doc));
  }
  for (const entry of honours) {
    if (!redListEntryInForce(entry, today)) continue;
    const hit = hitOf(entry.personId);
    if (!hit.lists.includes('RED_LIST')) hit.lists.push('RED_LIST');
    hit.honours.push(entry.title);
  }
  const people = [...hits.keys()].sort();
  const groups = new Set(['identity']);
  for (const hit of hits.values()) for (const list of hit.lists) groups.add(LIST_GROUPS[list]);
  // Logged before it is answered: each person served, with what was shown of them.
  const [names] = await Promise.all([publicNamesOf, recordReads(ctx, people, [...groups].sort())]);
  return { hits: people.map((id) => ({ name: searchedName ?? names?.get(id) ?? null, ...hits.get(id)! })) };
}
