import type { Stack } from '@credit/scripts/dist/stack';
import { addDays, addMonths, addWorkingDays, makeCitizenId, policy, todayInCity } from '@credit/shared';

import { auditorHeader, authHeader, startTestStack } from '../harness';

// Appeals (申诉, seed 四(二)): after an objection UPHELD or a repair REJECTED
// the person appeals once, within the policy's working days, to a platform
// reviewer, who decides by its own deadline; one decision wins, the person
// is told, and an overturned decision acts on the record at once.

let stack: Stack;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const person = makeCitizenId('510726', '1978-08-08', 31);
const stranger = makeCitizenId('510726', '1978-08-09', 33);
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

const asSubject = () => authHeader({ role: 'subject', sub: person });
const asReviewer = () => authHeader({ role: 'reviewer', org: 'mianyang-credit-platform' });
const asPoliceOperator = () => authHeader({ role: 'bureau', org: 'PUBLIC_SECURITY' });

async function gql(query: string, variables: Json, headers: Record<string, string>): Promise<{ data?: Json; errors?: Json[] }> {
  return (await stack.query(query, variables, headers)).body as { data?: Json; errors?: Json[] };
}

/** An objection to `recordId`, decided UPHELD by the police: its id. */
async function upheldObjection(recordId: string): Promise<string> {
  const filed = await gql(
    'mutation ($recordId: String!) { fileObjection(bureau: PUBLIC_SECURITY, recordId: $recordId, reason: "当日并未驾驶车辆") { id } }',
    { recordId },
    await asSubject(),
  );
  const id = filed.data!.fileObjection.id as string;
  const decided = await gql(
    'mutation ($id: ID!) { decideObjection(id: $id, outcome: UPHELD, reason: "执法记录仪视频证实") { status } }',
    { id },
    await asPoliceOperator(),
  );
  expect(decided.data?.decideObjection.status).toBe('UPHELD');
  return id;
}

const FILE = 'mutation ($caseId: ID!) { fileAppeal(caseId: $caseId, reason: "视频中驾驶人并非本人, 申请复核") { id caseKind status dueOn bureau recordId } }';
const DECIDE = 'mutation ($id: ID!, $outcome: AppealOutcome!) { decideAppeal(id: $id, outcome: $outcome, reason: "经复核") { status decisionReason } }';

async function records(): Promise<Record<string, Json>> {
  const { data } = await gql(
    'query ($id: CitizenId!) { person(id: $id) { violations { nodes { id underObjection displayWindow { shown endedBy } } } } }',
    { id: person },
    await auditorHeader(),
  );
  return Object.fromEntries((data!.person.violations.nodes as Json[]).map((n) => [n.id, n]));
}

