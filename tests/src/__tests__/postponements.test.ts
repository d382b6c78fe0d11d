import type { Stack } from '@credit/scripts/dist/stack';
import { addDays, addMonths, addWorkingDays, makeCitizenId, policy, todayInCity } from '@credit/shared';
import { noticeWindowEnds, type Models as PlatformModels } from '@credit/subgraph-platform';

import { authHeader, startTestStack } from '../harness';

// 申请延期 (seed 二(三)三): a person asks the department that recorded an
// obligation for more time to perform it; the department grants or refuses
// it, one decision winning; granted, the record says so and the policy's
// joint-punishment measures are suspended until the day after its last day,
// which the daily sweep tells the person.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
const debtor = makeCitizenId('510703', '1975-06-01', 31);
const other = makeCitizenId('510703', '1979-02-11', 53);
const today = todayInCity();
const measuresOf = (category: string) => policy().categories[category]!.measures ?? [];

const listing = (id: string, personId: string) => ({
  id,
  personId,
  category: 'DISHONEST_JUDGMENT_DEBTOR',
  grade: 'SERIOUS',
  decisionDate: addMonths(today, -3),
  decisionNumber: `(2026)川0703执${id.slice(-1)}号`,
  authority: '涪城区人民法院',
  legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
  caseNumbers: [`(2026)川0703执${id.slice(-1)}号`],
  court: '涪城区人民法院',
  grounds: ['REFUSING_WITH_ABILITY'],
  obligation: '偿还借款8万元',
});

async function ingest(bureau: string, field: string, kind: string, records: Json[]): Promise<Json> {
  const { body } = await stack.query(
    `mutation ($records: [JSONObject!]!) { ${field}(kind: ${kind}, records: $records) { created updated rejected } }`,
    { records },
    await authHeader({ role: 'bureau', org: bureau }),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json)[field];
}

const asPerson = (id: string) => authHeader({ role: 'subject', sub: id });
const courtsOperator = (sub = 'COURT-OP-1') => authHeader({ role: 'bureau', org: 'COURTS', sub });

async function apply(personId: string, recordId: string, until: string, bureau = 'COURTS') {
  return stack.query(
    `mutation ($until: Date!) { applyForPostponement(bureau: ${bureau}, recordId: "${recordId}", until: $until, reason: "工资被拖欠, 三个月内可筹齐款项") { id status category requestedUntil grantedUntil dueOn } }`,
    { until },
    await asPerson(personId),
  );
}

async function decide(id: string, grant: boolean, headers: Record<string, string>, until?: string) {
  return stack.query(
    'mutation ($id: ID!, $grant: Boolean!, $until: Date) { decidePostponement(id: $id, grant: $grant, until: $until, reason: "申请人已提交还款计划") { id status grantedUntil reviewerId } }',
    { id, grant, until: until ?? null },
    headers,
  );
}

async function notices(personId: string, kind: string): Promise<Json[]> {
  const { body } = await stack.query(
    'query ($id: CitizenId!) { person(id: $id) { notifications(first: 50) { nodes { kind outcome message } } } }',
    { id: personId },
    await asPerson(personId),
  );
  expect(body.errors).toBeUndefined();
  return ((body.data as Json).person.notifications.nodes as Json[]).filter((n) => n.kind === kind);
}

async function check(id: string): Promise<Json> {
  const { body } = await stack.query(
    'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: AIR_TRAVEL) { listed measures restricted postponedUntil } }',
    { ids: [id] },
    await authHeader({ role: 'internal', org: 'mianyang-licensing-system', scopes: ['blacklist:check'] }),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json).blacklistCheck[0];
}

