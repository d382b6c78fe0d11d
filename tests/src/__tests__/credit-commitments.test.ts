import type { Stack } from '@credit/scripts/dist/stack';
import { addDays, addMonths, makeCitizenId, makeSocialCreditCode, policy, todayInCity } from '@credit/shared';
import type { Models as PlatformModels } from '@credit/subgraph-platform';

import { authHeader, registerInstitution, startTestStack } from '../harness';

// 信用承诺 (seed 二(一)四): a person commits to an employer on joining, or to a
// licensing department (告知承诺, 容缺受理); the receiver reads what was
// committed to it, masked, and reports a commitment broken once; the
// platform then records a negative record of its own, which the person
// disputes like any other.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
const employee = makeCitizenId('510726', '1984-04-04', 41);
const debtor = makeCitizenId('510726', '1986-06-06', 63);
const employer = makeSocialCreditCode('91510700MA6CQK123');
const otherEmployer = makeSocialCreditCode('91510700MA6CQK567');
const today = todayInCity();
const CONTENT = '本人承诺提供的学历、履历真实有效, 遵守公司保密制度, 联系电话13900139000';

const asPerson = (id: string) => authHeader({ role: 'subject', sub: id });
const asEmployer = (org = employer) => authHeader({ role: 'partner', org, sub: 'HR-01' });
const asPlatformOperator = () => authHeader({ role: 'bureau', org: 'PLATFORM', sub: 'PLT-OP-1' });

async function commit(personId: string, kind: string, receiver: string, until = addMonths(today, 12), content = CONTENT) {
  return stack.query(
    'mutation ($kind: CommitmentKind!, $receiver: String!, $content: String!, $until: Date!) { makeCreditCommitment(kind: $kind, receiver: $receiver, content: $content, until: $until) { id kind receiverId receiverName content signedOn until status } }',
    { kind, receiver, content, until },
    await asPerson(personId),
  );
}

async function received(headers: Record<string, string>): Promise<Json[]> {
  const { body } = await stack.query('{ creditCommitmentsReceived { nodes { id kind personId content status brokenOn brokenRecordId } } }', {}, headers);
  expect(body.errors).toBeUndefined();
  return (body.data as Json).creditCommitmentsReceived.nodes;
}

async function report(id: string, brokenOn: string, headers: Record<string, string>) {
  return stack.query(
    'mutation ($id: ID!, $brokenOn: Date!) { reportBrokenCommitment(id: $id, brokenOn: $brokenOn, reason: "入职三个月即私自带走客户资料") { id status brokenOn brokenRecordId } }',
    { id, brokenOn },
    headers,
  );
}

async function ownRecords(): Promise<Json[]> {
  const { body } = await stack.query(
    'query ($id: CitizenId!) { person(id: $id) { brokenCommitmentRecords { nodes { id category grade authority brokenOn reason underObjection provenance { bureau } displayWindow { shown endedBy } } } } }',
    { id: employee },
    await asPerson(employee),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json).person.brokenCommitmentRecords.nodes;
}

beforeAll(async () => {
  stack = await startTestStack();
  await registerInstitution(stack, { id: employer, name: '绵阳长虹电子有限公司' });
  await registerInstitution(stack, { id: otherEmployer, name: '绵阳九洲电器有限公司' });
  const { body } = await stack.query(
    'mutation ($records: [JSONObject!]!) { ingestCourtRecords(kind: DEBTOR_LISTING, records: $records) { created } }',
    {
      records: [
        {
          id: 'DL-CM-1',
          personId: debtor,
          category: 'DISHONEST_JUDGMENT_DEBTOR',
          grade: 'SERIOUS',
          decisionDate: addMonths(today, -2),
          decisionNumber: '(2026)川0726执5号',
          authority: '安州区人民法院',
          legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
          caseNumbers: ['(2026)川0726执5号'],
          court: '安州区人民法院',
          grounds: ['REFUSING_WITH_ABILITY'],
          obligation: '偿还货款5万元',
        },
      ],
    },
    await authHeader({ role: 'bureau', org: 'COURTS' }),
  );
  expect((body.data as Json).ingestCourtRecords.created).toBe(1);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('making a credit commitment', () => {
  it('refuses a day past the policy’s months, an unregistered employer, and a repair’s commitment made by hand', async () => {
    const tooLong = await commit(employee, 'EMPLOYMENT', employer, addDays(addMonths(today, policy().commitments.maxMonths), 1));
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'until out of range' });
    const unknown = await commit(employee, 'EMPLOYMENT', makeSocialCreditCode('91510700MA6CQK999'));
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'unknown receiver' });
    const repair = await commit(employee, 'REPAIR', 'PUBLIC_SECURITY');
    expect(repair.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'made by the platform' });
  });

  it('keeps 容缺受理 for the green channel’s people, and lets a department read what was committed to it', async () => {
    const listed = await commit(debtor, 'MISSING_DOCUMENTS', 'MARKET_REGULATION', addMonths(today, 1), '承诺一个月内补交经营场所证明');
    expect(listed.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'not eligible' });
    const clean = await commit(employee, 'MISSING_DOCUMENTS', 'MARKET_REGULATION', addMonths(today, 1), '承诺一个月内补交经营场所证明');
    expect(clean.body.errors).toBeUndefined();
    expect((clean.body.data as Json).makeCreditCommitment).toMatchObject({ receiverName: '绵阳市市场监督管理局', status: 'IN_FORCE' });
    expect((await received(await authHeader({ role: 'bureau', org: 'MARKET_REGULATION', sub: 'MR-OP-1' }))).map((c) => c.kind)).toEqual(['MISSING_DOCUMENTS']);
    expect(await received(await authHeader({ role: 'bureau', org: 'TAX', sub: 'TAX-OP-1' }))).toEqual([]);
  });
});

