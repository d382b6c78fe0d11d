import { randomUUID } from 'node:crypto';

import {
  addMonths,
  badInput,
  categoryPolicy,
  codedError,
  DEPARTMENTS,
  isDuplicateKeyError,
  maskCitizenIdsIn,
  opaqueId,
  paginate,
  policy,
  rewardMeasuresFor,
  sourceOfBureau,
  todayInCity,
  type Page,
  type PageArgs,
} from '@credit/shared';

import { claimDecision } from '../cases/models/DecisionClaim';
import { notifyPerson } from '../cases/models/Notification';
import type { Context } from '../context';
import { recordReads } from '../query-log/record-reads';
import { companiesFromDepartments, factsFromBureaus, recomputeJointPunishment } from '../standing/joint-punishment';
import { checkStanding, standingsOf } from '../standing/listing-index';
import type { BrokenCommitmentRecordDoc } from './models/BrokenCommitmentRecord';
import type { CommitmentKind, CreditCommitmentDoc } from './models/CreditCommitment';
import type { Rederive } from './platform-records';

/**
 * Credit commitments (信用承诺, seed 二(一)四: 组织签署入职信用承诺书; 告知承诺
 * and 容缺受理 in licensing; the commitment after a credit repair). The
 * person commits, through the platform, to a registered employer on
 * joining, or to a department that licenses on a commitment (告知承诺) or
 * accepts an application with documents to follow (容缺受理, open to the
 * green channel's people only); an approved repair makes its statement a
 * commitment to the department that decided it. The receiver reads what was
 * committed to it (each page logged for its people, who are shown masked)
 * and reports a commitment broken, once, for a day within it: the platform
 * then writes a negative record of its own (BROKEN_CREDIT_COMMITMENT, the
 * category's grade) and tells the person how to dispute it.
 */

export type CommitmentStatus = 'IN_FORCE' | 'KEPT' | 'BROKEN';

/** Where a commitment stands on `today`: broken once reported, kept once past its last day. */
export function commitmentStatus(doc: Pick<CreditCommitmentDoc, 'broken' | 'until'>, today: string = todayInCity()): CommitmentStatus {
  if (doc.broken) return 'BROKEN';
  return today > doc.until ? 'KEPT' : 'IN_FORCE';
}

const CATEGORY = 'BROKEN_CREDIT_COMMITMENT';
const RECEIVED_READ = ['credit_commitments'];

function checkedText(text: string, argument: string): string {
  const trimmed = text.trim();
  const max = policy().commitments.maxContentChars;
  if (!trimmed) throw badInput('Say what is committed', 'empty text', { argument });
  if ([...trimmed].length > max) throw badInput(`At most ${max} characters (policy commitments.maxContentChars)`, 'text too long', { argument, max });
  return trimmed;
}

/** The receiver a person may commit to for a kind, with its name; BAD_USER_INPUT otherwise. */
async function receiverOf(ctx: Context, kind: CommitmentKind, receiver: string): Promise<string> {
  if (kind === 'EMPLOYMENT') {
    const institution = await ctx.models.Institution.findById(receiver).lean().exec();
    if (!institution)
      throw badInput(`No registered institution ${receiver}: an employer registers with the platform first`, 'unknown receiver', { argument: 'receiver' });
    return institution.name;
  }
  const department = DEPARTMENTS.find((d) => d.bureau === receiver);
  if (!department) throw badInput(`${receiver} is not a department that licenses`, 'unknown receiver', { argument: 'receiver' });
  return department.nameZh ?? department.label;
}

