import { randomUUID } from 'node:crypto';

import {
  addDays,
  addWorkingDays,
  badInput,
  categoryPolicy,
  codedError,
  decidesRecordsOf,
  maskCitizenIdsIn,
  policy,
  todayInCity,
  type Bureau,
} from '@credit/shared';

import type { Context } from '../context';
import { claimDecision } from './models/DecisionClaim';
import { notifyPerson } from './models/Notification';
import { OPEN_POSTPONEMENT_STATUSES, type PostponementDoc } from './models/Postponement';
import { recordAction } from './objections';

/**
 * Postponements (申请延期, seed 二(三)三: a channel of credit repair): a
 * person who cannot perform the obligation behind one of their shown
 * records in time asks the department that recorded it for more time, up
 * to `postponement.maxDays` days. The department's operator grants it (up to
 * the day asked for) or refuses it, by the deadline; one decision wins.
 * Granted, the department writes the last day on its record, which then
 * says so wherever it is shown, and the platform re-derives the person:
 * while it runs, the joint-punishment measures of the categories the policy
 * names are suspended (standing-rules.ts), and they apply again the day
 * after, which the daily sweep tells the person (window-ends.ts).
 */
export async function applyForPostponement(ctx: Context, args: { bureau: Bureau; recordId: string; until: string; reason: string }): Promise<PostponementDoc> {
  const personId = ctx.principal.subjectId!;
  const reason = args.reason.trim();
  if (!reason) throw badInput('Say why you need more time', 'empty reason', { argument: 'reason' });
  const today = todayInCity();
  const { maxDays, postponableCategories } = policy().postponement;
  const latest = addDays(today, maxDays);
  if (args.until <= today) throw badInput('A postponement ends after today', 'not in the future', { argument: 'until' });
  if (args.until > latest)
    throw badInput(`A postponement lasts at most ${maxDays} days (policy postponement.maxDays): until ${latest} at the latest`, 'too long', {
      argument: 'until',
      latest,
    });
  const open = await ctx.models.Postponement.findOne({
    personId,
    bureau: args.bureau,
    recordId: args.recordId,
    status: { $in: [...OPEN_POSTPONEMENT_STATUSES] },
  })
    .lean()
    .exec();
  if (open) return open;
  // Only a record shown today puts anything on the person to postpone (its facts as derived for them).
  const status = await ctx.models.JointPunishmentStatus.findById(personId, { negatives: 1 }).lean().exec();
  const shown = status?.negatives?.find((n) => n.bureau === args.bureau && n.recordId === args.recordId);
  if (!shown) throw badInput(`You have no shown ${args.bureau} record ${args.recordId}`, 'unknown record', { argument: 'recordId' });
  const check = await recordAction(ctx, args.bureau, { recordId: args.recordId, personId, action: 'CHECK_POSTPONABLE' });
  if (check === 'NOT_FOUND') throw badInput(`You have no ${args.bureau} record ${args.recordId}`, 'unknown record', { argument: 'recordId' });
  if (check === 'NOT_POSTPONABLE')
    throw badInput('Only a record of an obligation to perform can be postponed (policy postponement.postponableCategories)', 'not postponable', {
      argument: 'recordId',
      categories: postponableCategories,
    });
  const doc: PostponementDoc = {
    _id: `PPN-${randomUUID()}`,
    personId,
    bureau: args.bureau,
    recordId: args.recordId,
    category: shown.category,
    reason: maskCitizenIdsIn(reason, personId),
    requestedUntil: args.until,
    grantedUntil: null,
    status: 'APPLIED',
    appliedAt: new Date(),
    dueOn: addWorkingDays(today, policy().deadlines.postponementDecisionWorkingDays),
    reviewStartedAt: null,
    decidedAt: null,
    decisionReason: null,
    reviewerId: null,
    version: 0,
  };
  await ctx.models.Postponement.create(doc);
  return doc;
}

async function applicationOf(ctx: Context, id: string, verb: string): Promise<PostponementDoc> {
  const application = await ctx.models.Postponement.findById(id).lean().exec();
  if (!application) throw badInput(`No postponement application ${id}`, 'unknown application', { argument: 'id' });
  // Another department's application is not theirs to see.
  if (!decidesRecordsOf(ctx.principal, application.bureau))
    throw codedError('FORBIDDEN', `Only ${application.bureau} operators ${verb} this application (the department that recorded it)`);
  return application;
}

const staffOf = (ctx: Context) => ctx.principal.staffId ?? ctx.principal.org ?? 'bureau';

