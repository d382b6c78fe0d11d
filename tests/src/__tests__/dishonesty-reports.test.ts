import type { Stack } from '@credit/scripts/dist/stack';
import { addDays, addMonths, addWorkingDays, makeCitizenId, policy, todayInCity } from '@credit/shared';

import { auditorHeader, authHeader, startTestStack } from '../harness';

// 举报 (seed 二(五)三): anyone reports a person's dishonest behaviour; the
// department that records the category decides; the reporter follows it by
// a receipt and sees no one's data.

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const today = todayInCity();
const reported = makeCitizenId('510726', '1980-02-02', 81);
const asPolice = () => authHeader({ role: 'bureau', org: 'PUBLIC_SECURITY' });

const REPORT = /* GraphQL */ `
  mutation ($report: DishonestyReportInput!) {
    reportDishonesty(report: $report) {
      receipt
      status {
        state
        bureau
        dueOn
        decidedAt
      }
    }
  }
`;
const report = (extra: Json = {}) => ({
  personId: reported,
  category: 'SERIOUS_TRAFFIC_VIOLATION',
  occurredOn: addDays(today, -3),
  account: '此人于晚间醉酒后驾驶小型汽车从涪城区临园路驶出，已拍下视频。',
  evidenceRefs: ['视频已交辖区派出所'],
  ...extra,
});
const STATUS = 'query ($receipt: String!) { dishonestyReportStatus(receipt: $receipt) { state bureau dueOn decidedAt } }';
const LIST =
  'query ($status: [DishonestyReportState!]) { dishonestyReports(status: $status) { totalCount nodes { id personId category bureau account evidenceRefs reporterRole state recordId } } }';
const DECIDE = /* GraphQL */ `
  mutation ($id: ID!, $outcome: DishonestyReportOutcome!, $recordId: String) {
    decideDishonestyReport(id: $id, outcome: $outcome, reason: "经核查属实", recordId: $recordId) {
      state
      decisionReason
      recordId
    }
  }
`;

async function file(extra: Json = {}, headers: Record<string, string> = {}) {
  return stack.query(REPORT, { report: report(extra) }, headers);
}