beforeAll(async () => {
  stack = await startTestStack();
  const { data } = await gql(
    'mutation ($records: [JSONObject!]!) { ingestPublicSecurityRecords(kind: VIOLATION, records: $records) { created } }',
    {
      records: [
        violation('AP-OBJ', 2),
        violation('AP-DIS', 3),
        violation('AP-LATE', 4),
        violation('AP-REP', 14),
        violation('AP-OPEN', 5),
        violation('AP-DUE', 6),
      ],
    },
    await asPoliceOperator(),
  );
  expect(data!.ingestPublicSecurityRecords.created).toBe(6);
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

describe('appeals of decided cases', () => {
  it('flags the record again while an objection’s appeal is open, and removes it when the appeal is overturned', async () => {
    const caseId = await upheldObjection('AP-OBJ');
    expect((await records())['AP-OBJ']!.underObjection).toBe(false);
    const filed = await gql(FILE, { caseId }, await asSubject());
    expect(filed.errors).toBeUndefined();
    expect(filed.data!.fileAppeal).toMatchObject({
      caseKind: 'OBJECTION',
      status: 'FILED',
      bureau: 'PUBLIC_SECURITY',
      recordId: 'AP-OBJ',
      dueOn: addWorkingDays(today, policy().deadlines.appealDecisionWorkingDays),
    });
    expect((await records())['AP-OBJ']!.underObjection).toBe(true);
    // Once per case: filing again answers with the same appeal.
    expect((await gql(FILE, { caseId }, await asSubject())).data!.fileAppeal.id).toBe(filed.data!.fileAppeal.id);
    // Only a platform reviewer decides.
    expect((await gql(DECIDE, { id: filed.data!.fileAppeal.id, outcome: 'OVERTURNED' }, await asPoliceOperator())).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const decided = await gql(DECIDE, { id: filed.data!.fileAppeal.id, outcome: 'OVERTURNED' }, await asReviewer());
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideAppeal).toEqual({ status: 'OVERTURNED', decisionReason: '经复核' });
    expect((await records())['AP-OBJ']).toMatchObject({ underObjection: false, displayWindow: { shown: false } });
    const own = await gql(
      'query ($id: CitizenId!) { person(id: $id) { appeals { nodes { id status } } notifications(first: 1) { nodes { kind outcome message } } } }',
      { id: person },
      await asSubject(),
    );
    expect(own.data!.person.appeals.nodes).toEqual([{ id: filed.data!.fileAppeal.id, status: 'OVERTURNED' }]);
    expect(own.data!.person.notifications.nodes[0]).toMatchObject({ kind: 'APPEAL_DECIDED', outcome: 'OVERTURNED' });
    expect(own.data!.person.notifications.nodes[0].message).toMatch(/appeal about PUBLIC_SECURITY record AP-OBJ was upheld: the record is removed/);
  });

  it('lets one of two reviewers deciding at once win, and a dismissal leave the record as it was', async () => {
    const caseId = await upheldObjection('AP-DIS');
    const appealId = (await gql(FILE, { caseId }, await asSubject())).data!.fileAppeal.id;
    const [first, second] = await Promise.all([
      gql(DECIDE, { id: appealId, outcome: 'DISMISSED' }, await asReviewer()),
      gql(DECIDE, { id: appealId, outcome: 'OVERTURNED' }, await asReviewer()),
    ]);
    const codes = [first, second].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const won = first.errors ? 'OVERTURNED' : 'DISMISSED';
    expect((await records())['AP-DIS']).toMatchObject({ underObjection: false, displayWindow: { shown: won === 'DISMISSED' } });
  });

  it('overturns a rejected repair by repairing the record', async () => {
    // A serious record: the person took the credit-repair course the policy asks for first.
    const course = await gql(
      'mutation ($records: [JSONObject!]!) { ingestPlatformRecords(kind: REPAIR_TRAINING, records: $records) { created } }',
      {
        records: [
          {
            id: 'TRN-AP-1',
            personId: person,
            course: '信用修复专题培训',
            provider: '绵阳市社会信用体系建设领导小组办公室',
            completedOn: today,
            certificateNumber: 'XYXF2026000456',
            sourceOrganisation: '绵阳市社会信用体系建设领导小组办公室',
            legalBasis: '《失信行为纠正后的信用信息修复管理办法（试行）》',
          },
        ],
      },
      await authHeader({ role: 'bureau', org: 'PLATFORM' }),
    );
    expect(course.data!.ingestPlatformRecords.created).toBe(1);
    const applied = await gql(
      'mutation { applyForRepair(bureau: PUBLIC_SECURITY, recordId: "AP-REP", correction: OBLIGATION_PERFORMED, statement: "罚款已缴清", evidenceRefs: ["非税收入一般缴款书 No.5107000123"]) { id } }',
      {},
      await asSubject(),
    );
    const repairId = applied.data!.applyForRepair.id;
    const rejected = await gql(
      'mutation ($id: ID!) { decideRepair(id: $id, approve: false, reason: "证明材料不足") { status } }',
      { id: repairId },
      await asPoliceOperator(),
    );
    expect(rejected.data!.decideRepair.status).toBe('REJECTED');
    const filed = await gql(FILE, { caseId: repairId }, await asSubject());
    expect(filed.data!.fileAppeal).toMatchObject({ caseKind: 'REPAIR', status: 'FILED' });
    // A repair's appeal does not dispute the record itself.
    expect((await records())['AP-REP']!.underObjection).toBe(false);
    await gql(DECIDE, { id: filed.data!.fileAppeal.id, outcome: 'OVERTURNED' }, await asReviewer());
    expect((await records())['AP-REP']!.displayWindow).toMatchObject({ shown: false, endedBy: 'REPAIRED' });
    // Repaired on appeal as on approval: the application's statement stands as the person's credit commitment.
    const commitments = await gql(
      'query ($id: CitizenId!) { person(id: $id) { creditCommitments { nodes { kind repairId } } } }',
      { id: person },
      await asSubject(),
    );
    expect(commitments.data!.person.creditCommitments.nodes).toEqual([{ kind: 'REPAIR', repairId }]);
  });

  it('shows the person their own removed and repaired records, marked, where others see only those shown today', async () => {
    const list = async (headers: Record<string, string>) =>
      (await gql('query ($id: CitizenId!) { person(id: $id) { violations { nodes { id displayWindow { shown endedBy } } } } }', { id: person }, headers)).data!
        .person.violations.nodes as Json[];
    const own = Object.fromEntries((await list(await asSubject())).map((n) => [n.id, n.displayWindow]));
    expect(own['AP-OBJ']).toEqual({ shown: false, endedBy: 'REMOVED' });
    expect(own['AP-REP']).toEqual({ shown: false, endedBy: 'REPAIRED' });
    const operator = (await list(await asPoliceOperator())).map((n) => n.id);
    expect(operator).not.toContain('AP-OBJ');
    expect(operator).not.toContain('AP-REP');
  });

  it('lists appeals past their decision deadline to reviewers, oldest first, and logs the read', async () => {
    const appealId = (await gql(FILE, { caseId: await upheldObjection('AP-DUE') }, await asSubject())).data!.fileAppeal.id;
    const query = 'query { overdueAppeals { totalCount nodes { id status dueOn } } }';
    expect((await gql(query, {}, await asReviewer())).data!.overdueAppeals.totalCount).toBe(0);
    const yesterday = addDays(today, -1);
    await stack.subgraphs.platform!.connection.db!.collection('appeals').updateOne({ _id: appealId as never }, { $set: { dueOn: yesterday } });
    const overdue = await gql(query, {}, await asReviewer());
    expect(overdue.data!.overdueAppeals).toEqual({ totalCount: 1, nodes: [{ id: appealId, status: 'FILED', dueOn: yesterday }] });
    expect((await gql(query, {}, await asSubject())).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const log = await gql(
      'query ($id: CitizenId!) { person(id: $id) { queryLog(first: 1) { nodes { actorRole fieldGroups } } } }',
      { id: person },
      await asSubject(),
    );
    expect(log.data!.person.queryLog.nodes[0]).toEqual({ actorRole: 'REVIEWER', fieldGroups: ['objections_repairs'] });
  });

  it('refuses an appeal of an open case, of someone else’s case, and one filed after the deadline', async () => {
    const open = await gql('mutation { fileObjection(bureau: PUBLIC_SECURITY, recordId: "AP-OPEN", reason: "并非本人") { id } }', {}, await asSubject());
    const openId = open.data!.fileObjection.id;
    expect((await gql(FILE, { caseId: openId }, await asSubject())).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'caseId',
      status: 'FILED',
    });
    const late = await upheldObjection('AP-LATE');
    expect((await gql(FILE, { caseId: late }, await authHeader({ role: 'subject', sub: stranger }))).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'caseId',
    });
    // Decided long enough ago that the filing period (working days, weekends excluded) has run out.
    const days = policy().deadlines.appealFilingWorkingDays;
    const decidedOn = addDays(today, -(2 * days + 7));
    await stack.subgraphs
      .platform!.connection.db!.collection('objections')
      .updateOne({ _id: late as never }, { $set: { decidedAt: new Date(`${decidedOn}T10:00:00+08:00`) } });
    const tooLate = await gql(FILE, { caseId: late }, await asSubject());
    expect(tooLate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'caseId', lastDay: addWorkingDays(decidedOn, days) });
    expect((await records())['AP-LATE']!.underObjection).toBe(false);
  });
});