/** An operator of the department takes an application up (APPLIED becomes UNDER_REVIEW); again, nothing changes. */
export async function startPostponementReview(ctx: Context, args: { id: string }): Promise<PostponementDoc> {
  const application = await applicationOf(ctx, args.id, 'review');
  if (application.status === 'UNDER_REVIEW') return application;
  if (application.status !== 'APPLIED') throw codedError('CONFLICT', `Postponement application ${args.id} was already decided`, { status: application.status });
  const started = await ctx.models.Postponement.findOneAndUpdate(
    { _id: args.id, status: 'APPLIED' },
    { $set: { status: 'UNDER_REVIEW', reviewerId: staffOf(ctx), reviewStartedAt: new Date() }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  )
    .lean()
    .exec();
  return started ?? (await ctx.models.Postponement.findById(args.id).lean().exec())!;
}

/**
 * An operator of the department decides: granted until `until` (the day
 * asked for when absent, never later, not before today) or refused, with
 * reasons. The decision is claimed first; a grant is written on the
 * department's record before the application says GRANTED, and a
 * department that cannot be reached releases the claim, so the decision can
 * be taken again rather than be recorded without its effect.
 */
export async function decidePostponement(ctx: Context, args: { id: string; grant: boolean; until?: string | null; reason: string }): Promise<PostponementDoc> {
  const application = await applicationOf(ctx, args.id, 'decide');
  if (!args.reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
  const today = todayInCity();
  const grantedUntil = args.grant ? (args.until ?? application.requestedUntil) : null;
  if (grantedUntil !== null && (grantedUntil > application.requestedUntil || grantedUntil < today))
    throw badInput(`A postponement is granted until a day from today to the one asked for (${application.requestedUntil})`, 'until out of range', {
      argument: 'until',
      latest: application.requestedUntil,
    });
  const claim = `postponement:${application._id}`;
  if (
    !(OPEN_POSTPONEMENT_STATUSES as readonly string[]).includes(application.status) ||
    !(await claimDecision(ctx.models.DecisionClaim, claim, ctx.principal.org ?? 'bureau'))
  )
    throw codedError('CONFLICT', `Postponement application ${args.id} was already decided`, { status: application.status });
  if (grantedUntil !== null) {
    let done: Awaited<ReturnType<typeof recordAction>>;
    try {
      done = await recordAction(ctx, application.bureau, {
        recordId: application.recordId,
        personId: application.personId,
        action: 'POSTPONE',
        until: grantedUntil,
      });
    } catch (err) {
      await ctx.models.DecisionClaim.deleteOne({ _id: claim }).exec();
      throw err;
    }
    if (done !== 'DONE') {
      await ctx.models.DecisionClaim.deleteOne({ _id: claim }).exec();
      throw codedError('CONFLICT', `${application.bureau} record ${application.recordId} can no longer be postponed: refuse the application`, { result: done });
    }
  }
  const decided = await ctx.models.Postponement.findOneAndUpdate(
    { _id: args.id },
    {
      $set: {
        status: grantedUntil !== null ? 'GRANTED' : 'REFUSED',
        grantedUntil,
        decidedAt: new Date(),
        // The person reads the reasons: no other person's ID in them.
        decisionReason: maskCitizenIdsIn(args.reason, application.personId),
        reviewerId: staffOf(ctx),
      },
      $inc: { version: 1 },
    },
    { returnDocument: 'after' },
  )
    .lean()
    .exec();
  const record = `${application.bureau} record ${application.recordId}`;
  await notifyPerson(ctx.models.Notification, {
    personId: application.personId,
    kind: 'POSTPONEMENT_DECIDED',
    caseId: application._id,
    outcome: grantedUntil !== null ? 'GRANTED' : 'REFUSED',
    message:
      grantedUntil !== null
        ? `Your application to postpone ${record} was granted until ${grantedUntil}: the record says so wherever it is shown${suspensionNote(application.category)}. ${args.reason}`
        : `Your application to postpone ${record} was refused. ${args.reason} You may still perform the obligation and apply to repair the record.`,
  });
  return decided!;
}

// What a granted postponement does to the measures, as the policy says for the record's category.
function suspensionNote(category: string): string {
  const measures = categoryPolicy(category).measures ?? [];
  if (measures.length === 0) return '';
  if (!policy().postponement.measuresSuspendedCategories.includes(category)) return ', and its joint-punishment measures still apply';
  return `, and its joint-punishment measures (${measures.map((m) => policy().measures[m]?.label ?? m).join('; ')}) are suspended until then unless another record brings them`;
}
