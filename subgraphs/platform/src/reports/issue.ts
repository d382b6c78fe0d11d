import { createHash } from 'node:crypto';

import { addDays, badInput, codedError, policy, startOfCityDay, todayInCity } from '@credit/shared';
import type { GraphQLSchema } from 'graphql';

import type { Context } from '../context';
import type { CreditReportVerification, IssuedCreditReport } from '../generated/graphql';
import { reportContents } from './contents';
import type { CreditReportDoc } from './models/CreditReport';
import { renderCreditReport } from './pdf';
import { codeHash, codeMatches, creditReportSigningKey, newReportNumber, newVerificationCode, reportSignatureHolds, signReport } from './signing';

/**
 * Issues the signed-in person's report: gathers it, renders it, signs the
 * file's hash and records the issue, and only then answers with the file
 * (an issue that could not be recorded is not answered).
 */
export async function issueCreditReport(ctx: Context, schema: GraphQLSchema): Promise<IssuedCreditReport> {
  const subjectId = ctx.principal.subjectId!;
  await withinDailyLimit(ctx, subjectId);
  const contents = await reportContents(subjectId, schema, ctx);
  const key = creditReportSigningKey();
  const issuedAt = new Date();
  const number = newReportNumber(issuedAt);
  const verificationCode = newVerificationCode();
  const pdf = await renderCreditReport(contents, { number, verificationCode, issuedAt, keyId: key.keyId });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const record: CreditReportDoc = {
    _id: number,
    subjectId,
    issuedAt,
    verificationCodeHash: codeHash(verificationCode),
    sha256,
    bytes: pdf.length,
    keyId: key.keyId,
    signature: signReport(key, { _id: number, issuedAt, subjectId, sha256 }),
  };
  await ctx.models.CreditReport.create(record);
  // The number and size only: the report names the person, the log line does not.
  ctx.log.info('credit report issued', { report: number, bytes: pdf.length });
  return { number, issuedAt, verificationCode, sha256, pdfBase64: pdf.toString('base64'), fileName: `${number}.pdf` };
}

/**
 * A person issues at most `limits.creditReportsPerDay` reports a day in the
 * city: each asks every source and renders a PDF, so one caller cannot
 * make the platform do it without end. Counted from the issue log (its
 * index by person and time); two issues at the same instant may both pass.
 */
async function withinDailyLimit(ctx: Context, subjectId: string): Promise<void> {
  const limit = policy().limits.creditReportsPerDay;
  const today = todayInCity();
  const issuedToday = await ctx.models.CreditReport.countDocuments({ subjectId, issuedAt: { $gte: startOfCityDay(today) } }).exec();
  if (issuedToday < limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((startOfCityDay(addDays(today, 1)).getTime() - Date.now()) / 1000));
  throw codedError('RATE_LIMITED', `At most ${limit} credit reports a day can be issued; the next one from tomorrow (Asia/Shanghai)`, {
    retryAfterSeconds,
    limit,
  });
}

const REPORT_NUMBER = /^MYCR\d{8}-[0-9A-Z]{10}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Whether a file is a report the platform issued, unaltered (see `Query.verifyCreditReport`). */
export async function verifyCreditReport(ctx: Context, args: { number: string; verificationCode: string; sha256: string }): Promise<CreditReportVerification> {
  const number = args.number.trim().toUpperCase();
  const sha256 = args.sha256.trim().toLowerCase();
  if (!REPORT_NUMBER.test(number))
    throw badInput('number is not a credit report number (MYCR, eight digits, a dash, ten characters)', 'bad report number', { argument: 'number' });
  if (!SHA256_HEX.test(sha256)) throw badInput('sha256 must be the 64 hexadecimal digits of the file’s SHA-256', 'bad sha256', { argument: 'sha256' });
  const unknown: CreditReportVerification = { verdict: 'UNKNOWN', number, issuedAt: null };
  const report = await ctx.models.CreditReport.findById(number).lean().exec();
  // A wrong code answers as a number never issued: the answer tells nothing to someone without the report.
  if (!report || !codeMatches(args.verificationCode, report.verificationCodeHash)) return unknown;
  if (!reportSignatureHolds(creditReportSigningKey().publicKey, report)) {
    ctx.log.error('a credit report record fails its signature: not written by the platform, or altered', { report: number, keyId: report.keyId });
    return unknown;
  }
  return { verdict: report.sha256 === sha256 ? 'GENUINE' : 'ALTERED', number, issuedAt: report.issuedAt };
}