beforeAll(async () => {
  stack = await startTestStack();
  expect(await ingest('COURTS', 'ingestCourtRecords', 'DEBTOR_LISTING', [listing('DL-PP-1', debtor), listing('DL-PP-2', other)])).toMatchObject({ created: 2 });
  expect(
    await ingest('PUBLIC_SECURITY', 'ingestPublicSecurityRecords', 'VIOLATION', [
      {
        id: 'PSB-PP-1',
        personId: debtor,
        category: 'FRAUD',
        grade: 'SERIOUS',
        decisionDate: addMonths(today, -2),
        decisionNumber: '绵公刑〔2026〕12号',
        authority: '绵阳市公安局',
        legalBasis: '《中华人民共和国刑法》第266条',
        description: '电信诈骗',
        penalty: '行政拘留十日',
      },
    ]),
  ).toMatchObject({ created: 1 });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('applying for a postponement', () => {
  it('refuses a day past the policy’s longest postponement, a record of no obligation and a record the person does not have', async () => {
    const tooLong = await apply(debtor, 'DL-PP-1', addDays(today, policy().postponement.maxDays + 1));
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'too long' });
    const past = await apply(debtor, 'DL-PP-1', today);
    expect(past.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'not in the future' });
    const fraud = await apply(debtor, 'PSB-PP-1', addDays(today, 30), 'PUBLIC_SECURITY');
    expect(fraud.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'not postponable' });
    // Someone else's listing is not theirs to postpone.
    const notTheirs = await apply(debtor, 'DL-PP-2', addDays(today, 30));
    expect(notTheirs.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'unknown record' });
  });
});

describe('a granted postponement', () => {
  const until = addDays(today, 60);
  let id: string;

  it('is decided by an operator of the department that recorded it, at most until the day asked for', async () => {
    const applied = await apply(debtor, 'DL-PP-1', until);
    expect(applied.body.errors).toBeUndefined();
    const application = (applied.body.data as Json).applyForPostponement;
    expect(application).toMatchObject({ status: 'APPLIED', category: 'DISHONEST_JUDGMENT_DEBTOR', requestedUntil: until, grantedUntil: null });
    expect(application.dueOn > today).toBe(true);
    id = application.id;
    // Applying again answers with the open application.
    expect(((await apply(debtor, 'DL-PP-1', until)).body.data as Json).applyForPostponement.id).toBe(id);

    const taxOperator = await decide(id, true, await authHeader({ role: 'bureau', org: 'TAX', sub: 'TAX-OP-1' }));
    expect(taxOperator.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooLate = await decide(id, true, await courtsOperator(), addDays(until, 1));
    expect(tooLate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'until out of range' });

    const started = await stack.query('mutation ($id: ID!) { startPostponementReview(id: $id) { status reviewerId } }', { id }, await courtsOperator());
    expect((started.body.data as Json).startPostponementReview).toEqual({ status: 'UNDER_REVIEW', reviewerId: 'COURT-OP-1' });
    const granted = await decide(id, true, await courtsOperator());
    expect(granted.body.errors).toBeUndefined();
    expect((granted.body.data as Json).decidePostponement).toMatchObject({ status: 'GRANTED', grantedUntil: until });
  });

  it('shows on the record, keeps the listing and suspends the measures the policy names, unless another record brings them', async () => {
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { dishonestDebtorListings { nodes { id postponedUntil } } jointPunishment { listed measures suspendedMeasures postponedUntil } } }',
      { id: debtor },
      await asPerson(debtor),
    );
    expect(body.errors).toBeUndefined();
    const person = (body.data as Json).person;
    expect(person.dishonestDebtorListings.nodes).toEqual([{ id: 'DL-PP-1', postponedUntil: until }]);
    // The fraud record is no obligation to postpone: its measures stand; the debtor's others are suspended.
    const standing = measuresOf('FRAUD');
    const suspended = measuresOf('DISHONEST_JUDGMENT_DEBTOR').filter((m) => !standing.includes(m));
    expect(person.jointPunishment).toEqual({ listed: true, measures: [...standing].sort(), suspendedMeasures: [...suspended].sort(), postponedUntil: until });
    expect(suspended).toContain('NO_AIR_TRAVEL');
    // A carrier's check: the person may fly while the postponement runs.
    expect(await check(debtor)).toMatchObject({ listed: true, restricted: false, postponedUntil: until });
    const [decided] = await notices(debtor, 'POSTPONEMENT_DECIDED');
    expect(decided).toMatchObject({ outcome: 'GRANTED' });
    expect(decided!.message).toContain(`until ${until}`);
    expect(decided!.message).toContain('suspended');
    const [changed] = await notices(debtor, 'MEASURES_CHANGED');
    expect(changed!.message).toContain('no longer apply');
  });

  it('keeps the postponement when the court sends the record again', async () => {
    expect(
      await ingest('COURTS', 'ingestCourtRecords', 'DEBTOR_LISTING', [{ ...listing('DL-PP-1', debtor), obligation: '偿还借款8万元及利息' }]),
    ).toMatchObject({
      updated: 1,
    });
    expect(await check(debtor)).toMatchObject({ restricted: false, postponedUntil: until });
  });

  it('ends on its own the day after its last day, and the sweep tells the person which measures apply again, once', async () => {
    const models = stack.subgraphs.platform!.models as PlatformModels;
    const dayAfter = addDays(until, 1);
    await models.NoticeSweep.updateOne({ _id: 'window-ends' }, { $set: { through: until } }, { upsert: true }).exec();
    await noticeWindowEnds(models, dayAfter);
    await models.NoticeSweep.updateOne({ _id: 'window-ends' }, { $set: { through: until } }).exec();
    await noticeWindowEnds(models, dayAfter);
    const ended = await notices(debtor, 'POSTPONEMENT_ENDED');
    expect(ended).toHaveLength(1);
    expect(ended[0]!.message).toContain(`ended on ${until}`);
    expect(ended[0]!.message).toContain(policy().measures.NO_AIR_TRAVEL!.label);
  });
});

