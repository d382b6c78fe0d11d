import { addWorkingDays, badInput, codedError, isDuplicateKeyError, maskCitizenIdsIn, policy, todayInCity, type Bureau } from '@credit/shared';

import { commitAfterRepair } from '../commitments/commitments';
import type { Context } from '../context';
import { appealIdOf, type AppealCaseKind, type AppealDoc } from './models/Appeal';
import { claimDecision } from './models/DecisionClaim';
import { notifyPerson } from './models/Notification';
import { recordAction } from './objections';

/**
 * Appeals (申诉, seed 四(二) and 二(三)三), the platform's side: after an
 * objection is UPHELD or a repair REJECTED, the person may appeal once, with
 * reasons, to a platform reviewer, within `deadlines.appealFilingWorkingDays`
 * of the decision; the reviewer decides by `deadlines.appealDecisionWorkingDays`.
 * An appeal of an objection flags the record again while it is open (it is
 * disputed again); overturned, the record is removed (objection) or repaired
 * (repair) in its department at once, as the first decision would have done.
 */

/** The decided case an appeal names: the person's own objection UPHELD or repair REJECTED. */
async function appealableCase(
  ctx: Context,
  caseId: string,
  personId: string,
): Promise<{ kind: AppealCaseKind; bureau: Bureau; recordId: string; decidedAt: Date }> {
  const [objection, repair] = await Promise.all([
    ctx.models.Objection.findOne({ _id: caseId, personId }).lean().exec(),
    ctx.models.Repair.findOne({ _id: caseId, personId }).lean().exec(),
  ]);
  const found = objection
    ? { kind: 'OBJECTION' as const, appealable: 'UPHELD', ...objection }
    : repair
      ? { kind: 'REPAIR' as const, appealable: 'REJECTED', ...repair }
      : null;
  // Someone else's case answers as no case at all.
  if (!found) throw badInput(`You have no objection or repair application ${caseId}`, 'unknown case', { argument: 'caseId' });
  if (found.status !== found.appealable || !found.decidedAt)
    throw badInput(`Only an objection UPHELD or a repair application REJECTED can be appealed; this one is ${found.status}`, 'not appealable', {
      argument: 'caseId',
      status: found.status,
    });
  return { kind: found.kind, bureau: found.bureau, recordId: found.recordId, decidedAt: found.decidedAt };
}

export async function fileAppeal(ctx: Context, args: { caseId: string; reason: string }): Promise<AppealDoc> {
  const personId = ctx.principal.subjectId!;
  const reason = args.reason.trim();
  if (!reason) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
  const id = appealIdOf(args.caseId);
  // Once per case: filing again answers with the appeal already filed.
  const filed = await ctx.models.Appeal.findOne({ _id: id, personId }).lean().exec();
  if (filed) return filed;
  const decided = await appealableCase(ctx, args.caseId, personId);
  const { appealFilingWorkingDays, appealDecisionWorkingDays } = policy().deadlines;
  const lastDay = addWorkingDays(todayInCity(decided.decidedAt), appealFilingWorkingDays);
  if (todayInCity() > lastDay)
    throw badInput(`The decision could be appealed until ${lastDay}`, 'appeal too late', { argument: 'caseId', lastDay, workingDays: appealFilingWorkingDays });
  // The record is disputed again: flagged before the appeal is stored (the flag names the appeal, whichever filing stores it).
  if (decided.kind === 'OBJECTION') await recordAction(ctx, decided.bureau, { recordId: decided.recordId, personId, objectionId: id, action: 'OPEN' });
  const doc: AppealDoc = {
    _id: id,
    personId,
    caseKind: decided.kind,
    caseId: args.caseId,
    bureau: decided.bureau,
    recordId: decided.recordId,
    reason,
    status: 'FILED',
    filedAt: new Date(),
    dueOn: addWorkingDays(todayInCity(), appealDecisionWorkingDays),
    decidedAt: null,
    decisionReason: null,
    reviewerId: null,
  };
  try {
    await ctx.models.Appeal.create(doc);
    return doc;
  } catch (err) {
    // Filed twice at once: one is stored, both answer with it.
    if (isDuplicateKeyError(err)) return (await ctx.models.Appeal.findById(id).lean().exec())!;
    throw err;
  }
}

export async function decideAppeal(ctx: Context, args: { id: string; outcome: 'OVERTURNED' | 'DISMISSED'; reason: string }): Promise<AppealDoc> {
  const appeal = await ctx.models.Appeal.findById(args.id).lean().exec();
  if (!appeal) throw badInput(`No appeal ${args.id}`, 'unknown appeal', { argument: 'id' });
  if (!args.reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
  if (appeal.status !== 'FILED' || !(await claimDecision(ctx.models.DecisionClaim, `appeal:${appeal._id}`, ctx.principal.org ?? 'reviewer')))
    throw codedError('CONFLICT', `Appeal ${args.id} was already decided`, { status: appeal.status });
  const decided = await ctx.models.Appeal.findOneAndUpdate(
    { _id: args.id },
    {
      $set: {
        status: args.outcome,
        decidedAt: new Date(),
        // The person reads the reasons: no other person's ID in them.
        decisionReason: maskCitizenIdsIn(args.reason, appeal.personId),
        reviewerId: ctx.principal.subjectId ?? ctx.principal.org ?? 'reviewer',
      },
    },
    { returnDocument: 'after' },
  )
    .lean()
    .exec();
  const record = { recordId: appeal.recordId, personId: appeal.personId, objectionId: appeal._id };
  if (appeal.caseKind === 'OBJECTION')
    await recordAction(ctx, appeal.bureau, { ...record, action: args.outcome === 'OVERTURNED' ? 'CLEAR_AND_REMOVE' : 'CLEAR' });
  else if (args.outcome === 'OVERTURNED') {
    await recordAction(ctx, appeal.bureau, { ...record, action: 'REPAIR' });
    // Repaired on appeal as on approval: the application's statement becomes the person's commitment.
    const repair = await ctx.models.Repair.findById(appeal.caseId).lean().exec();
    if (repair) await commitAfterRepair(ctx, repair);
  }
  const effect =
    args.outcome === 'DISMISSED'
      ? 'dismissed: the decision stands'
      : appeal.caseKind === 'OBJECTION'
        ? 'upheld: the record is removed'
        : 'upheld: the record is repaired and no longer shown or used';
  await notifyPerson(ctx.models.Notification, {
    personId: appeal.personId,
    kind: 'APPEAL_DECIDED',
    caseId: appeal._id,
    outcome: args.outcome,
    message: `Your appeal about ${appeal.bureau} record ${appeal.recordId} was ${effect}. ${args.reason}`,
  });
  return decided!;
}
