import type { Stack } from '@credit/scripts/dist/stack';
import { addMonths, addWorkingDays, makeCitizenId, todayInCity } from '@credit/shared';

import { auditorHeader, authHeader, startTestStack } from '../harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const person = makeCitizenId('510723', '1968-08-08', 61);
const other = makeCitizenId('510723', '1969-09-09', 63);
const today = todayInCity();

const listing = (id: string, personId = person) => ({
  id,
  personId,
  category: 'DISHONEST_JUDGMENT_DEBTOR',
  grade: 'SERIOUS',
  decisionDate: addMonths(today, -1),
  decisionNumber: `(2026)川07执${id}号`,
  authority: '四川省绵阳市中级人民法院',
  legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
  caseNumbers: [`(2026)川07执${id}号`],
  court: '四川省绵阳市中级人民法院',
  grounds: ['REFUSING_WITH_ABILITY'],
  obligation: '偿还货款',
});

const asSubject = (id = person) => authHeader({ role: 'subject', sub: id });
const asCourts = () => authHeader({ role: 'bureau', org: 'COURTS' });

async function file(recordId: string, headers: Record<string, string>) {
  return stack.query(
    /* GraphQL */ `
      mutation ($recordId: String!) {
        fileObjection(bureau: COURTS, recordId: $recordId, reason: "该案已于2026年履行完毕") {
          id
          status
          dueOn
        }
      }
    `,
    { recordId },
    headers,
  );
}

async function decide(id: string, outcome: string, headers: Record<string, string>) {
  return stack.query(
    /* GraphQL */ `
      mutation ($id: ID!, $outcome: ObjectionOutcome!) {
        decideObjection(id: $id, outcome: $outcome, reason: "经核查") {
          status
          decisionReason
        }
      }
    `,
    { id, outcome },
    headers,
  );
}

async function check(): Promise<Json> {
  const { body } = await stack.query(
    'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { listed underObjection } }',
    { ids: [person] },
    await authHeader({ role: 'internal', org: 'licensing', scopes: ['blacklist:check'] }),
  );
  return (body.data as Json).blacklistCheck[0];
}