/** The subject commits (EMPLOYMENT, NOTIFICATION_COMMITMENT, MISSING_DOCUMENTS) to a receiver until a day. */
export async function makeCreditCommitment(
  ctx: Context,
  args: { kind: CommitmentKind; receiver: string; content: string; until: string },
): Promise<CreditCommitmentDoc> {
  const personId = ctx.principal.subjectId!;
  if (args.kind === 'REPAIR') throw badInput('A repair’s commitment is made when the repair is approved', 'made by the platform', { argument: 'kind' });
  const content = maskCitizenIdsIn(checkedText(args.content, 'content'), personId);
  const today = todayInCity();
  const latest = addMonths(today, policy().commitments.maxMonths);
  if (args.until <= today || args.until > latest)
    throw badInput(`A commitment runs until a day after today and at most until ${latest} (policy commitments.maxMonths)`, 'until out of range', {
      argument: 'until',
      latest,
    });
  if (args.kind === 'MISSING_DOCUMENTS') {
    // 容缺受理 is a measure of joint reward: open to the green channel's people only.
    const [standing] = await standingsOf(ctx.models, [personId]);
    const grounds = checkStanding(personId, standing, today).greenChannelGrounds;
    if (!rewardMeasuresFor(grounds).includes('ACCEPTANCE_WITH_MISSING_DOCUMENTS'))
      throw codedError('FORBIDDEN', '容缺受理 is open only to people with good records or years without a bad one (policy rewardMeasures)', {
        reason: 'not eligible',
      });
  }
  const doc: CreditCommitmentDoc = {
    _id: `CMT-${randomUUID()}`,
    personId,
    kind: args.kind,
    receiverId: args.receiver,
    receiverName: await receiverOf(ctx, args.kind, args.receiver),
    content,
    signedOn: today,
    until: args.until,
    repairId: null,
    broken: null,
    createdAt: new Date(),
  };
  await ctx.models.CreditCommitment.create(doc);
  return doc;
}

/**
 * The commitment an approved repair asks of the person: its statement, to
 * the department that decided it, for `commitments.repairCommitmentMonths`.
 * Once per repair (its id derives from the repair's).
 */
export async function commitAfterRepair(ctx: Context, repair: { _id: string; personId: string; bureau: string; statement: string }): Promise<void> {
  const today = todayInCity();
  const department = sourceOfBureau(repair.bureau);
  await ctx.models.CreditCommitment.create({
    _id: opaqueId('CMT', repair._id),
    personId: repair.personId,
    kind: 'REPAIR',
    receiverId: repair.bureau,
    receiverName: department?.nameZh ?? department?.label ?? repair.bureau,
    content: repair.statement,
    signedOn: today,
    until: addMonths(today, policy().commitments.repairCommitmentMonths),
    repairId: repair._id,
    broken: null,
    createdAt: new Date(),
  } satisfies CreditCommitmentDoc).catch((err: unknown) => {
    // Made already (an approval repeated): once per repair.
    if (!isDuplicateKeyError(err)) throw err;
  });
}

/** Who receives commitments as this caller: a partner institution, or a department's operator. */
function receiverIdOf(ctx: Context): string {
  const { role, org, blacklisted } = ctx.principal;
  const receives = (role === 'partner' && !blacklisted) || role === 'bureau';
  if (receives && org) return org;
  throw codedError('FORBIDDEN', 'Only the receiver of a commitment (a registered employer, a department) reads or reports it');
}

/** The commitments made to the caller, newest first; the page is logged for its people. */
export async function commitmentsReceived(ctx: Context, args: PageArgs): Promise<Page<CreditCommitmentDoc>> {
  const receiverId = receiverIdOf(ctx);
  const all = await ctx.models.CreditCommitment.find({ receiverId }).lean().exec();
  all.sort((a, b) => (a.signedOn === b.signedOn ? a._id.localeCompare(b._id) : b.signedOn.localeCompare(a.signedOn)));
  const page = paginate(all, args, (c) => c._id);
  await recordReads(
    ctx,
    page.nodes.map((c) => c.personId),
    RECEIVED_READ,
  );
  return page;
}

/**
 * The receiver reports a commitment broken on a day within it (not after
 * today): one report wins; the platform writes the negative record, tells
 * the person and re-derives them.
 */
