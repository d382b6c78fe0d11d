import { randomUUID } from 'node:crypto';

import {
  addWorkingDays,
  badInput,
  codedError,
  decidesRecordsOf,
  keysFilter,
  maskCitizenIdsIn,
  policy,
  todayInCity,
  type Bureau,
  type SeverityGrade,
} from '@credit/shared';

import { commitAfterRepair } from '../commitments/commitments';
import type { Context } from '../context';
import { claimDecision } from './models/DecisionClaim';
import { notifyPerson } from './models/Notification';
import { OPEN_REPAIR_STATUSES, type RepairCorrection, type RepairDoc } from './models/Repair';
import { recordAction } from './objections';

/**
 * Credit repair (信用修复, MISSION rule 6; seed 二(三)三): after the minimum
 * display period of the record's grade, the person applies, saying how the
 * behaviour was corrected and bringing the evidence the policy asks for
 * (`repair`): volunteer service or donations the platform recorded for them
 * after the decision, enough for the grade, and a completed credit-repair
 * course for the grades that need one. An operator of the department that
 * owns the record decides by the deadline ("who records it, repairs it";
 * platform reviewers chase the late ones). Approval ends the record's
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
  await checkEvidence(ctx, personId, args);
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
 * The evidence of an application, checked against what the platform
 * records for the person: the record's grade and decision date (its shown
 * negative records, as derived for the person), their own volunteer or
 * charity records dated on or after the decision, not already used for
 * another application, enough for the grade; and a completed course where
 * the grade requires one. Payment vouchers (OBLIGATION_PERFORMED) are the
 * department's to check.
 */
async function checkEvidence(ctx: Context, personId: string, args: { bureau: Bureau; recordId: string; correction: RepairCorrection; evidenceRefs: string[] }) {
  const status = await ctx.models.JointPunishmentStatus.findById(personId).lean().exec();
  const record = status?.negatives?.find((n) => n.bureau === args.bureau && n.recordId === args.recordId);
  if (!record) throw badInput('The record is not shown: there is nothing to repair', 'not shown', { argument: 'recordId' });
  const grade = record.grade as SeverityGrade;
  const rules = policy().repair;
  if (args.correction === 'VOLUNTEER_SERVICE' || args.correction === 'CHARITY') {
    const volunteering = args.correction === 'VOLUNTEER_SERVICE';
    const refs = [...new Set(args.evidenceRefs)];
    const found = volunteering
      ? (
          await ctx.models.VolunteerRecord.find({ ...keysFilter('_id', refs), personId })
            .lean()
            .exec()
        ).map((r) => ({ id: r._id, on: r.servedOn, amount: r.hours }))
      : (
          await ctx.models.CharityRecord.find({ ...keysFilter('_id', refs), personId })
            .lean()
            .exec()
        ).map((r) => ({ id: r._id, on: r.donatedOn, amount: r.amountYuan }));
    const missing = refs.filter((ref) => !found.some((f) => f.id === ref));
    const kind = volunteering ? 'volunteer' : 'charity';
    if (missing.length > 0)
      throw badInput(`Not your ${kind} records on the platform: ${missing.join(', ')}`, 'unknown evidence', { argument: 'evidenceRefs', refs: missing });
    const before = found.filter((f) => f.on < record.since).map((f) => f.id);
    if (before.length > 0)
      throw badInput(`Done before the record's decision (${record.since}): ${before.join(', ')}`, 'evidence before the record', {
        argument: 'evidenceRefs',
        refs: before,
      });
    const used = await ctx.models.Repair.find({ personId, evidenceRefs: { $in: refs }, status: { $in: [...OPEN_REPAIR_STATUSES, 'APPROVED'] } })
      .lean()
      .exec();
    const reused = refs.filter((ref) => used.some((r) => r.evidenceRefs.includes(ref)));
    if (reused.length > 0)
      throw badInput(`Already evidence of another application: ${reused.join(', ')}`, 'evidence already used', { argument: 'evidenceRefs', refs: reused });
    const needed = (volunteering ? rules.volunteerHoursByGrade : rules.charityYuanByGrade)[grade];
    const total = found.reduce((sum, f) => sum + f.amount, 0);
    if (total < needed)
      throw badInput(
        `A ${grade.toLowerCase()} record needs ${needed} ${volunteering ? 'hours of volunteer service' : 'yuan of donations'} (policy repair), these make ${total}`,
        'not enough evidence',
        { argument: 'evidenceRefs', needed, found: total },
      );
  }
  if (rules.trainingRequiredGrades.includes(grade)) {
    const course = await ctx.models.RepairTraining.findOne({ personId, completedOn: { $gte: record.since } })
      .lean()
      .exec();
    if (!course)
      throw badInput(`A ${grade.toLowerCase()} record needs a credit-repair course completed after its decision (${record.since})`, 'training required', {
        argument: 'recordId',
      });
  }
}

