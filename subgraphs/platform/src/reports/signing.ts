import { createHash, randomInt, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

import { todayInCity } from '@credit/shared';

import { signingKey, type SigningKey, type SigningKeySpec } from '../signing-keys';
import type { CreditReportDoc } from './models/CreditReport';

/**
 * Numbers, verification codes and signatures of credit reports. The number
 * names the report (the issue day and random characters: nothing of the
 * person); the code, printed beside it, is what makes a verification
 * possible only for someone who holds the report; the platform's Ed25519
 * signature over number, issue time, subject and file hash is checked on
 * every verification.
 */

const REPORT_KEY: SigningKeySpec = { variable: 'CREDIT_REPORT_SIGNING_KEY_FILE', devFile: 'credit-report-signing-key.pem', signs: 'credit reports' };

export function creditReportSigningKey(): SigningKey {
  return signingKey(REPORT_KEY);
}

// Crockford's base32: no I, L, O or U to misread when typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCharacters = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A new report number: `MYCR`, the issue day in the city, and 10 random characters (50 bits). */
export function newReportNumber(issuedAt: Date = new Date()): string {
  return `MYCR${todayInCity(issuedAt).replaceAll('-', '')}-${randomCharacters(10)}`;
}

/** A new verification code: 8 random characters (40 bits), shown as two groups of four. */
export function newVerificationCode(): string {
  const code = randomCharacters(8);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code as typed: case, spaces and dashes do not matter, and the letters read as digits are read so. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

export const codeHash = (code: string) =>
  createHash('sha256')
    .update(`credit report code\n${normaliseCode(code)}`)
    .digest('hex');

/** Whether a typed code is the report's, compared in constant time. */
export function codeMatches(code: string, hash: string): boolean {
  const typed = Buffer.from(codeHash(code), 'hex');
  const kept = Buffer.from(hash, 'hex');
  return typed.length === kept.length && timingSafeEqual(typed, kept);
}

type Signed = Pick<CreditReportDoc, '_id' | 'issuedAt' | 'subjectId' | 'sha256'>;

const message = (report: Signed) =>
  Buffer.from(`mianyang-credit credit report\n${report._id}\n${new Date(report.issuedAt).toISOString()}\n${report.subjectId}\n${report.sha256}`);

export function signReport(key: SigningKey, report: Signed): string {
  return sign(null, message(report), key.privateKey).toString('base64url');
}

/** Whether the platform key signed exactly this record. */
export function reportSignatureHolds(publicKey: KeyObject, report: Signed & { signature: string }): boolean {
  try {
    return verify(null, message(report), publicKey, Buffer.from(report.signature, 'base64url'));
  } catch {
    return false;
  }
}
