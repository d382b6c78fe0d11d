import { areaName, callSubgraph, keysetPage, maskCitizenId, PLATFORM_SERVICE_PRINCIPAL, todayInCity, type PageArgs } from '@credit/shared';

import type { Context } from '../context';
import { PublicNamesDocument } from '../generated/public-security-operations';
import { recordReads } from '../query-log/record-reads';
import type { RedListEntryDoc } from './models/RedListEntry';

/**
 * The honour roll (红名单, 二(五)一): the red-list honours in force, most
 * recent award first, as 信用中国（四川绵阳） publishes them. The people are
 * shown as the public sees anyone on a public list: the name with the
 * surname only, which public-security masks before it leaves the population
 * base, and the ID with its middle hidden. Pages are read from the
 * collection by a keyset (award date, id), so a deep page costs what the
 * first does; each page served is logged as one query-log entry naming its
 * people, before it is answered (MISSION rule 4).
 */

export interface HonourRollEntry {
  id: string;
  title: string;
  awardingBody: string;
  awardedOn: string;
  validUntil: string | null;
  name: string | null;
  maskedId: string;
  areaName: string | null;
}

/** A day of the calendar: the key of an honour in the roll's cursor. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter of the honours in force on `today`. */
function inForce(today: string) {
  return { awardedOn: { $lte: today }, $or: [{ validUntil: null }, { validUntil: { $gte: today } }] };
}

export async function honourRoll(args: PageArgs, ctx: Context) {
  const page = await keysetPage<RedListEntryDoc>(ctx.models.RedListEntry, inForce(todayInCity()), 'awardedOn', args, {
    shape: DAY,
    toCursor: (doc) => doc.awardedOn,
  });
  const people = [...new Set(page.nodes.map((doc) => doc.personId))];
  const [names] = await Promise.all([publicNames(people, ctx), recordReads(ctx, people, ['identity', 'red_list'])]);
  const nodes: HonourRollEntry[] = page.nodes.map((doc) => ({
    id: doc._id,
    title: doc.title,
    awardingBody: doc.awardingBody,
    awardedOn: doc.awardedOn,
    validUntil: doc.validUntil ?? null,
    name: names.get(doc.personId) ?? null,
    maskedId: maskCitizenId(doc.personId),
    areaName: areaName(doc.personId.slice(0, 6)),
  }));
  return { ...page, nodes };
}

/** The people's names as public-security lets the public see them (masked there). */
export async function publicNames(personIds: string[], ctx: Context): Promise<Map<string, string | null>> {
  if (personIds.length === 0) return new Map();
  const data = await callSubgraph({
    subgraph: 'public-security',
    url: ctx.peerUrl('public-security'),
    principal: PLATFORM_SERVICE_PRINCIPAL,
    secret: ctx.internalSecret,
    document: PublicNamesDocument,
    variables: { reps: personIds.map((id) => ({ __typename: 'Person', id })) },
    requestId: ctx.requestId,
  });
  return new Map(data._entities.flatMap((e) => (e && 'id' in e ? [[e.id, e.publicName ?? null] as const] : [])));
}