describe('reports of dishonest behaviour', () => {
  let receipt = '';
  let id = '';

  it('takes a report from anyone, routes it to the department of its category and gives a receipt, telling nothing of the person', async () => {
    const { body } = await file();
    expect(body.errors).toBeUndefined();
    const filed = (body.data as Json).reportDishonesty;
    receipt = filed.receipt;
    expect(receipt).toMatch(/^JB-[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    expect(filed.status).toEqual({
      state: 'RECEIVED',
      bureau: 'PUBLIC_SECURITY',
      dueOn: addWorkingDays(today, policy().deadlines.dishonestyReportDecisionWorkingDays),
      decidedAt: null,
    });
    // Followed by its receipt, however it is typed, and by nothing else.
    const followed = await stack.query(STATUS, { receipt: receipt.toLowerCase().replaceAll('-', ' ') });
    expect((followed.body.data as Json).dishonestyReportStatus).toMatchObject({ state: 'RECEIVED', bureau: 'PUBLIC_SECURITY' });
    const guessed = await stack.query(STATUS, { receipt: 'JB-AAAA-AAAA-AAAA-AAAA-AAAA' });
    expect((guessed.body.data as Json).dishonestyReportStatus).toBeNull();
  });

  it('shows the report to the department it went to and to reviewers, not to another department, and logs the read', async () => {
    const police = await stack.query(LIST, {}, await asPolice());
    expect(police.body.errors).toBeUndefined();
    const [seen] = (police.body.data as Json).dishonestyReports.nodes;
    expect(seen).toMatchObject({ personId: reported, category: 'SERIOUS_TRAFFIC_VIOLATION', reporterRole: 'PUBLIC', state: 'RECEIVED', recordId: null });
    id = seen.id;
    const tax = await stack.query(LIST, {}, await authHeader({ role: 'bureau', org: 'TAX' }));
    expect((tax.body.data as Json).dishonestyReports.totalCount).toBe(0);
    const taxDecides = await stack.query(DECIDE, { id, outcome: 'DISMISSED' }, await authHeader({ role: 'bureau', org: 'TAX' }));
    expect(taxDecides.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const reviewer = await stack.query(LIST, {}, await authHeader({ role: 'reviewer', org: 'mianyang-credit-platform' }));
    expect((reviewer.body.data as Json).dishonestyReports.totalCount).toBe(1);
    const anonymous = await stack.query(LIST, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const log = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { queryLog(first: 10) { nodes { actorRole actorId fieldGroups } } } }',
      { id: reported },
      await auditorHeader(),
    );
    expect((log.body.data as Json).person.queryLog.nodes).toContainEqual({
      actorRole: 'BUREAU',
      actorId: 'PUBLIC_SECURITY',
      fieldGroups: ['dishonesty_reports'],
    });
  });

  it('is accepted with the record the department wrote for it, once, and the reporter sees the outcome', async () => {
    const started = await stack.query('mutation ($id: ID!) { startDishonestyReportReview(id: $id) { state } }', { id }, await asPolice());
    expect((started.body.data as Json).startDishonestyReportReview.state).toBe('UNDER_REVIEW');
    expect(((await stack.query(STATUS, { receipt })).body.data as Json).dishonestyReportStatus.state).toBe('UNDER_REVIEW');
    const noRecord = await stack.query(DECIDE, { id, outcome: 'ACCEPTED' }, await asPolice());
    expect(noRecord.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'no record' });
    const notWritten = await stack.query(DECIDE, { id, outcome: 'ACCEPTED', recordId: 'PSB-JB-1' }, await asPolice());
    expect(notWritten.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'unknown record' });
    // The department records what it found through its own ingestion, then accepts the report with it.
    const ingested = await stack.query(
      'mutation ($records: [JSONObject!]!) { ingestPublicSecurityRecords(kind: VIOLATION, records: $records) { created } }',
      {
        records: [
          {
            id: 'PSB-JB-1',
            personId: reported,
            category: 'SERIOUS_TRAFFIC_VIOLATION',
            grade: 'SERIOUS',
            decisionDate: today,
            decisionNumber: '绵公交罚〔2026〕81号',
            authority: '绵阳市公安局交通警察支队',
            legalBasis: '《中华人民共和国道路交通安全法》第91条',
            description: '醉酒驾驶机动车',
            penalty: '吊销机动车驾驶证',
          },
        ],
      },
      await asPolice(),
    );
    expect((ingested.body.data as Json).ingestPublicSecurityRecords.created).toBe(1);
    const [a, b] = await Promise.all([
      stack.query(DECIDE, { id, outcome: 'ACCEPTED', recordId: 'PSB-JB-1' }, await asPolice()),
      stack.query(DECIDE, { id, outcome: 'DISMISSED' }, await asPolice()),
    ]);
    const outcomes = [a, b].map((r) => (r.body.data as Json | null)?.decideDishonestyReport?.state ?? r.body.errors?.[0]?.extensions?.code);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(1);
    const followed = ((await stack.query(STATUS, { receipt })).body.data as Json).dishonestyReportStatus;
    expect(['ACCEPTED', 'DISMISSED']).toContain(followed.state);
    expect(followed.decidedAt).not.toBeNull();
    expect(JSON.stringify(followed)).not.toContain(reported);
  });

  it('is dismissed with reasons and no record', async () => {
    const filed = (await file({ occurredOn: addMonths(today, -2) })).body.data as Json;
    const police = await stack.query(LIST, { status: ['RECEIVED'] }, await asPolice());
    const open = ((police.body.data as Json).dishonestyReports.nodes as Json[]).find((r) => r.state === 'RECEIVED')!;
    const withRecord = await stack.query(DECIDE, { id: open.id, outcome: 'DISMISSED', recordId: 'PSB-JB-1' }, await asPolice());
    expect(withRecord.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'record on dismissal' });
    const dismissed = await stack.query(DECIDE, { id: open.id, outcome: 'DISMISSED' }, await asPolice());
    expect((dismissed.body.data as Json).decideDishonestyReport).toEqual({ state: 'DISMISSED', decisionReason: '经核查属实', recordId: null });
    const followed = await stack.query(STATUS, { receipt: filed.reportDishonesty.receipt });
    expect((followed.body.data as Json).dishonestyReportStatus.state).toBe('DISMISSED');
  });

  it('refuses a report of the future, without an account, or of a category the policy does not have', async () => {
    const signedIn = await authHeader({ role: 'subject', sub: makeCitizenId('510703', '1990-01-01', 11) });
    const future = await file({ occurredOn: addDays(today, 1) }, signedIn);
    expect(future.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'future date' });
    const empty = await file({ account: '   ' }, signedIn);
    expect(empty.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'empty account' });
    const tooLong = await file({ account: '醉'.repeat(policy().limits.maxDishonestyReportChars + 1) }, signedIn);
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'account too long' });
    const unknown = await file({ category: 'NOT_A_CATEGORY' }, signedIn);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('limits how many reports each anonymous caller makes a day: 429 RATE_LIMITED with Retry-After', async () => {
    const limit = policy().limits.dishonestyReportsPerDay.anonymous;
    const post = () =>
      fetch(stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REPORT, variables: { report: report() } }),
      });
    let refused: Response | null = null;
    // Two reports of this caller are already in (above); at most the whole budget again.
    for (let k = 0; k <= limit && !refused; k++) {
      const res = await post();
      if (res.status === 429) refused = res;
      else expect(res.headers.get('ratelimit-limit')).toBe(String(limit));
    }
    expect(refused).not.toBeNull();
    const retryAfter = Number(refused!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(((await refused!.json()) as Json).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