describe('objections', () => {
  beforeAll(async () => {
    const { body } = await stack.query(
      'mutation ($records: [JSONObject!]!) { ingestCourtRecords(kind: DEBTOR_LISTING, records: $records) { created } }',
      { records: [listing('OB-1'), listing('OB-2'), listing('OB-3', other)] },
      await asCourts(),
    );
    expect((body.data as Json).ingestCourtRecords.created).toBe(3);
  });

  it('flags the record at once wherever it is shown, with a deadline in working days', async () => {
    const { body } = await file('OB-1', await asSubject());
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).fileObjection).toMatchObject({ status: 'FILED', dueOn: addWorkingDays(today, 5) });
    const view = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { dishonestDebtorListings { nodes { id underObjection } } } }',
      { id: person },
      await asSubject(),
    );
    const nodes = (view.body.data as Json).person.dishonestDebtorListings.nodes as Json[];
    expect(nodes.find((n) => n.id === 'OB-1')).toEqual({ id: 'OB-1', underObjection: true });
    expect(nodes.find((n) => n.id === 'OB-2')).toEqual({ id: 'OB-2', underObjection: false });
    expect(await check()).toEqual({ listed: true, underObjection: true });
  });

  it("refuses an objection to someone else's record, or to no record", async () => {
    for (const recordId of ['OB-3', 'NO-SUCH-RECORD']) {
      const { body } = await file(recordId, await asSubject());
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('lets only the owning bureau take an objection up, which the person then sees as under review', async () => {
    const objection = await stack.subgraphs.platform!.connection.db!.collection('objections').findOne({ recordId: 'OB-1' });
    const START = 'mutation ($id: ID!) { startObjectionReview(id: $id) { status reviewStartedAt } }';
    const refused = await stack.query(START, { id: String(objection!._id) }, await authHeader({ role: 'bureau', org: 'TAX' }));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const started = await stack.query(START, { id: String(objection!._id) }, await asCourts());
    expect((started.body.data as Json).startObjectionReview).toMatchObject({ status: 'UNDER_REVIEW', reviewStartedAt: expect.any(String) });
    // Taking it up again changes nothing.
    const again = await stack.query(START, { id: String(objection!._id) }, await asCourts());
    expect((again.body.data as Json).startObjectionReview).toEqual((started.body.data as Json).startObjectionReview);
    const view = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { objections { nodes { recordId status } } } }',
      { id: person },
      await asSubject(),
    );
    expect(((view.body.data as Json).person.objections.nodes as Json[]).find((o) => o.recordId === 'OB-1')!.status).toBe('UNDER_REVIEW');
    // Still flagged while it is reviewed.
    expect(await check()).toEqual({ listed: true, underObjection: true });
  });

  it('lets exactly one of two simultaneous decisions succeed, and only the owning bureau decide', async () => {
    const objection = await stack.subgraphs.platform!.connection.db!.collection('objections').findOne({ recordId: 'OB-1' });
    const refused = await decide(String(objection!._id), 'UPHELD', await authHeader({ role: 'bureau', org: 'TAX' }));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [a, b] = await Promise.all([decide(String(objection!._id), 'REMOVED', await asCourts()), decide(String(objection!._id), 'UPHELD', await asCourts())]);
    const outcomes = [a, b].map((r) => (r.body.data as Json | undefined)?.decideObjection?.status ?? r.body.errors?.[0]?.extensions?.code).sort();
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(1);
  });

  it('tells the person the decision, and a removal ends the record’s display while it stays stored', async () => {
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { objections { nodes { recordId status decisionReason } } } }',
      { id: person },
      await asSubject(),
    );
    const decided = ((body.data as Json).person.objections.nodes as Json[]).find((o) => o.recordId === 'OB-1')!;
    expect(decided.decisionReason).toBe('经核查');
    const notices = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { notifications { totalCount nodes { kind outcome message } } } }',
      { id: person },
      await asSubject(),
    );
    // One notice of the decision, though two operators tried to decide (the listing's warning is another).
    const inbox = ((notices.body.data as Json).person.notifications.nodes as Json[]).filter((n) => n.kind === 'OBJECTION_DECIDED');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: 'OBJECTION_DECIDED', outcome: decided.status });
    expect(inbox[0]!.message).toMatch(/COURTS record OB-1 was decided/);
    const audit = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { dishonestDebtorListings { nodes { id underObjection displayWindow { shown endedBy } } } } }',
      { id: person },
      await auditorHeader(),
    );
    const record = ((audit.body.data as Json).person.dishonestDebtorListings.nodes as Json[]).find((n) => n.id === 'OB-1')!;
    expect(record.underObjection).toBe(false);
    if (decided.status === 'REMOVED') expect(record.displayWindow).toEqual({ shown: false, endedBy: 'REMOVED' });
    else expect(record.displayWindow.shown).toBe(true);
    // OB-2 still lists the person either way, no longer under objection.
    expect(await check()).toEqual({ listed: true, underObjection: false });
  });

  it('keeps a removal decided on an objection when the court sends the record again, changed', async () => {
    const third = makeCitizenId('510723', '1971-01-11', 65);
    const ingest = async (record: Json) =>
      (
        await stack.query(
          'mutation ($records: [JSONObject!]!) { ingestCourtRecords(kind: DEBTOR_LISTING, records: $records) { created updated } }',
          { records: [record] },
          await asCourts(),
        )
      ).body.data as Json;
    expect((await ingest(listing('OB-5', third))).ingestCourtRecords.created).toBe(1);
    const filed = await file('OB-5', await asSubject(third));
    expect(filed.body.errors).toBeUndefined();
    const decided = await decide((filed.body.data as Json).fileObjection.id, 'REMOVED', await asCourts());
    expect((decided.body.data as Json).decideObjection.status).toBe('REMOVED');
    // The court corrects the obligation's wording; the record stays removed and the person off the list.
    expect((await ingest({ ...listing('OB-5', third), obligation: '偿还货款及违约金' })).ingestCourtRecords.updated).toBe(1);
    const audit = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { dishonestDebtorListings { nodes { id obligation displayWindow { shown endedBy } } } } }',
      { id: third },
      await auditorHeader(),
    );
    expect((audit.body.data as Json).person.dishonestDebtorListings.nodes).toEqual([
      { id: 'OB-5', obligation: '偿还货款及违约金', displayWindow: { shown: false, endedBy: 'REMOVED' } },
    ]);
    const { body } = await stack.query(
      'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { listed } }',
      { ids: [third] },
      await authHeader({ role: 'internal', org: 'licensing', scopes: ['blacklist:check'] }),
    );
    expect((body.data as Json).blacklistCheck[0].listed).toBe(false);
  });

  it('shows reviewers the objections past their deadline', async () => {
    await stack.subgraphs.platform!.connection.db!.collection('objections').insertOne({
      _id: 'OBJ-LATE' as never,
      personId: other,
      bureau: 'COURTS',
      recordId: 'OB-3',
      reason: '不是我',
      status: 'FILED',
      filedAt: new Date('2026-01-05'),
      dueOn: '2026-01-12',
      decidedAt: null,
      decisionReason: null,
      version: 0,
    });
    const { body } = await stack.query(
      '{ overdueObjections { nodes { id dueOn } } }',
      {},
      await authHeader({ role: 'reviewer', org: 'mianyang-credit-platform' }),
    );
    const ids = ((body.data as Json).overdueObjections.nodes as Json[]).map((o) => o.id);
    expect(ids).toContain('OBJ-LATE');
    expect(ids.every((id) => id === 'OBJ-LATE')).toBe(true);
  });
});
