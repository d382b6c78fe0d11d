import { randomBytes, randomUUID } from 'node:crypto';

import {
  addWorkingDays,
  badInput,
  categoryPolicy,
  codedError,
  decidesRecordsOf,
  logActorRole,
  maskCitizenIdsIn,
  policy,
  sha256,
  todayInCity,
  type Page,
  type PageArgs,
} from '@credit/shared';

import { claimDecision } from '../cases/models/DecisionClaim';
import { recordAction } from '../cases/objections';
import { casesByDeadline } from '../cases/resolvers/overdue';
import type { Context } from '../context';
import { recordReads } from '../query-log/record-reads';
import { OPEN_REPORT_STATES, type DishonestyReportDoc, type DishonestyReportState } from './models/DishonestyReport';

/**
 * Reports of dishonest behaviour (举报, seed 二(五)三: 建立健全个人严重失信
 * 行为披露、曝光与举报制度). Anyone reports; the report goes to the
 * department that records the category and is decided there ("who records
 * it, decides it"): accepted with the record the department wrote through
 * its own ingestion, or dismissed with reasons. The reporter follows it by
 * a receipt code and learns nothing of anyone; whether the person reported
 * is known is never said. Reading reports names the people reported, so
 * every page read is in their query logs.
 */

/** What a read of reports is logged as in the person's query log. */
const REPORTS_READ = 'dishonesty_reports';
// An evidence reference is an identifier (a document number, where a recording is kept), not prose.
const MAX_EVIDENCE_REF_CHARS = 200;
const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A receipt code: 20 characters of a 32-letter alphabet (100 bits), in groups of four. */
function newReceipt(): string {
  const chars = [...randomBytes(20)].map((b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]).join('');
  return `JB-${chars.match(/.{4}/g)!.join('-')}`;
}

/** The digest a receipt is stored and looked up by: case, spaces and dashes do not matter. */
function receiptDigest(receipt: string): string {
  return sha256(receipt.toUpperCase().replace(/[\s-]/g, ''), 'hex');
}

export interface DishonestyReportInput {
  personId: string;
  category: string;
  occurredOn: string;
  account: string;
  evidenceRefs?: string[] | null;
}

/** What the reporter is answered: the receipt (shown once) and where the report stands. */
export interface DishonestyReportReceiptDoc {
  receipt: string;
  status: DishonestyReportDoc;
}

export async function reportDishonesty(ctx: Context, report: DishonestyReportInput): Promise<DishonestyReportReceiptDoc> {
  const { maxDishonestyReportChars, maxDishonestyReportEvidenceRefs } = policy().limits;
  const today = todayInCity();
  if (report.occurredOn > today) throw badInput('occurredOn is in the future', 'future date', { argument: 'report.occurredOn' });
  const account = report.account.trim();
  if (!account) throw badInput('Say what happened', 'empty account', { argument: 'report.account' });
  if (account.length > maxDishonestyReportChars)
    throw badInput(`At most ${maxDishonestyReportChars} characters, got ${account.length}`, 'account too long', {
      argument: 'report.account',
      max: maxDishonestyReportChars,
    });
  const evidenceRefs = (report.evidenceRefs ?? []).map((r) => r.trim()).filter(Boolean);
  if (evidenceRefs.length > maxDishonestyReportEvidenceRefs || evidenceRefs.some((r) => r.length > MAX_EVIDENCE_REF_CHARS))
    throw badInput(`At most ${maxDishonestyReportEvidenceRefs} evidence references of ${MAX_EVIDENCE_REF_CHARS} characters each`, 'too much evidence', {
      argument: 'report.evidenceRefs',
      max: maxDishonestyReportEvidenceRefs,
    });
  const receipt = newReceipt();
  const doc: DishonestyReportDoc = {
    _id: `RPT-${randomUUID()}`,
    receiptDigest: receiptDigest(receipt),
    personId: report.personId,
    category: report.category,
    bureau: categoryPolicy(report.category).bureau,
    occurredOn: report.occurredOn,
    account,
    evidenceRefs,
    reporterRole: logActorRole(ctx.principal.role),
    state: 'RECEIVED',
    receivedAt: new Date(),
    dueOn: addWorkingDays(today, policy().deadlines.dishonestyReportDecisionWorkingDays),
    reviewer: null,
    reviewStartedAt: null,
    decidedAt: null,
    decisionReason: null,
    recordId: null,
  };
  await ctx.models.DishonestyReport.create(doc);
  return { receipt, status: doc };
}

