import type { Stack } from '@credit/scripts/dist/stack';
import { addMonths, addWorkingDays, loadPolicy, makeCitizenId, todayInCity } from '@credit/shared';

import { auditorHeader, authHeader, startTestStack } from '../harness';

let stack: Stack;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const person = makeCitizenId('510725', '1977-07-07', 71);
const today = todayInCity();
const violation = (id: string, monthsAgo: number) => ({
  id,
  personId: person,
  category: 'SERIOUS_TRAFFIC_VIOLATION',
  grade: 'SERIOUS',
  decisionDate: addMonths(today, -monthsAgo),
  decisionNumber: `绵公交罚〔${id}〕号`,
  authority: '绵阳市公安局交通警察支队',
  legalBasis: '《中华人民共和国道路交通安全法》第91条',
  description: '醉酒驾驶机动车',
  penalty: '吊销机动车驾驶证',
});

beforeAll(async () => {
  stack = await startTestStack();
  const { body } = await stack.query(
    'mutation ($records: [JSONObject!]!) { ingestPublicSecurityRecords(kind: VIOLATION, records: $records) { created } }',
    { records: [violation('RP-OLD', 14), violation('RP-NEW', 2), violation('RP-REJ', 13)] },
    await authHeader({ role: 'bureau', org: 'PUBLIC_SECURITY' }),
  );
  expect((body.data as Json).ingestPublicSecurityRecords.created).toBe(3);
});
afterAll(async () => {
  await stack?.stop();
});

const APPLY = /* GraphQL */ `
  mutation ($recordId: String!) {
    applyForRepair(
      bureau: PUBLIC_SECURITY
      recordId: $recordId
      correction: VOLUNTEER_SERVICE
      statement: "已完成交通安全志愿服务120小时"
      evidenceRefs: ["VOL-2026-0001"]
    ) {
      id
      status
      dueOn
    }
  }
`;
const DECIDE = /* GraphQL */ `
  mutation ($id: ID!, $approve: Boolean!) {
    decideRepair(id: $id, approve: $approve, reason: "材料齐全") {
      status
    }
  }
`;
const asSubject = () => authHeader({ role: 'subject', sub: person });
const asReviewer = () => authHeader({ role: 'reviewer', org: 'mianyang-credit-platform' });

async function windows(): Promise<Record<string, Json>> {
  const { body } = await stack.query(
    'query ($id: CitizenId!) { person(id: $id) { violations { nodes { id displayWindow { shown endedBy } } } } }',
    { id: person },
    await auditorHeader(),
  );
  return Object.fromEntries(((body.data as Json).person.violations.nodes as Json[]).map((n) => [n.id, n.displayWindow]));
}

async function listed(): Promise<boolean> {
  const { body } = await stack.query(
    'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { listed } }',
    { ids: [person] },
    await authHeader({ role: 'internal', org: 'licensing', scopes: ['blacklist:check'] }),
  );
  return (body.data as Json).blacklistCheck[0].listed;
}

async function evaluation(): Promise<Json> {
  const { body } = await stack.query(
    'query ($id: CitizenId!) { person(id: $id) { creditEvaluation { grade score factors { factor bureau recordId effect explanation } policyVersion } } }',
    { id: person },
    await asSubject(),
  );
  return (body.data as Json).person.creditEvaluation;
}

