import { addDays, insertManyUnordered, todayInCity, type Logger } from '@credit/shared';

import type { Models } from '../models';
import { effectiveStatus } from '../standing/standing-rules';
import type { NotificationDoc } from './models/Notification';
import { delistedNotice, postponementEndedNotice, windowEndedNotice } from './notices';

/**
 * The daily sweep of display windows' ends (seed 二(五)二: the person is
 * told when a display window ends). A record leaves display on a day, not
 * by an event: the sweep reads the statuses whose shown negative records
 * ended after the last day it swept and no later than today, and tells each
 * person once per record (WINDOW_ENDED), and, when the end took them off
 * the joint-punishment list, that too (DELISTED, the id a derivation would
 * give it). A postponement (申请延期) ends the same way, on a day: the person
 * is told once per record and postponement (POSTPONEMENT_ENDED) which
 * suspended measures apply again. Notices' ids derive from the record and its end, so several
 * platform processes sweeping, or a sweep repeated, tell once. The first
 * sweep of a database starts at yesterday: ends before the platform told
 * anyone are not announced all at once.
 */

const SWEEP_ID = 'window-ends';
const SWEEP_EVERY_MS = 60 * 60 * 1000;

export async function noticeWindowEnds(models: Models, today: string = todayInCity(), at: Date = new Date()): Promise<number> {
  const state = await models.NoticeSweep.findById(SWEEP_ID).lean().exec();
  const from = state?.through ?? addDays(today, -1);
  if (from >= today) return 0;
  let told = 0;
  const cursor = models.JointPunishmentStatus.find({ 'negatives.until': { $gt: from, $lte: today } })
    .lean()
    .cursor({ batchSize: 500 });
  let batch: NotificationDoc[] = [];
  const flush = async () => {
    told += (await insertManyUnordered(models.Notification, batch as unknown as Record<string, unknown>[])).filter(Boolean).length;
    batch = [];
  };
  for await (const status of cursor) {
    for (const record of status.negatives ?? []) if (record.until > from && record.until <= today) batch.push(windowEndedNotice(status._id, record, at));
    // Listed when last derived, and no ground in force today: the ends took the person off.
    if (status.listed && status.since && !effectiveStatus(status, today).listed) batch.push(delistedNotice({ personId: status._id, since: status.since }, at));
    if (batch.length >= 500) await flush();
  }
  // A postponement's last day before today and on or after the last sweep's: it ended since then.
  const postponed = models.JointPunishmentStatus.find({ 'grounds.postponedUntil': { $gte: from, $lt: today } })
    .lean()
    .cursor({ batchSize: 500 });
  for await (const status of postponed) {
    const measures = effectiveStatus(status, today).measures;
    for (const ground of status.grounds)
      if (ground.postponedUntil && ground.postponedUntil >= from && ground.postponedUntil < today && ground.until > today)
        batch.push(postponementEndedNotice(status._id, { ...ground, postponedUntil: ground.postponedUntil }, measures, at));
    if (batch.length >= 500) await flush();
  }
  await flush();
  await models.NoticeSweep.updateOne({ _id: SWEEP_ID }, { $max: { through: today } }, { upsert: true }).exec();
  return told;
}

/** Sweeps now and every hour (a new day is swept once); returns a stop function. */
export function startWindowEndSweeper(models: Models, log: Logger): () => void {
  const sweep = () =>
    noticeWindowEnds(models)
      .then((n) => (n > 0 ? log.info('told people of display windows that ended', { notices: n }) : undefined))
      .catch((err: unknown) => log.warn('display-window sweep failed; retried in an hour', { err }));
  void sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