describe('deciding a postponement', () => {
  it('lets one of two operators deciding at once win, and tells the person the refusal and why', async () => {
    const applied = await apply(other, 'DL-PP-2', addDays(today, 90));
    const id = (applied.body.data as Json).applyForPostponement.id as string;
    const [a, b] = await Promise.all([decide(id, false, await courtsOperator('COURT-OP-1')), decide(id, true, await courtsOperator('COURT-OP-2'))]);
    const outcomes = [a, b].map((r) => r.body.errors?.[0]?.extensions?.code ?? (r.body.data as Json).decidePostponement.status).sort();
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(1);
    const won = outcomes.find((o) => o !== 'CONFLICT');
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { postponements { nodes { id status decisionReason } } jointPunishment { measures } } }',
      { id: other },
      await asPerson(other),
    );
    const person = (body.data as Json).person;
    expect(person.postponements.nodes).toEqual([{ id, status: won, decisionReason: '申请人已提交还款计划' }]);
    // The record shows what was decided, no more: refused, the measures stand; granted, they are suspended.
    expect(person.jointPunishment.measures.includes('NO_AIR_TRAVEL')).toBe(won === 'REFUSED');
    expect(await notices(other, 'POSTPONEMENT_DECIDED')).toEqual([expect.objectContaining({ outcome: won })]);
    // Decided, it is decided: a third decision is refused.
    expect((await decide(id, true, await courtsOperator('COURT-OP-3'))).body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('shows reviewers the applications past their deadline, from the day after it, and no decided one', async () => {
    const applied = await apply(debtor, 'DL-PP-1', addDays(today, 30));
    const application = (applied.body.data as Json).applyForPostponement;
    expect(application.dueOn).toBe(addWorkingDays(today, policy().deadlines.postponementDecisionWorkingDays));
    const overdue = async () => {
      const { body } = await stack.query(
        '{ overduePostponements { nodes { id status dueOn } } }',
        {},
        await authHeader({ role: 'reviewer', org: 'mianyang-credit-platform', sub: 'REV-1' }),
      );
      expect(body.errors).toBeUndefined();
      return ((body.data as Json).overduePostponements.nodes as Json[]).map((n) => n.id);
    };
    const models = stack.subgraphs.platform!.models as PlatformModels;
    // On its last day it is not late yet; the day after, it is.
    await models.Postponement.updateOne({ _id: application.id }, { $set: { dueOn: today } }).exec();
    expect(await overdue()).not.toContain(application.id);
    await models.Postponement.updateOne({ _id: application.id }, { $set: { dueOn: addDays(today, -1) } }).exec();
    expect(await overdue()).toContain(application.id);
    // Decided, it leaves the list.
    expect((await decide(application.id, false, await courtsOperator())).body.errors).toBeUndefined();
    expect(await overdue()).not.toContain(application.id);
  });
});
