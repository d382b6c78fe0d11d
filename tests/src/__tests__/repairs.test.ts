import type { Stack } from '@credit/scripts/dist/stack';
import { addMonths, addWorkingDays, loadPolicy, makeCitizenId, policy, todayInCity } from '@credit/shared';

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

/** Volunteer service the platform records for the person: the evidence of a repair. */
const service = (id: string, hours: number, monthsAgo: number, personId = person) => ({
  id,
  personId,
  organisation: '绵阳市志愿者协会',
  sourceOrganisation: '绵阳市志愿服务联合会',
  activity: '交通安全劝导志愿服务',
  hours,
  servedOn: addMonths(today, -monthsAgo),
  legalBasis: '《志愿服务条例》',
});

async function ingestPlatform(kind: string, records: Json[]): Promise<void> {
  const { body } = await stack.query(
    `mutation ($records: [JSONObject!]!) { ingestPlatformRecords(kind: ${kind}, records: $records) { created rejected } }`,
    { records },
    await authHeader({ role: 'bureau', org: 'PLATFORM' }),
  );
  expect((body.data as Json).ingestPlatformRecords).toMatchObject({ rejected: 0 });
}

beforeAll(async () => {
  stack = await startTestStack();
  const { body } = await stack.query(
    'mutation ($records: [JSONObject!]!) { ingestPublicSecurityRecords(kind: VIOLATION, records: $records) { created } }',
    { records: [violation('RP-OLD', 14), violation('RP-NEW', 2), violation('RP-REJ', 13)] },
    await asPolice(),
  );
  expect((body.data as Json).ingestPublicSecurityRecords.created).toBe(3);
  // 50 and 45 hours since the records, 30 more before them, 10 in a small record.
  await ingestPlatform('VOLUNTEER_RECORD', [service('VOL-RP-1', 50, 6), service('VOL-RP-2', 45, 5), service('VOL-RP-OLD', 30, 20), service('VOL-RP-3', 10, 4)]);
});
afterAll(async () => {
  await stack?.stop();
});

