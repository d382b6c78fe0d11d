import type { Stack } from '@credit/scripts/dist/stack';
import { addMonths, makeCitizenId, policy, todayInCity } from '@credit/shared';

import { authHeader, foodDrugPenalty, insertResidents, startTestStack } from '../harness';

// A person's statement on one of their records (本人声明; 自主解释, seed
// 二(三)三): their own short text, kept by the department on the record,
// shown with it to everyone who sees it (masked like any free text for
// whoever may not see who they are) and in the blacklist check.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
const debtor = makeCitizenId('510722', '1969-03-03', 91);
const neighbour = makeCitizenId('510722', '1969-03-04', 93);
const today = todayInCity();
const STATEMENT = '该案已于本月达成执行和解, 正按期履行, 联系电话13800138000';

const listing = (extra: Json = {}) => ({
  id: 'DL-ST-1',
  personId: debtor,
  category: 'DISHONEST_JUDGMENT_DEBTOR',
  grade: 'SERIOUS',
  decisionDate: addMonths(today, -2),
  decisionNumber: '(2026)川0722执77号',
  authority: '三台县人民法院',
  legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
  caseNumbers: ['(2026)川0722执77号'],
  court: '三台县人民法院',
  grounds: ['REFUSING_WITH_ABILITY'],
  obligation: '偿还货款12万元',
  ...extra,
});

async function ingestListing(record: Json): Promise<Json> {
  const { body } = await stack.query(
    'mutation ($records: [JSONObject!]!) { ingestCourtRecords(kind: DEBTOR_LISTING, records: $records) { created updated rejected } }',
    { records: [record] },
    await authHeader({ role: 'bureau', org: 'COURTS' }),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json).ingestCourtRecords;
}

const asDebtor = () => authHeader({ role: 'subject', sub: debtor });

async function statementAsSeenBy(headers: Record<string, string>): Promise<string | null> {
  const { body } = await stack.query(
    'query ($id: CitizenId!) { person(id: $id) { dishonestDebtorListings { nodes { id personalStatement } } } }',
    { id: debtor },
    headers,
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json).person.dishonestDebtorListings.nodes[0].personalStatement;
}

async function checkStatements(): Promise<string[]> {
  const { body } = await stack.query(
    'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { listed statements } }',
    { ids: [debtor] },
    await authHeader({ role: 'internal', org: 'mianyang-licensing-system', scopes: ['blacklist:check'] }),
  );
  expect(body.errors).toBeUndefined();
  expect((body.data as Json).blacklistCheck[0].listed).toBe(true);
  return (body.data as Json).blacklistCheck[0].statements;
}