describe('credit repair', () => {
  it('evaluates only shown records, explaining every point to the subject', async () => {
    const before = await evaluation();
    // Three serious joint-punishment records: 85 - 3 x (20 + 10), clamped at 0.
    expect(before).toMatchObject({ grade: 'D', score: 0, policyVersion: loadPolicy().version });
    expect(before.factors.map((f: Json) => [f.recordId, f.effect]).sort()).toEqual([
      ['RP-NEW', -30],
      ['RP-OLD', -30],
      ['RP-REJ', -30],
    ]);
    expect(before.factors[0].explanation).toMatch(/Serious traffic violation.*shown until/);
  });

  it('refuses an application before the minimum display period of the grade has run', async () => {
    const { body } = await stack.query(APPLY, { recordId: 'RP-NEW' }, await asSubject());
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'too early for repair' });
  });

  it('ends the record’s display and use at once when approved, keeping it stored, and takes one decision only', async () => {
    const applied = await stack.query(APPLY, { recordId: 'RP-OLD' }, await asSubject());
    const repair = (applied.body.data as Json).applyForRepair;
    expect(repair).toMatchObject({ status: 'APPLIED', dueOn: addWorkingDays(today, 5) });
    expect(await listed()).toBe(true);
    const approved = await stack.query(DECIDE, { id: repair.id, approve: true }, await asReviewer());
    expect((approved.body.data as Json).decideRepair.status).toBe('APPROVED');
    expect((await windows())['RP-OLD']).toEqual({ shown: false, endedBy: 'REPAIRED' });
    // The repaired record no longer counts in the evaluation either.
    expect((await evaluation()).factors.map((f: Json) => f.recordId).sort()).toEqual(['RP-NEW', 'RP-REJ']);
    // RP-REJ still lists the person; RP-NEW too.
    expect(await listed()).toBe(true);
    const again = await stack.query(DECIDE, { id: repair.id, approve: false }, await asReviewer());
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // The bureau corrects the record's text afterwards: the repair stands.
    const resent = await stack.query(
      'mutation ($records: [JSONObject!]!) { ingestPublicSecurityRecords(kind: VIOLATION, records: $records) { updated } }',
      { records: [{ ...violation('RP-OLD', 14), description: '醉酒驾驶机动车（血液酒精含量复核）' }] },
      await authHeader({ role: 'bureau', org: 'PUBLIC_SECURITY' }),
    );
    expect((resent.body.data as Json).ingestPublicSecurityRecords.updated).toBe(1);
    expect((await windows())['RP-OLD']).toEqual({ shown: false, endedBy: 'REPAIRED' });
  });

  it('leaves the record shown when the application is rejected, and lets only reviewers decide', async () => {
    const applied = await stack.query(APPLY, { recordId: 'RP-REJ' }, await asSubject());
    const repair = (applied.body.data as Json).applyForRepair;
    const bySubject = await stack.query(DECIDE, { id: repair.id, approve: true }, await asSubject());
    expect(bySubject.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rejected = await stack.query(DECIDE, { id: repair.id, approve: false }, await asReviewer());
    expect((rejected.body.data as Json).decideRepair.status).toBe('REJECTED');
    expect((await windows())['RP-REJ']).toEqual({ shown: true, endedBy: null });
  });

  it('lets a reviewer take an application up, and shows reviewers the undecided ones past their deadline', async () => {
    await stack.subgraphs.platform!.connection.db!.collection('repairs').insertOne({
      _id: 'REP-LATE' as never,
      personId: person,
      bureau: 'PUBLIC_SECURITY',
      recordId: 'RP-LATE',
      correction: 'OBLIGATION_PERFORMED',
      statement: '罚款已缴清',
      evidenceRefs: ['PAY-1'],
      status: 'APPLIED',
      appliedAt: new Date('2026-01-05'),
      dueOn: '2026-01-12',
      decidedAt: null,
      decisionReason: null,
      reviewerId: null,
      version: 0,
    });
    const START = 'mutation ($id: ID!) { startRepairReview(id: $id) { status reviewerId reviewStartedAt } }';
    const bySubject = await stack.query(START, { id: 'REP-LATE' }, await asSubject());
    expect(bySubject.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const started = await stack.query(START, { id: 'REP-LATE' }, await asReviewer());
    expect((started.body.data as Json).startRepairReview).toMatchObject({ status: 'UNDER_REVIEW', reviewerId: 'mianyang-credit-platform' });
    const overdue = await stack.query('{ overdueRepairs { nodes { id status dueOn } } }', {}, await asReviewer());
    expect((overdue.body.data as Json).overdueRepairs.nodes).toEqual([{ id: 'REP-LATE', status: 'UNDER_REVIEW', dueOn: '2026-01-12' }]);
    // Decided, it leaves the list.
    const decided = await stack.query(DECIDE, { id: 'REP-LATE', approve: false }, await asReviewer());
    expect((decided.body.data as Json).decideRepair.status).toBe('REJECTED');
    const after = await stack.query('{ overdueRepairs { totalCount } }', {}, await asReviewer());
    expect((after.body.data as Json).overdueRepairs.totalCount).toBe(0);
  });
});