const APPLY = /* GraphQL */ `
  mutation ($recordId: String!, $evidenceRefs: [String!]! = ["VOL-RP-1"]) {
    applyForRepair(
      bureau: PUBLIC_SECURITY
      recordId: $recordId
      correction: VOLUNTEER_SERVICE
      statement: "已完成交通安全志愿服务50小时"
      evidenceRefs: $evidenceRefs
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
const asPolice = () => authHeader({ role: 'bureau', org: 'PUBLIC_SECURITY', sub: 'PSB-OP-007' });

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
    // The records' factors (the volunteer service, the evidence of the repairs below, is a factor of its own).
    expect(
      before.factors
        .filter((f: Json) => f.recordId)
        .map((f: Json) => [f.recordId, f.effect])
        .sort(),
    ).toEqual([
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

  it('checks the evidence against the person’s own records on the platform, and asks a course for a serious record', async () => {
    const code = async (vars: Json, headers?: Record<string, string>) =>
      (await stack.query(APPLY, vars, headers ?? (await asSubject()))).body.errors?.[0]?.extensions?.reason;
    // No credit-repair course yet: a serious record needs one (policy repair.trainingRequiredGrades).
    expect(await code({ recordId: 'RP-OLD' })).toBe('training required');
    await ingestPlatform('REPAIR_TRAINING', [
      {
        id: 'TRN-RP-1',
        personId: person,
        course: '信用修复专题培训',
        provider: '绵阳市社会信用体系建设领导小组办公室',
        completedOn: addMonths(today, -3),
        certificateNumber: 'XYXF2026000123',
        sourceOrganisation: '绵阳市社会信用体系建设领导小组办公室',
        legalBasis: '《失信行为纠正后的信用信息修复管理办法（试行）》',
      },
    ]);
    expect(await code({ recordId: 'RP-OLD', evidenceRefs: ['VOL-NOBODY'] })).toBe('unknown evidence');
    expect(await code({ recordId: 'RP-OLD', evidenceRefs: ['VOL-RP-OLD', 'VOL-RP-1'] })).toBe('evidence before the record');
    // 10 hours where a serious record needs policy().repair.volunteerHoursByGrade.SERIOUS.
    expect(policy().repair.volunteerHoursByGrade.SERIOUS).toBeGreaterThan(10);
    expect(await code({ recordId: 'RP-OLD', evidenceRefs: ['VOL-RP-3'] })).toBe('not enough evidence');
    // Another person's service is not this person's evidence.
    const other = makeCitizenId('510725', '1979-09-09', 73);
    await ingestPlatform('VOLUNTEER_RECORD', [service('VOL-OTHER', 80, 2, other)]);
    expect(await code({ recordId: 'RP-OLD', evidenceRefs: ['VOL-OTHER'] })).toBe('unknown evidence');
    const course = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { repairTrainings { nodes { id course completedOn } } } }',
      { id: person },
      await asSubject(),
    );
    expect((course.body.data as Json).person.repairTrainings.nodes).toEqual([
      { id: 'TRN-RP-1', course: '信用修复专题培训', completedOn: addMonths(today, -3) },
    ]);
  });

  it('ends the record’s display and use at once when approved by the department, keeping it stored, and takes one decision only', async () => {
    const applied = await stack.query(APPLY, { recordId: 'RP-OLD' }, await asSubject());
    const repair = (applied.body.data as Json).applyForRepair;
    expect(repair).toMatchObject({ status: 'APPLIED', dueOn: addWorkingDays(today, 5) });
    expect(await listed()).toBe(true);
    // Who records it, repairs it: neither a platform reviewer nor another department decides.
    for (const other of [await asReviewer(), await authHeader({ role: 'bureau', org: 'TAX' })])
      expect((await stack.query(DECIDE, { id: repair.id, approve: true }, other)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const approved = await stack.query(DECIDE, { id: repair.id, approve: true }, await asPolice());
    expect((approved.body.data as Json).decideRepair.status).toBe('APPROVED');
    expect((await windows())['RP-OLD']).toEqual({ shown: false, endedBy: 'REPAIRED' });
    // The repaired record no longer counts in the evaluation either.
    expect(
      (await evaluation()).factors
        .filter((f: Json) => f.recordId)
        .map((f: Json) => f.recordId)
        .sort(),
    ).toEqual(['RP-NEW', 'RP-REJ']);
    // RP-REJ still lists the person; RP-NEW too.
    expect(await listed()).toBe(true);
    const again = await stack.query(DECIDE, { id: repair.id, approve: false }, await asPolice());
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // The approved application's statement stands as the person's credit commitment to the department (信用承诺, seed 二(一)四).
    const commitments = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { creditCommitments { nodes { kind receiverId repairId status until } } } }',
      { id: person },
      await asSubject(),
    );
    expect((commitments.body.data as Json).person.creditCommitments.nodes).toEqual([
      {
        kind: 'REPAIR',
        receiverId: 'PUBLIC_SECURITY',
        repairId: repair.id,
        status: 'IN_FORCE',
        until: addMonths(today, policy().commitments.repairCommitmentMonths),
      },
    ]);
    // The hours of an approved repair do not serve another.
    const reused = await stack.query(APPLY, { recordId: 'RP-REJ' }, await asSubject());
    expect(reused.body.errors?.[0]?.extensions?.reason).toBe('evidence already used');
    // The bureau corrects the record's text afterwards: the repair stands.
    const resent = await stack.query(
      'mutation ($records: [JSONObject!]!) { ingestPublicSecurityRecords(kind: VIOLATION, records: $records) { updated } }',
      { records: [{ ...violation('RP-OLD', 14), description: '醉酒驾驶机动车（血液酒精含量复核）' }] },
      await authHeader({ role: 'bureau', org: 'PUBLIC_SECURITY' }),
    );
    expect((resent.body.data as Json).ingestPublicSecurityRecords.updated).toBe(1);
    expect((await windows())['RP-OLD']).toEqual({ shown: false, endedBy: 'REPAIRED' });
  });

  it('leaves the record shown when the application is rejected, and lets only the department decide', async () => {
    const applied = await stack.query(APPLY, { recordId: 'RP-REJ', evidenceRefs: ['VOL-RP-2'] }, await asSubject());
    const repair = (applied.body.data as Json).applyForRepair;
    const bySubject = await stack.query(DECIDE, { id: repair.id, approve: true }, await asSubject());
    expect(bySubject.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const rejected = await stack.query(DECIDE, { id: repair.id, approve: false }, await asPolice());
    expect((rejected.body.data as Json).decideRepair.status).toBe('REJECTED');
    expect((await windows())['RP-REJ']).toEqual({ shown: true, endedBy: null });
  });

  it('lets the department take an application up, and shows reviewers the undecided ones past their deadline', async () => {
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
    const byReviewer = await stack.query(START, { id: 'REP-LATE' }, await asReviewer());
    expect(byReviewer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const started = await stack.query(START, { id: 'REP-LATE' }, await asPolice());
    expect((started.body.data as Json).startRepairReview).toMatchObject({ status: 'UNDER_REVIEW', reviewerId: 'PSB-OP-007' });
    const overdue = await stack.query('{ overdueRepairs { nodes { id status dueOn } } }', {}, await asReviewer());
    expect((overdue.body.data as Json).overdueRepairs.nodes).toEqual([{ id: 'REP-LATE', status: 'UNDER_REVIEW', dueOn: '2026-01-12' }]);
    // Decided, it leaves the list.
    const decided = await stack.query(DECIDE, { id: 'REP-LATE', approve: false }, await asPolice());
    expect((decided.body.data as Json).decideRepair.status).toBe('REJECTED');
    const after = await stack.query('{ overdueRepairs { totalCount } }', {}, await asReviewer());
    expect((after.body.data as Json).overdueRepairs.totalCount).toBe(0);
  });
});