/** An operator of the department that owns the record, or FORBIDDEN. */
function assertDecides(ctx: Context, repair: RepairDoc, verb: string): void {
  if (!decidesRecordsOf(ctx.principal, repair.bureau))
    throw codedError('FORBIDDEN', `Only ${repair.bureau} operators ${verb} this application (谁认定、谁修复)`);
}

/**
 * An operator of the owning department takes a repair application up:
 * APPLIED becomes UNDER_REVIEW, naming the operator. Taking it up again
 * changes nothing; a decided application cannot be taken up.
 */
export async function startRepairReview(ctx: Context, args: { id: string }): Promise<RepairDoc> {
  const repair = await ctx.models.Repair.findById(args.id).lean().exec();
  if (!repair) throw badInput(`No repair application ${args.id}`, 'unknown application', { argument: 'id' });
  assertDecides(ctx, repair, 'review');
  if (repair.status === 'UNDER_REVIEW') return repair;
  if (repair.status !== 'APPLIED') throw codedError('CONFLICT', `Repair application ${args.id} was already decided`, { status: repair.status });
  const started = await ctx.models.Repair.findOneAndUpdate(
    { _id: args.id, status: 'APPLIED' },
    {
      $set: { status: 'UNDER_REVIEW', reviewerId: ctx.principal.staffId ?? ctx.principal.org ?? 'bureau', reviewStartedAt: new Date() },
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
  assertDecides(ctx, repair, 'decide');
  if (!args.reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
  if (
    !(OPEN_REPAIR_STATUSES as readonly string[]).includes(repair.status) ||
    !(await claimDecision(ctx.models.DecisionClaim, `repair:${repair._id}`, ctx.principal.org ?? 'bureau'))
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
        reviewerId: ctx.principal.staffId ?? ctx.principal.org ?? 'bureau',
      },
      $inc: { version: 1 },
    },
    { returnDocument: 'after' },
  )
    .lean()
    .exec();
  if (args.approve) {
    await recordAction(ctx, repair.bureau, { recordId: repair.recordId, personId: repair.personId, objectionId: repair._id, action: 'REPAIR' });
    // "An approved repair asks the person for a credit commitment": the application's statement, to the department.
    await commitAfterRepair(ctx, repair);
  }
  await notifyPerson(ctx.models.Notification, {
    personId: repair.personId,
    kind: 'REPAIR_DECIDED',
    caseId: repair._id,
    outcome: args.approve ? 'APPROVED' : 'REJECTED',
    message: `Your application to repair ${repair.bureau} record ${repair.recordId} was ${
      args.approve
        ? `approved: the record is no longer shown or used. Your statement stands as your credit commitment to ${repair.bureau} for ${policy().commitments.repairCommitmentMonths} months (Person.creditCommitments); breaking it is recorded`
        : 'rejected'
    }. ${args.reason}`,
  });
  return decided!;
}
