import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Stack } from '@credit/scripts/dist/stack';
import { addMonths, makeCitizenId, maskCitizenId, policy, todayInCity } from '@credit/shared';

import { authHeader, insertResidents, recordsChanged, startTestStack } from '../harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const person = makeCitizenId('510703', '1985-04-12', 41);
const today = todayInCity();

const ISSUE = /* GraphQL */ `
  mutation {
    issueCreditReport {
      number
      issuedAt
      verificationCode
      sha256
      pdfBase64
      fileName
    }
  }
`;
const VERIFY = /* GraphQL */ `
  query ($number: String!, $code: String!, $sha256: String!) {
    verifyCreditReport(number: $number, verificationCode: $code, sha256: $sha256) {
      verdict
      number
      issuedAt
    }
  }
`;

const asSubject = () => authHeader({ role: 'subject', sub: person });
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The text of a PDF as poppler reads it: what a reader of the file sees, glyphs mapped back to characters. */
function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'credit-report-')), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

async function verify(number: string, code: string, sha256: string, headers: Record<string, string> = {}) {
  const { body } = await stack.query(VERIFY, { number, code, sha256 }, headers);
  return body;
}

describe('the credit report', () => {
  let issued: Json;
  let pdf: Buffer;

  beforeAll(async () => {
    await insertResidents(stack, [{ id: person, name: '赵信达' }]);
    const { body } = await stack.query(
      'mutation ($records: [JSONObject!]!) { ingestCourtRecords(kind: DEBTOR_LISTING, records: $records) { created } }',
      {
        records: [
          {
            id: 'CR-1',
            personId: person,
            category: 'DISHONEST_JUDGMENT_DEBTOR',
            grade: 'SERIOUS',
            decisionDate: addMonths(today, -2),
            decisionNumber: '(2026)川07执CR-1号',
            authority: '四川省绵阳市中级人民法院',
            legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
            caseNumbers: ['(2026)川07执CR-1号'],
            court: '四川省绵阳市中级人民法院',
            grounds: ['REFUSING_WITH_ABILITY'],
            obligation: '偿还货款',
          },
        ],
      },
      await authHeader({ role: 'bureau', org: 'COURTS' }),
    );
    expect((body.data as Json).ingestCourtRecords.created).toBe(1);
    await recordsChanged(stack, [person]);
    const answer = await stack.query(ISSUE, {}, await asSubject());
    expect(answer.body.errors).toBeUndefined();
    issued = (answer.body.data as Json).issueCreditReport;
    pdf = Buffer.from(issued.pdfBase64 as string, 'base64');
  });

  it('is a numbered PDF whose hash is the one the platform gives', () => {
    expect(issued.number).toMatch(/^MYCR\d{8}-[0-9A-Z]{10}$/);
    expect(issued.number).toContain(today.replaceAll('-', ''));
    expect(issued.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(issued.fileName).toBe(`${issued.number}.pdf`);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(issued.sha256).toBe(sha256Of(pdf));
    // Nothing of the person in the number.
    expect(issued.number).not.toContain(person.slice(6, 14));
  });

  it('shows, in Chinese, the number, the identity masked and in full, and the record with its display period and measures', () => {
    const text = pdfText(pdf);
    expect(text).toContain('个人信用报告');
    expect(text).toContain(issued.number);
    expect(text).toContain(issued.verificationCode);
    expect(text).toContain('赵信达');
    expect(text).toContain('赵**');
    expect(text).toContain(person);
    expect(text).toContain(maskCitizenId(person));
    expect(text).toContain('户籍人口');
    expect(text).toContain('失信被执行人');
    expect(text).toContain('绵阳市中级人民法院');
    expect(text).toContain('CR-1');
    expect(text).toContain(addMonths(today, -2));
    expect(text).toContain('限制担任公职');
  });

  it('is verified as genuine by anyone with its number, code and file, and as altered when a byte changes', async () => {
    const genuine = await verify(issued.number, issued.verificationCode.toLowerCase(), issued.sha256);
    expect(genuine.errors).toBeUndefined();
    expect((genuine.data as Json).verifyCreditReport).toEqual({ verdict: 'GENUINE', number: issued.number, issuedAt: issued.issuedAt });

    const changed = Buffer.from(pdf);
    changed[Math.floor(changed.length / 2)] ^= 0x01;
    const altered = await verify(issued.number, issued.verificationCode, sha256Of(changed));
    expect((altered.data as Json).verifyCreditReport).toEqual({ verdict: 'ALTERED', number: issued.number, issuedAt: issued.issuedAt });
  });

  it('tells nothing to someone without the code, and says why a number or hash is malformed', async () => {
    const wrongCode = await verify(issued.number, 'AAAA-AAAA', issued.sha256);
    expect((wrongCode.data as Json).verifyCreditReport).toEqual({ verdict: 'UNKNOWN', number: issued.number, issuedAt: null });
    const badNumber = await verify('12345', issued.verificationCode, issued.sha256);
    expect(badNumber.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badNumber.errors?.[0]?.extensions?.argument).toBe('number');
    const badHash = await verify(issued.number, issued.verificationCode, 'not-a-hash');
    expect(badHash.errors?.[0]?.extensions?.argument).toBe('sha256');
  });

  it('does not take a record written into the database without the platform key for an issued report', async () => {
    const reports = stack.subgraphs.platform!.connection.db!.collection('credit_reports');
    const changed = Buffer.from(pdf);
    changed[10] ^= 0x01;
    await reports.updateOne({ _id: issued.number as never }, { $set: { sha256: sha256Of(changed) } });
    try {
      const forged = await verify(issued.number, issued.verificationCode, sha256Of(changed));
      expect((forged.data as Json).verifyCreditReport.verdict).toBe('UNKNOWN');
    } finally {
      await reports.updateOne({ _id: issued.number as never }, { $set: { sha256: issued.sha256 } });
    }
  });

  it('is logged: the person sees the reports they issued, nobody else does', async () => {
    const query = 'query ($id: CitizenId!) { person(id: $id) { creditReports { totalCount nodes { number issuedAt sha256 } } } }';
    const own = await stack.query(query, { id: person }, await asSubject());
    expect((own.body.data as Json).person.creditReports).toEqual({
      totalCount: 1,
      nodes: [{ number: issued.number, issuedAt: issued.issuedAt, sha256: issued.sha256 }],
    });
    const anonymous = await stack.query(query, { id: person });
    expect((anonymous.body.data as Json | undefined)?.person?.creditReports ?? null).toBeNull();
  });

  it('is issued at most the policy’s number of times a day to one person, then refused until the next day', async () => {
    const limit = policy().limits.creditReportsPerDay;
    const headers = await asSubject();
    // One was issued above.
    for (let n = 1; n < limit; n++) expect((await stack.query(ISSUE, {}, headers)).body.errors).toBeUndefined();
    const refused = await stack.query(ISSUE, {}, headers);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit });
    expect(refused.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(86_400);
  });

  it('is issued only to the signed-in person', async () => {
    const anonymous = await stack.query(ISSUE, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const partner = await stack.query(ISSUE, {}, await authHeader({ role: 'partner', org: '91510700MA62TK7X8' }));
    expect(partner.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
