import { randomUUID } from 'node:crypto';

import { addWorkingDays, badInput, codedError, maskCitizenIdsIn, policy, todayInCity, type Bureau } from '@credit/shared';

import type { Context } from '../context';
import { claimDecision } from './models/DecisionClaim';
import { notifyPerson } from './models/Notification';
import { OPEN_REPAIR_STATUSES, type RepairCorrection, type RepairDoc } from './models/Repair';
import { recordAction } from './objections';

/**
 * Credit repair (信用修复, MISSION rule 6): after the minimum display period
 * of the record's grade, the person applies, saying how the behaviour was
 * corrected; a reviewer decides by the deadline. Approval ends the record's
 * display and use at once in the owning bureau (kept, annotated with the
 * repair date), and the platform re-derives the person's listing.
 */
export async function applyForRepair(
  ctx: Context,
  args: { bureau: Bureau; recordId: string; correction: RepairCorrection; statement: string; evidenceRefs: string[] },
): Promise<RepairDoc> {
  const personId = ctx.principal.subjectId!;
  if (!args.statement.trim()) throw badInput('A statement is required', 'empty statement', { argument: 'statement' });
  if (args.evidenceRefs.length === 0) throw badInput('At least one evidence reference is required', 'no evidence', { argument: 'evidenceRefs' });
  const open = await ctx.models.Repair.findOne({ personId, bureau: args.bureau, recordId: args.recordId, status: { $in: [...OPEN_REPAIR_STATUSES] } })
    .lean()
    .exec();
  if (open) return open;
  const id = `REP-${randomUUID()}`;
  const check = await recordAction(ctx, args.bureau, { recordId: args.recordId, personId, objectionId: id, action: 'CHECK_REPAIRABLE' });
  if (check === 'NOT_FOUND') throw badInput(`You have no ${args.bureau} record ${args.recordId}`, 'unknown record', { argument: 'recordId' });
  if (check === 'TOO_EARLY') throw badInput('The minimum display period of this record has not run yet', 'too early for repair', { argument: 'recordId' });
  const doc: RepairDoc = {
    _id: id,
    personId,
    bureau: args.bureau,
    recordId: args.recordId,
    correction: args.correction,
    statement: args.statement,
    evidenceRefs: args.evidenceRefs,
    status: 'APPLIED',
    appliedAt: new Date(),
    dueOn: addWorkingDays(todayInCity(), policy().deadlines.repairDecisionWorkingDays),
    decidedAt: null,
    decisionReason: null,
    reviewerId: null,
    version: 0,
  };
  await ctx.models.Repair.create(doc);
  return doc;
}

/**
 * A reviewer takes a repair application up: APPLIED becomes UNDER_REVIEW,
 * naming the reviewer. Taking it up again changes nothing; a decided
 * application cannot be taken up.
 */
export async function startRepairReview(ctx: Context, args: { id: string }): Promise<RepairDoc> {
  const repair = await ctx.models.Repair.findById(args.id).lean().exec();
  if (!repair) throw badInput(`No repair application ${args.id}`, 'unknown application', { argument: 'id' });
  if (repair.status === 'UNDER_REVIEW') return repair;
  if (repair.status !== 'APPLIED') throw codedError('CONFLICT', `Repair application ${args.id} was already decided`, { status: repair.status });
  const started = await ctx.models.Repair.findOneAndUpdate(
    { _id: args.id, status: 'APPLIED' },
    {
      $set: { status: 'UNDER_REVIEW', reviewerId: ctx.principal.subjectId ?? ctx.principal.org ?? 'reviewer', reviewStartedAt: new Date() },
      $inc: { version: 1 },
    },
    { returnDocument: 'after' },
  )
    .lean()
    .exec();
  return started ?? (await ctx.models.Repair.findById(args.id).lean().exec())!;
}

export async function decideRepair(ctx: Context, args: { id: string; approve: boolean; reason: string }): Promise<RepairDoc> {
  const repair = await ctx.models.Repair.findById(args.id).lean().exec();
  if (!repair) throw badInput(`No repair application ${args.id}`, 'unknown application', { argument: 'id' });
  if (!args.reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
  if (
    !(OPEN_REPAIR_STATUSES as readonly string[]).includes(repair.status) ||
    !(await claimDecision(ctx.models.DecisionClaim, `repair:${repair._id}`, ctx.principal.org ?? 'reviewer'))
  ) {
    throw codedError('CONFLICT', `Repair application ${args.id} was already decided`, { status: repair.status });
  }
  const decided = await ctx.models.Repair.findOneAndUpdate(
    { _id: args.id },
    {
      $set: {
        status: args.approve ? 'APPROVED' : 'REJECTED',
        decidedAt: new Date(),
        // The person reads the reasons: no other person's ID in them.
        decisionReason: maskCitizenIdsIn(args.reason, repair.personId),
        reviewerId: ctx.principal.org ?? 'reviewer',
      },
      $inc: { version: 1 },
    },
    { returnDocument: 'after' },
  )
    .lean()
    .exec();
  if (args.approve) {
    await recordAction(ctx, repair.bureau, { recordId: repair.recordId, personId: repair.personId, objectionId: repair._id, action: 'REPAIR' });
  }
  await notifyPerson(ctx.models.Notification, {
    personId: repair.personId,
    kind: 'REPAIR_DECIDED',
    caseId: repair._id,
    outcome: args.approve ? 'APPROVED' : 'REJECTED',
    message: `Your application to repair ${repair.bureau} record ${repair.recordId} was ${args.approve ? 'approved: the record is no longer shown or used' : 'rejected'}. ${args.reason}`,
  });
  return decided!;
}
