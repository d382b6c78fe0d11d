import { randomUUID } from 'node:crypto';

import { addWorkingDays, badInput, codedError, maskCitizenIdsIn, policy, todayInCity, type Page, type PageArgs } from '@credit/shared';

import { claimDecision } from '../cases/models/DecisionClaim';
import { notifyPerson } from '../cases/models/Notification';
import { casesByDeadline } from '../cases/resolvers/overdue';
import type { Context } from '../context';
import { proposeIfMisconduct } from './misconduct';
import type { ComplaintDoc, ComplaintStatus } from './models/Complaint';

/**
 * Complaints about an institution's use of a person's data (seed 二(三)一):
 * the person names the institution, the misconduct (a ground of the
 * policy's catalogue: a query they did not consent to, a purpose they
 * dispute, …) and, when they have it, the query-log entry of the read; a
 * platform reviewer upholds or dismisses it by `dueOn`, one decision
 * winning, and the person is told. An upheld complaint counts towards the
 * institution's misconduct (misconduct.ts).
 */

export async function fileComplaint(
  ctx: Context,
  args: { institutionId: string; ground: string; reason: string; queryLogSequence?: string | null },
): Promise<ComplaintDoc> {
  const personId = ctx.principal.subjectId!;
  const institutionId = args.institutionId.toUpperCase();
  // A sequence of the log is a positive integer, sent as a string like the log's own.
  if (args.queryLogSequence != null && !/^[1-9]\d{0,15}$/.test(args.queryLogSequence))
    throw badInput(`${args.queryLogSequence} is not a sequence of the query log`, 'not a sequence', { argument: 'queryLogSequence' });
  const sequence = args.queryLogSequence == null ? null : Number(args.queryLogSequence);
  if (!args.reason.trim()) throw badInput('Say what the institution did', 'empty reason', { argument: 'reason' });
  if (!(await ctx.models.Institution.exists({ _id: institutionId })))
    throw badInput(`No institution ${institutionId} is registered with the platform`, 'unknown institution', { argument: 'institutionId' });
  if (sequence !== null) {
    const entry = await ctx.models.QueryLogEntry.findOne({ sequence }).lean().exec();
    const aboutPerson = entry && (entry.personId === personId || (entry.subjects ?? []).includes(personId));
    if (!aboutPerson || entry.institution?.id !== institutionId)
      throw badInput(`Entry ${args.queryLogSequence} of your query log is not a read of you by ${institutionId}`, 'not your read', {
        argument: 'queryLogSequence',
      });
  }
  const doc: ComplaintDoc = {
    _id: `CMP-${randomUUID()}`,
    personId,
    institutionId,
    ground: args.ground,
    reason: maskCitizenIdsIn(args.reason.trim(), personId),
    queryLogSequence: sequence,
    status: 'FILED',
    filedAt: new Date(),
    dueOn: addWorkingDays(todayInCity(), policy().deadlines.complaintDecisionWorkingDays),
    decidedAt: null,
    decisionReason: null,
    reviewerId: null,
  };
  await ctx.models.Complaint.create(doc);
  return doc;
}

export async function decideComplaint(ctx: Context, args: { id: string; upheld: boolean; reason: string }): Promise<ComplaintDoc> {
  const complaint = await ctx.models.Complaint.findById(args.id).lean().exec();
  if (!complaint) throw badInput(`No complaint ${args.id}`, 'unknown complaint', { argument: 'id' });
  if (!args.reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
  if (complaint.status !== 'FILED' || !(await claimDecision(ctx.models.DecisionClaim, `complaint:${complaint._id}`, ctx.principal.org ?? 'reviewer')))
    throw codedError('CONFLICT', `Complaint ${args.id} was already decided`, { status: complaint.status });
  const status: ComplaintStatus = args.upheld ? 'UPHELD' : 'DISMISSED';
  const decided = await ctx.models.Complaint.findOneAndUpdate(
    { _id: complaint._id },
    {
      $set: {
        status,
        decidedAt: new Date(),
        decisionReason: maskCitizenIdsIn(args.reason, complaint.personId),
        reviewerId: ctx.principal.staffId ?? ctx.principal.org ?? 'reviewer',
      },
    },
    { returnDocument: 'after' },
  )
    .lean()
    .exec();
  await notifyPerson(ctx.models.Notification, {
    personId: complaint.personId,
    kind: 'COMPLAINT_DECIDED',
    caseId: complaint._id,
    outcome: status,
    message: `Your complaint about ${complaint.institutionId} was ${args.upheld ? 'upheld: it counts towards the institution’s misconduct' : 'dismissed'}. ${args.reason}`,
  });
  if (args.upheld) await proposeIfMisconduct(ctx.models, complaint.institutionId, todayInCity(), ctx.log);
  return decided!;
}

/** Complaints for reviewers, by deadline, oldest first; each page's people have the read in their query logs. */
export function complaints(ctx: Context, args: PageArgs & { status?: readonly ComplaintStatus[] | null }): Promise<Page<ComplaintDoc>> {
  return casesByDeadline(ctx.models.Complaint, args.status?.length ? { status: { $in: [...args.status] } } : {}, args, ctx);
}
