import { randomUUID } from 'node:crypto';

import {
  addWorkingDays,
  badInput,
  callSubgraph,
  codedError,
  decidesRecordsOf,
  departmentFieldNames,
  maskCitizenIdsIn,
  PLATFORM_SERVICE_PRINCIPAL,
  policy,
  sourceOfBureau,
  todayInCity,
  type Bureau,
  type RecordAction,
  type RecordActionResult,
} from '@credit/shared';

import { rederiveFrom } from '../commitments/commitments';
import { platformRecordAction } from '../commitments/platform-records';
import type { Context } from '../context';
import { claimDecision } from './models/DecisionClaim';
import { notifyPerson } from './models/Notification';
import type { ObjectionDoc } from './models/Objection';

/**
 * Objections (异议, MISSION rule 7), the platform's side: filing flags the
 * record in the owning bureau at once; the bureau's operator decides by the
 * deadline in working days; the decision is one conditional update on the
 * decision claim (two deciders cannot both succeed) followed by the
 * objection's update and the bureau clearing or removing the record.
 */

export async function recordAction(
  ctx: Context,
  bureau: Bureau,
  args: { recordId: string; personId: string; objectionId?: string | null; action: RecordAction; statement?: string | null; until?: string | null },
): Promise<RecordActionResult> {
  // The platform's own records (broken commitments) are acted on here, as their department would.
  if (bureau === 'PLATFORM') return platformRecordAction(ctx.models, rederiveFrom(ctx), args);
  // Otherwise only a department holds records; the mutation's name follows from its registry entry.
  const subgraph = sourceOfBureau(bureau);
  if (subgraph?.kind !== 'department')
    throw badInput(`Records of ${bureau} cannot be disputed or repaired here`, 'not a record-holding bureau', { argument: 'bureau' });
  const field = departmentFieldNames(subgraph).recordAction;
  try {
    const data = await callSubgraph<Record<string, RecordActionResult>>({
      subgraph: subgraph.name,
      url: ctx.peerUrl(subgraph.name),
      principal: PLATFORM_SERVICE_PRINCIPAL,
      secret: ctx.internalSecret,
      query: `mutation ($recordId: String!, $personId: CitizenId!, $objectionId: ID, $action: RecordAction!, $statement: String, $until: Date) { ${field}(recordId: $recordId, personId: $personId, objectionId: $objectionId, action: $action, statement: $statement, until: $until) }`,
      variables: { objectionId: null, statement: null, until: null, ...args },
    });
    return data[field]!;
  } catch (err) {
    ctx.log.error('bureau could not act on a record', { err, bureau });
    throw codedError('SUBGRAPH_UNAVAILABLE', `The ${bureau} source is unavailable or refused; retry later`, { subgraph: subgraph.name });
  }
}

export async function fileObjection(ctx: Context, args: { bureau: Bureau; recordId: string; reason: string }): Promise<ObjectionDoc> {
  const personId = ctx.principal.subjectId!;
  if (!args.reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
  const open = await ctx.models.Objection.findOne({ personId, bureau: args.bureau, recordId: args.recordId, status: 'FILED' }).lean().exec();
  // Filing again while one is open answers with the open objection.
  if (open) return open;
  const objectionId = `OBJ-${randomUUID()}`;
  const result = await recordAction(ctx, args.bureau, { recordId: args.recordId, personId, objectionId, action: 'OPEN' });
  if (result === 'NOT_FOUND') throw badInput(`You have no ${args.bureau} record ${args.recordId}`, 'unknown record', { argument: 'recordId' });
  const today = todayInCity();
  const doc: ObjectionDoc = {
    _id: objectionId,
    personId,
    bureau: args.bureau,
    recordId: args.recordId,
    reason: args.reason,
    status: 'FILED',
    filedAt: new Date(),
    dueOn: addWorkingDays(today, policy().deadlines.objectionDecisionWorkingDays),
    decidedAt: null,
    decisionReason: null,
    version: 0,
  };
  await ctx.models.Objection.create(doc);
  return doc;
}

/**
 * An operator of the owning bureau takes the objection up: FILED becomes
 * UNDER_REVIEW, naming the operator, so the person and the reviewers see it
 * is being worked on. Taking it up again changes nothing; a decided
 * objection cannot be taken up.
 */
export async function startObjectionReview(ctx: Context, args: { id: string }): Promise<ObjectionDoc> {
  const objection = await ctx.models.Objection.findById(args.id).lean().exec();
  if (!objection) throw badInput(`No objection ${args.id}`, 'unknown objection', { argument: 'id' });
  if (!decidesRecordsOf(ctx.principal, objection.bureau)) throw codedError('FORBIDDEN', `Only ${objection.bureau} operators review this objection`);
  if (objection.status === 'UNDER_REVIEW') return objection;
  if (objection.status !== 'FILED') throw codedError('CONFLICT', `Objection ${args.id} was already decided`, { status: objection.status });
  // Two operators taking it up at once both see UNDER_REVIEW; the decision is what only one can make.
  const started = await ctx.models.Objection.findOneAndUpdate(
    { _id: args.id, status: 'FILED' },
    { $set: { status: 'UNDER_REVIEW', reviewer: ctx.principal.subjectId ?? ctx.principal.org ?? null, reviewStartedAt: new Date() }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  )
    .lean()
    .exec();
  return started ?? (await ctx.models.Objection.findById(args.id).lean().exec())!;
}

export async function decideObjection(ctx: Context, args: { id: string; outcome: 'CORRECTED' | 'REMOVED' | 'UPHELD'; reason: string }): Promise<ObjectionDoc> {
  const objection = await ctx.models.Objection.findById(args.id).lean().exec();
  if (!objection) throw badInput(`No objection ${args.id}`, 'unknown objection', { argument: 'id' });
  if (!decidesRecordsOf(ctx.principal, objection.bureau)) throw codedError('FORBIDDEN', `Only ${objection.bureau} operators decide this objection`);
  if (!args.reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
  if (
    !['FILED', 'UNDER_REVIEW'].includes(objection.status) ||
    !(await claimDecision(ctx.models.DecisionClaim, `objection:${objection._id}`, ctx.principal.org ?? 'bureau'))
  ) {
    throw codedError('CONFLICT', `Objection ${args.id} was already decided`, { status: objection.status });
  }
  const decided = await ctx.models.Objection.findOneAndUpdate(
    { _id: args.id },
    // The person reads the reasons: no other person's ID in them.
    { $set: { status: args.outcome, decidedAt: new Date(), decisionReason: maskCitizenIdsIn(args.reason, objection.personId) }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  )
    .lean()
    .exec();
  await recordAction(ctx, objection.bureau, {
    recordId: objection.recordId,
    personId: objection.personId,
    objectionId: objection._id,
    action: args.outcome === 'REMOVED' ? 'CLEAR_AND_REMOVE' : 'CLEAR',
  });
  await notifyPerson(ctx.models.Notification, {
    personId: objection.personId,
    kind: 'OBJECTION_DECIDED',
    caseId: objection._id,
    outcome: args.outcome,
    message: `Your objection to ${objection.bureau} record ${objection.recordId} was decided: ${args.outcome}. ${args.reason}`,
  });
  return decided!;
}
