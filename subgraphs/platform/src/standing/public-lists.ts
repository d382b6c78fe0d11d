import { categoriesOfKind, publicListFields, todayInCity, type Bureau } from '@credit/shared';

import type { Context } from '../context';
import type { PublishedRecordDoc } from '../disclosure/models/PublishedRecord';
import { isPublished } from '../disclosure/published-records';
import { redListEntryInForce } from '../positive-records/models/RedListEntry';
import type { JointPunishmentStatusDoc } from './models/JointPunishmentStatus';
import { effectiveStatus } from './standing-rules';

/**
 * Which of the people asked for are on a public list (policy
 * `access.exceptions.publicLists`): the public may see a masked identity of
 * those people and of nobody else (rule public_list_masked). The gateway
 * asks before it plans a public read that selects an identity.
 *
 * Answered here, in one call, from what the platform already keeps about
 * every person with a shown negative record: the joint-punishment status
 * holds each bureau's shown negative records (`negatives`, with the day
 * each stops being shown), derived from the bureaus' credit facts after
 * every write they notify; the red list and the published-records index
 * are the platform's own. A negative record counts as the bureau's public
 * list shows it: inside its display window and not a minor's
 * (shared/src/negative-record.ts applies the same two rules to both).
 * Like joint punishment, a list follows a bureau's write once the
 * platform has re-derived the person (the outbox's notification), not
 * before.
 */

type Facts = {
  status: Pick<JointPunishmentStatusDoc, 'grounds' | 'negatives'> | null;
  redList: { awardedOn: string; validUntil?: string | null }[];
  published: readonly PublishedRecordDoc[];
};

/** A bureau's record kind whose shown records make up a public list. */
const negativesOfKind = (bureau: Bureau, recordKind: string) => {
  const categories = new Set(categoriesOfKind(bureau, recordKind));
  return (facts: Facts, today: string) =>
    (facts.status?.negatives ?? []).some((n) => n.bureau === bureau && categories.has(n.category) && n.since <= today && today < n.until);
};

/** How each public list of the policy is answered, by its Person field. */
export const PUBLIC_LIST_RULES: Readonly<Record<string, (facts: Facts, today: string) => boolean>> = {
  dishonestDebtorListings: negativesOfKind('COURTS', 'DEBTOR_LISTING'),
  violations: negativesOfKind('PUBLIC_SECURITY', 'VIOLATION'),
  // A penalty in its publicity period, as the 双公示 feed publishes it (its row alone decides: withheld for a minor, published until).
  administrativePenalties: (facts, today) => facts.published.some((row) => row.kind === 'PENALTY' && isPublished(row, today)),
  jointPunishment: (facts, today) => effectiveStatus(facts.status, today).listed,
  redList: (facts, today) => facts.redList.some((entry) => redListEntryInForce(entry, today)),
};

/** The policy's public lists, each with its rule; a list the policy names without a rule here is an error at the first check. */
function rules(): ((facts: Facts, today: string) => boolean)[] {
  return publicListFields().map((field) => {
    const rule = PUBLIC_LIST_RULES[field];
    if (!rule) throw new Error(`policy access.exceptions.publicLists names ${field}, which the platform has no rule for`);
    return rule;
  });
}

/** The IDs among `ids` of people on a public list today. */
export async function publicListed(ids: readonly string[], { loaders }: Context): Promise<string[]> {
  const lists = rules();
  const today = todayInCity();
  const unique = [...new Set(ids)];
  const listed = await Promise.all(
    unique.map(async (id) => {
      const [status, redList, published] = await Promise.all([
        loaders.jointPunishmentById.load(id),
        loaders.redListByPerson.load(id),
        loaders.publishedRowsByPerson.load(id),
      ]);
      const facts: Facts = { status: status ?? null, redList, published };
      return lists.some((onList) => onList(facts, today));
    }),
  );
  return unique.filter((_id, k) => listed[k]);
}
