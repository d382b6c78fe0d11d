import { addMonths, birthDateOf, categoryPolicy, policy, todayInCity, type GreenChannelGroup } from '@credit/shared';

import type { PunishmentGroundDoc, RestrictionDoc } from './models/JointPunishmentStatus';

/**
 * The rules of a person's standing, on a given day, from what is stored:
 * whether they are listed for joint punishment (MISSION rule 8) and whether
 * the green channel is open to them (rule 9). Joint punishment's writes,
 * the listing index and the Person resolvers all apply them, so they live
 * apart from each.
 */

/**
 * The listing as it stands on `today`, from the stored grounds; its
 * measures with those of the restrictions in force (a consumption-restriction
 * order restricts a debtor who is not listed). A ground postponed by its
 * department (申请延期) until `today` or later keeps the person listed, but
 * the measures of its category are suspended when the policy says so
 * (`postponement.measuresSuspendedCategories`), unless another ground in
 * force brings them too. The suspension ends on its own the day after.
 */
export function effectiveStatus(
  doc: { grounds: PunishmentGroundDoc[]; restrictions?: readonly Pick<RestrictionDoc, 'measures' | 'since' | 'until'>[]; updatedAt?: Date } | null,
  today: string = todayInCity(),
) {
  const inForce = (doc?.grounds ?? []).filter((g) => g.since <= today && today < g.until);
  const categories = [...new Set(inForce.map((g) => g.category))].sort();
  const restricting = (doc?.restrictions ?? []).filter((r) => r.since <= today && (r.until === null || today < r.until));
  const suspending = policy().postponement.measuresSuspendedCategories;
  const postponed = inForce.filter((g) => g.postponedUntil && today <= g.postponedUntil);
  const suspended = (g: PunishmentGroundDoc) => postponed.includes(g) && suspending.includes(g.category);
  const measuresOf = (grounds: readonly PunishmentGroundDoc[]) => grounds.flatMap((g) => categoryPolicy(g.category).measures ?? []);
  const measures = [...new Set([...measuresOf(inForce.filter((g) => !suspended(g))), ...restricting.flatMap((r) => r.measures)])].sort();
  const suspendedMeasures = [...new Set(measuresOf(inForce.filter(suspended)))].filter((m) => !measures.includes(m)).sort();
  return {
    listed: inForce.length > 0,
    categories,
    measures,
    suspendedMeasures,
    // The last day of the latest postponement in force on a ground.
    postponedUntil: postponed.length
      ? postponed
          .map((g) => g.postponedUntil!)
          .sort()
          .reverse()[0]!
      : null,
    since: inForce.length ? inForce.map((g) => g.since).sort()[0]! : null,
    until: inForce.length
      ? inForce
          .map((g) => g.until)
          .sort()
          .reverse()[0]!
      : null,
    updatedAt: doc?.updatedAt ?? null,
    underObjection: inForce.some((g) => g.underObjection),
    statements: inForce.flatMap((g) => (g.statement ? [g.statement] : [])),
    grounds: inForce,
  };
}

/** Why the green channel is open to a person (seed 二(五)一 names two groups; the policy's reward measures name them too). */
export type GreenChannelGround = GreenChannelGroup;

/**
 * Green channel and 容缺受理 (MISSION rule 9, seed 二(五)一: "对具有优良信用
 * 记录的个人和连续3年以上无不良信用记录的行政相对人"): two groups, either
 * suffices, and nobody on the joint-punishment list is in either.
 *
 * - GOOD_RECORDS: good records (volunteer service, charity, an honour in
 *   force) and no negative record shown today;
 * - CLEAN_YEARS: no negative record for `greenChannel.cleanYears`
 *   consecutive years, counted from the latest shown negative record, and
 *   never from before the person came of age (`minors.adultAge`): a clean
 *   record of three years needs three years in which one could have a record.
 *   Records past their display period are not used (MISSION rule 5).
 *
 * `personId` gives the birth date. The grounds come back in a fixed order;
 * none means not eligible.
 */
export function greenChannelGrounds(
  personId: string,
  status: { grounds: PunishmentGroundDoc[]; lastNegativeDecisionDate?: string | null } | null | undefined,
  hasGoodRecords: boolean,
  today: string = todayInCity(),
): GreenChannelGround[] {
  if (effectiveStatus(status ?? null, today).listed) return [];
  const grounds: GreenChannelGround[] = [];
  const lastNegative = status?.lastNegativeDecisionDate ?? null;
  if (hasGoodRecords && !lastNegative) grounds.push('GOOD_RECORDS');
  const adulthood = addMonths(birthDateOf(personId), 12 * policy().minors.adultAge);
  const cleanSince = lastNegative && lastNegative > adulthood ? lastNegative : adulthood;
  if (addMonths(cleanSince, 12 * policy().greenChannel.cleanYears) <= today) grounds.push('CLEAN_YEARS');
  return grounds;
}
