import { addDays, opaqueId, policy, startOfCityDay, todayInCity, type Logger } from '@credit/shared';

import type { Models } from '../models';

/**
 * When an institution is proposed for the misconduct blacklist (MISSION
 * rule 12; seed 二(三)一): its complaints upheld, or the reads refused to it
 * for lack of consent, within the policy's windows, reach the policy's
 * thresholds (`institutionMisconduct.proposal`). The platform proposes;
 * a reviewer decides (blacklistInstitution confirms, a dismissal closes).
 * Nothing is proposed for an institution already blacklisted or with a
 * proposal open.
 */

/** The day's counter of reads refused to each institution for lack of consent, raised as the reads are logged. */
export async function countRefusedReads(models: Models, institutionIds: readonly string[], today: string = todayInCity()): Promise<void> {
  const counts = new Map<string, number>();
  for (const id of institutionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  await Promise.all(
    [...counts].map(([institutionId, n]) =>
      models.RefusedReadCount.updateOne(
        { _id: `${institutionId}:${today}` },
        { $inc: { count: n }, $setOnInsert: { institutionId, day: today } },
        { upsert: true },
      ).exec(),
    ),
  );
}

/** Proposes the institution when its misconduct passes a threshold; the proposal made, or null. */
export async function proposeIfMisconduct(models: Models, institutionId: string, today: string = todayInCity(), log?: Logger) {
  const { proposal } = policy().institutionMisconduct;
  const [blacklisted, open] = await Promise.all([
    models.InstitutionBlacklistEntry.exists({ _id: institutionId, liftedAt: null }),
    models.MisconductProposal.exists({ institutionId, status: 'OPEN' }),
  ]);
  if (blacklisted || open) return null;
  const [upheld, refused] = await Promise.all([
    models.Complaint.find({
      institutionId,
      status: 'UPHELD',
      decidedAt: { $gte: startOfCityDay(addDays(today, -proposal.upheldComplaintsDays)) },
    })
      .select({ ground: 1 })
      .lean()
      .exec(),
    models.RefusedReadCount.find({ institutionId, day: { $gt: addDays(today, -proposal.refusedReadsDays) } })
      .lean()
      .exec(),
  ]);
  const refusedReads = refused.reduce((sum, c) => sum + c.count, 0);
  if (upheld.length < proposal.upheldComplaints && refusedReads < proposal.refusedReads) return null;
  // The ground the upheld complaints name most; reads refused for lack of consent are queries without it.
  const named = new Map<string, number>();
  for (const c of upheld) named.set(c.ground, (named.get(c.ground) ?? 0) + 1);
  const ground = upheld.length >= proposal.upheldComplaints ? [...named].sort((a, b) => b[1] - a[1])[0]![0] : 'QUERY_WITHOUT_CONSENT';
  const doc = {
    _id: opaqueId('IMP', institutionId, today),
    institutionId,
    ground,
    upheldComplaints: upheld.length,
    refusedReads,
    proposedAt: new Date(),
    status: 'OPEN' as const,
    decidedAt: null,
    decisionReason: null,
  };
  // Two processes proposing the same day write the same id: one proposal.
  await models.MisconductProposal.updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true }).exec();
  log?.info('institution proposed for the misconduct blacklist', { institutionId, upheldComplaints: upheld.length, refusedReads });
  return doc;
}