beforeAll(async () => {
  stack = await startTestStack();
  await insertResidents(stack, [
    { id: debtor, name: '王建国' },
    { id: neighbour, name: '王建华' },
  ]);
  expect(await ingestListing(listing())).toMatchObject({ created: 1 });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('a personal statement on a record', () => {
  it('shows the person’s statement with the record, to the person whole and to the public masked, and in the blacklist check', async () => {
    const attached = await stack.query(
      'mutation ($text: String!) { attachStatement(bureau: COURTS, recordId: "DL-ST-1", text: $text) { bureau recordId text } }',
      { text: STATEMENT },
      await asDebtor(),
    );
    expect(attached.body.errors).toBeUndefined();
    expect((attached.body.data as Json).attachStatement).toEqual({ bureau: 'COURTS', recordId: 'DL-ST-1', text: STATEMENT });
    expect(await statementAsSeenBy(await asDebtor())).toBe(STATEMENT);
    const shown = await statementAsSeenBy({});
    expect(shown).toContain('达成执行和解');
    expect(shown).not.toContain('13800138000');
    expect(await checkStatements()).toEqual([STATEMENT]);
  });

  it('publishes the statement on a penalty with it in the 双公示 feed, masked like the penalty’s text', async () => {
    const penalty = await stack.query(
      'mutation ($records: [JSONObject!]!) { ingestMarketRegulationRecords(kind: ADMINISTRATIVE_PENALTY, records: $records) { created } }',
      {
        records: [
          foodDrugPenalty({
            id: 'MR-ST-1',
            personId: debtor,
            name: '王建国',
            decisionDate: addMonths(todayInCity(), -1),
            decisionNumber: '绵市监罚〔2026〕ST1号',
            violationType: '销售过期食品',
          }),
        ],
      },
      await authHeader({ role: 'bureau', org: 'MARKET_REGULATION' }),
    );
    expect((penalty.body.data as Json).ingestMarketRegulationRecords.created).toBe(1);
    const text = '王建国已下架全部过期食品并完成整改, 联系电话13800138000';
    const attached = await stack.query(
      'mutation ($text: String!) { attachStatement(bureau: MARKET_REGULATION, recordId: "MR-ST-1", text: $text) { text } }',
      { text },
      await asDebtor(),
    );
    expect(attached.body.errors).toBeUndefined();
    const feed = await stack.query(
      '{ publishedPenalties(filter: { departments: [MARKET_REGULATION] }, first: 50) { nodes { decisionNumber statement } } }',
      {},
    );
    const published = ((feed.body.data as Json).publishedPenalties.nodes as Json[]).find((n) => n.decisionNumber === '绵市监罚〔2026〕ST1号')!;
    expect(published.statement).toContain('已下架全部过期食品并完成整改');
    expect(published.statement).not.toContain('王建国');
    expect(published.statement).not.toContain('13800138000');
    // Withdrawn, it leaves the feed with the record's next publication.
    await stack.query('mutation { withdrawStatement(bureau: MARKET_REGULATION, recordId: "MR-ST-1") { recordId } }', {}, await asDebtor());
    const after = await stack.query(
      '{ publishedPenalties(filter: { departments: [MARKET_REGULATION] }, first: 50) { nodes { decisionNumber statement } } }',
      {},
    );
    expect(((after.body.data as Json).publishedPenalties.nodes as Json[]).find((n) => n.decisionNumber === '绵市监罚〔2026〕ST1号')!.statement).toBeNull();
  });

  it('keeps the statement when the court sends a correction of the record', async () => {
    expect(await ingestListing(listing({ obligation: '偿还货款12万元及违约金' }))).toMatchObject({ updated: 1 });
    expect(await statementAsSeenBy(await asDebtor())).toBe(STATEMENT);
    expect(await checkStatements()).toEqual([STATEMENT]);
  });

  it('refuses an empty or too long statement, and one on a record that is not the person’s', async () => {
    const attach = async (recordId: string, text: string, headers: Record<string, string>) =>
      (
        await stack.query(
          'mutation ($recordId: String!, $text: String!) { attachStatement(bureau: COURTS, recordId: $recordId, text: $text) { text } }',
          { recordId, text },
          headers,
        )
      ).body;
    const max = policy().limits.maxPersonalStatementChars;
    const tooLong = await attach('DL-ST-1', '说'.repeat(max + 1), await asDebtor());
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text', max });
    expect((await attach('DL-ST-1', '   ', await asDebtor())).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    const notTheirs = await attach('DL-ST-1', '与我无关', await authHeader({ role: 'subject', sub: neighbour }));
    expect(notTheirs.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'recordId' });
    // Only the person writes their statement.
    const byBank = await attach('DL-ST-1', '代为声明', await authHeader({ role: 'partner', org: '91510700MA6P1B2C5X' }));
    expect(byBank.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await statementAsSeenBy(await asDebtor())).toBe(STATEMENT);
  });

  it('withdraws the statement everywhere', async () => {
    const withdrawn = await stack.query('mutation { withdrawStatement(bureau: COURTS, recordId: "DL-ST-1") { text } }', {}, await asDebtor());
    expect(withdrawn.body.errors).toBeUndefined();
    expect((withdrawn.body.data as Json).withdrawStatement).toEqual({ text: null });
    expect(await statementAsSeenBy(await asDebtor())).toBeNull();
    expect(await checkStatements()).toEqual([]);
  });
});
