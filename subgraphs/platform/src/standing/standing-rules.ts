import { addMonths, categoryPolicy, policy, todayInCity } from '@credit/shared';

import type { PunishmentGroundDoc } from './models/JointPunishmentStatus';

/**
 * The rules of a person's standing, on a given day, from what is stored:
 * whether they are listed for joint punishment (MISSION rule 8) and whether
 * the green channel is open to them (rule 9). Joint punishment's writes,
 * the listing index and the Person resolvers all apply them, so they live
 * apart from each.
 */

/** The listing as it stands on `today`, from the stored grounds. */
export function effectiveStatus(doc: { grounds: PunishmentGroundDoc[]; updatedAt?: Date } | null, today: string = todayInCity()) {
  const inForce = (doc?.grounds ?? []).filter((g) => g.since <= today && today < g.until);
  const categories = [...new Set(inForce.map((g) => g.category))].sort();
  const measures = [...new Set(categories.flatMap((c) => categoryPolicy(c).measures ?? []))].sort();
  return {
    listed: inForce.length > 0,
    categories,
    measures,
    since: inForce.length ? inForce.map((g) => g.since).sort()[0]! : null,
    until: inForce.length
      ? inForce
          .map((g) => g.until)
          .sort()
          .reverse()[0]!
      : null,
    updatedAt: doc?.updatedAt ?? null,
    underObjection: inForce.some((g) => g.underObjection),
    grounds: inForce,
  };
}

/**
 * Green channel (MISSION rule 9): good records (volunteer service, charity,
 * an honour in force), not listed, and no shown negative record in the last
 * `greenChannel.cleanYears` years.
 */
export function greenChannelEligible(
  status: { grounds: PunishmentGroundDoc[]; lastNegativeDecisionDate?: string | null } | null | undefined,
  hasGoodRecords: boolean,
  today: string = todayInCity(),
): boolean {
  if (!hasGoodRecords || effectiveStatus(status ?? null, today).listed) return false;
  if (!status?.lastNegativeDecisionDate) return true;
  return addMonths(status.lastNegativeDecisionDate, 12 * policy().greenChannel.cleanYears) <= today;
}