describe('a commitment to an employer', () => {
  let id: string;

  it('is read by the employer with the person and their words masked, and the read is in the person’s query log', async () => {
    const made = await commit(employee, 'EMPLOYMENT', employer);
    expect(made.body.errors).toBeUndefined();
    id = (made.body.data as Json).makeCreditCommitment.id;
    expect((made.body.data as Json).makeCreditCommitment).toMatchObject({
      kind: 'EMPLOYMENT',
      receiverName: '绵阳长虹电子有限公司',
      content: CONTENT,
      status: 'IN_FORCE',
    });
    const [seen, ...rest] = await received(await asEmployer());
    expect(rest).toEqual([]);
    expect(seen).toMatchObject({ id, kind: 'EMPLOYMENT', status: 'IN_FORCE' });
    expect(seen!.personId).not.toBe(employee);
    expect(seen!.personId).toMatch(/\*/);
    expect(seen!.content).not.toContain('13900139000');
    expect(await received(await asEmployer(otherEmployer))).toEqual([]);
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { queryLog(first: 20) { nodes { actorRole fieldGroups } } } }',
      { id: employee },
      await asPerson(employee),
    );
    expect((body.data as Json).person.queryLog.nodes).toContainEqual({ actorRole: 'PARTNER', fieldGroups: ['credit_commitments'] });
  });

  it('is reported broken once, by its receiver only, for a day within it: the platform records it, and the person is told', async () => {
    expect((await report(id, addDays(today, -1), await asEmployer())).body.errors?.[0]?.extensions).toMatchObject({ reason: 'brokenOn out of range' });
    expect((await report(id, today, await asEmployer(otherEmployer))).body.errors?.[0]?.extensions).toMatchObject({ reason: 'unknown commitment' });
    const [first, second] = await Promise.all([report(id, today, await asEmployer()), report(id, today, await asEmployer())]);
    const codes = [first, second].map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const reported = [first, second].find((r) => !r.body.errors)!;
    expect((reported.body.data as Json).reportBrokenCommitment).toMatchObject({ status: 'BROKEN', brokenOn: today });

    const [record, ...others] = await ownRecords();
    expect(others).toEqual([]);
    expect(record).toMatchObject({
      category: 'BROKEN_CREDIT_COMMITMENT',
      grade: policy().categories.BROKEN_CREDIT_COMMITMENT!.grade,
      authority: '绵阳长虹电子有限公司',
      brokenOn: today,
      underObjection: false,
      provenance: { bureau: 'PLATFORM' },
      displayWindow: { shown: true, endedBy: null },
    });
    // It counts as the person's negative record wherever records count (the evaluation reads the derived facts).
    const models = stack.subgraphs.platform!.models as PlatformModels;
    const status = await models.JointPunishmentStatus.findById(employee).lean().exec();
    expect(status?.negatives?.map((n) => [n.bureau, n.recordId])).toContainEqual(['PLATFORM', record!.id]);
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { notifications { nodes { kind message } } } }',
      { id: employee },
      await asPerson(employee),
    );
    const notice = ((body.data as Json).person.notifications.nodes as Json[]).find((n) => n.kind === 'COMMITMENT_BROKEN');
    expect(notice?.message).toContain(`fileObjection(bureau: PLATFORM, recordId: "${record!.id}")`);
  });

  it('is disputed like any record: an objection flags it, and the platform’s operator removing it ends its use', async () => {
    const [record] = await ownRecords();
    const filed = await stack.query(
      'mutation ($recordId: String!) { fileObjection(bureau: PLATFORM, recordId: $recordId, reason: "资料系经公司授权带出, 有邮件为证") { id status } }',
      { recordId: record!.id },
      await asPerson(employee),
    );
    expect(filed.body.errors).toBeUndefined();
    expect((await ownRecords())[0]).toMatchObject({ underObjection: true });
    const objection = (filed.body.data as Json).fileObjection.id;
    const decided = await stack.query(
      'mutation ($id: ID!) { decideObjection(id: $id, outcome: REMOVED, reason: "经核实, 公司已授权") { status } }',
      { id: objection },
      await asPlatformOperator(),
    );
    expect(decided.body.errors).toBeUndefined();
    // The person still sees their own record, marked removed (the right of access); it no longer counts.
    expect((await ownRecords())[0]).toMatchObject({ underObjection: false, displayWindow: { shown: false, endedBy: 'REMOVED' } });
    const models = stack.subgraphs.platform!.models as PlatformModels;
    const status = await models.JointPunishmentStatus.findById(employee).lean().exec();
    expect(status?.negatives?.some((n) => n.bureau === 'PLATFORM')).toBe(false);
  });
});