export async function reportBrokenCommitment(
  ctx: Context,
  args: { id: string; brokenOn: string; reason: string },
  rederive: Rederive,
): Promise<CreditCommitmentDoc> {
  const receiverId = receiverIdOf(ctx);
  const commitment = await ctx.models.CreditCommitment.findById(args.id).lean().exec();
  // Another receiver's commitment is not said to exist.
  if (!commitment || commitment.receiverId !== receiverId)
    throw badInput(`No commitment ${args.id} made to ${receiverId}`, 'unknown commitment', { argument: 'id' });
  const reason = maskCitizenIdsIn(checkedText(args.reason, 'reason'), commitment.personId);
  const today = todayInCity();
  if (args.brokenOn < commitment.signedOn || args.brokenOn > commitment.until || args.brokenOn > today)
    throw badInput(
      `The commitment ran from ${commitment.signedOn} to ${commitment.until}: it is broken on a day within it, not after today`,
      'brokenOn out of range',
      {
        argument: 'brokenOn',
      },
    );
  const claim = `commitment:${commitment._id}`;
  if (commitment.broken || !(await claimDecision(ctx.models.DecisionClaim, claim, ctx.principal.org ?? receiverId)))
    throw codedError('CONFLICT', `Commitment ${args.id} was already reported broken`);
  const category = categoryPolicy(CATEGORY);
  const record: BrokenCommitmentRecordDoc = {
    _id: opaqueId('BCR', commitment._id),
    personId: commitment.personId,
    category: CATEGORY,
    grade: category.grade,
    decisionDate: today,
    decisionNumber: commitment._id,
    authority: commitment.receiverName,
    legalBasis: category.legalBasis,
    commitmentId: commitment._id,
    brokenOn: args.brokenOn,
    reason,
    collectedAt: new Date(),
  };
  try {
    await ctx.models.BrokenCommitmentRecord.create(record);
  } catch (err) {
    // Nothing was recorded: the report can be made again.
    await ctx.models.DecisionClaim.deleteOne({ _id: claim }).exec();
    throw err;
  }
  const broken = {
    on: args.brokenOn,
    reason,
    reportedAt: new Date(),
    reportedBy: ctx.principal.staffId ?? ctx.principal.org ?? receiverId,
    recordId: record._id,
  };
  const updated = await ctx.models.CreditCommitment.findOneAndUpdate({ _id: commitment._id, broken: null }, { $set: { broken } }, { returnDocument: 'after' })
    .lean()
    .exec();
  // The record stands whatever happens next. Deriving the person needs no department unless they hold
  // offices in companies; if it fails, their status waits for `npm run republish` (logged here).
  await rederive([commitment.personId]).catch((err: unknown) =>
    ctx.log.error('broken commitment recorded, person not derived again: run npm run republish', { err }),
  );
  await notifyPerson(ctx.models.Notification, {
    personId: commitment.personId,
    kind: 'COMMITMENT_BROKEN',
    caseId: commitment._id,
    outcome: 'BROKEN',
    message:
      `${commitment.receiverName} reported your credit commitment ${commitment._id} of ${commitment.signedOn} broken on ${args.brokenOn}: ${reason} ` +
      `The platform recorded it (${record._id}, ${category.label}). If it is wrong, file an objection (fileObjection(bureau: PLATFORM, recordId: "${record._id}")); ` +
      'you may add your statement to it, and apply to repair it once its minimum display period has run.',
  });
  return updated ?? { ...commitment, broken };
}

/** Re-derives people after the platform's own records changed, as a department's note would. */
export function rederiveFrom(ctx: Context): Rederive {
  return async (personIds) => {
    await recomputeJointPunishment(ctx.models, personIds, factsFromBureaus(ctx.peerUrl, ctx.internalSecret), {
      bureau: 'PLATFORM',
      companies: companiesFromDepartments(ctx.peerUrl, ctx.internalSecret),
      log: ctx.log,
    });
  };
}