/** Where the report of this receipt stands; null when the code names none. */
export async function dishonestyReportStatus(ctx: Context, receipt: string): Promise<DishonestyReportDoc | null> {
  return ctx.models.DishonestyReport.findOne({ receiptDigest: receiptDigest(receipt) })
    .lean<DishonestyReportDoc>()
    .exec();
}

async function reportFor(ctx: Context, id: string, verb: string): Promise<DishonestyReportDoc> {
  const report = await ctx.models.DishonestyReport.findById(id).lean<DishonestyReportDoc>().exec();
  // Another department's report is answered as no report: its existence is not the caller's to know.
  if (!report || !decidesRecordsOf(ctx.principal, report.bureau)) {
    if (ctx.principal.role !== 'bureau') throw codedError('FORBIDDEN', `Only an operator of the department a report went to ${verb} it`);
    throw badInput(`No report ${id} for ${ctx.principal.org}`, 'unknown report', { argument: 'id' });
  }
  return report;
}

/**
 * Reports of the caller's department (its operators) or of every
 * department (reviewers), by deadline, oldest first; the people on the page
 * have the read in their query logs before it is answered.
 */
export function dishonestyReports(ctx: Context, args: PageArgs & { status?: readonly DishonestyReportState[] | null }): Promise<Page<DishonestyReportDoc>> {
  const filter: Record<string, unknown> = {};
  if (ctx.principal.role !== 'reviewer') filter.bureau = ctx.principal.org;
  if (args.status?.length) filter.state = { $in: [...args.status] };
  return casesByDeadline(ctx.models.DishonestyReport, filter, args, ctx, [REPORTS_READ]);
}

export async function startDishonestyReportReview(ctx: Context, id: string): Promise<DishonestyReportDoc> {
  const report = await reportFor(ctx, id, 'reviews');
  if (report.state === 'UNDER_REVIEW') return report;
  if (report.state !== 'RECEIVED') throw codedError('CONFLICT', `Report ${id} was already decided`, { status: report.state });
  const started = await ctx.models.DishonestyReport.findOneAndUpdate(
    { _id: id, state: 'RECEIVED' },
    { $set: { state: 'UNDER_REVIEW', reviewer: ctx.principal.staffId ?? ctx.principal.org ?? null, reviewStartedAt: new Date() } },
    { returnDocument: 'after' },
  )
    .lean<DishonestyReportDoc>()
    .exec();
  await recordReads(ctx, [report.personId], [REPORTS_READ]);
  return started ?? (await ctx.models.DishonestyReport.findById(id).lean<DishonestyReportDoc>().exec())!;
}

export async function decideDishonestyReport(
  ctx: Context,
  args: { id: string; outcome: 'ACCEPTED' | 'DISMISSED'; reason: string; recordId?: string | null },
): Promise<DishonestyReportDoc> {
  const report = await reportFor(ctx, args.id, 'decides');
  if (!args.reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
  if (args.outcome === 'ACCEPTED') {
    if (!args.recordId) throw badInput('Name the record written for the report', 'no record', { argument: 'recordId' });
    // The record must be the department's, about the person reported: written through its ingestion first.
    const found = await recordAction(ctx, report.bureau, { recordId: args.recordId, personId: report.personId, action: 'CHECK_EXISTS' });
    if (found !== 'DONE') throw badInput(`${report.bureau} has no record ${args.recordId} of the person reported`, 'unknown record', { argument: 'recordId' });
  } else if (args.recordId) {
    throw badInput('A dismissed report names no record', 'record on dismissal', { argument: 'recordId' });
  }
  if (!OPEN_REPORT_STATES.includes(report.state) || !(await claimDecision(ctx.models.DecisionClaim, `report:${report._id}`, ctx.principal.org ?? 'bureau')))
    throw codedError('CONFLICT', `Report ${args.id} was already decided`, { status: report.state });
  const decided = await ctx.models.DishonestyReport.findOneAndUpdate(
    { _id: report._id },
    {
      $set: {
        state: args.outcome,
        decidedAt: new Date(),
        // The reasons are the department's; no other person's ID in them.
        decisionReason: maskCitizenIdsIn(args.reason, report.personId),
        recordId: args.outcome === 'ACCEPTED' ? args.recordId : null,
      },
    },
    { returnDocument: 'after' },
  )
    .lean<DishonestyReportDoc>()
    .exec();
  return decided!;
}
