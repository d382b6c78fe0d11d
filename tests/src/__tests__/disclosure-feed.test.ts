import { randomBytes } from 'node:crypto';

import { republish } from '@credit/scripts/dist/republish';
import { startStack, type Stack } from '@credit/scripts/dist/stack';
import {
  addDays,
  addMonths,
  addWorkingDays,
  loadSubgraphDefinition,
  makeCitizenId,
  makeSocialCreditCode,
  maskCitizenId,
  reloadConfig,
  startSubgraph,
  todayInCity,
} from '@credit/shared';

import { authHeader } from '../harness';

// The 双公示 feed of 信用中国（四川绵阳）: every department's penalties and
// licences in their publicity period, for anyone, masked, filtered and
// paged, read from the platform's published-records index that the
// departments keep current — also across a platform outage.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
let mongoUri: string;
beforeAll(async () => {
  process.env.LOG_LEVEL ??= 'silent';
  mongoUri = reloadConfig().MONGODB_URI!;
  // Undelivered notes are retried every 300 ms here (the outage test waits for one).
  stack = await startStack({ mongoUri, dbPrefix: `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`, outboxSweepMs: 300 });
});
afterAll(async () => {
  await stack?.stop();
});

const today = todayInCity();
const authorityCode = makeSocialCreditCode('11510700008661236');
const fucheng = makeCitizenId('510703', '1975-01-01', 71);
const youxian = makeCitizenId('510704', '1976-02-02', 72);
const jiangyou = makeCitizenId('510781', '1977-03-03', 73);
const minor = makeCitizenId('510703', addDays(addMonths(today, -16 * 12), -60), 74);

function penalty(id: string, personId: string, category: string, decisionDate: string, extra: Json = {}): Json {
  return {
    id,
    personId,
    counterpartName: '欧阳明远',
    category,
    decisionDate,
    decisionNumber: `绵罚〔2026〕${id}号`,
    authority: '绵阳市执法局',
    authorityCode,
    sourceUnit: '绵阳市执法局',
    sourceUnitCode: authorityCode,
    legalBasis: '国办发〔2015〕51号 双公示',
    violationType: '违法经营',
    facts: '当事人违法经营。',
    penaltyBasis: '有关法律第一条',
    penaltyTypes: ['WARNING'],
    penaltyContent: `警告; 当事人欧阳明远(${personId})`,
    ...extra,
  };
}

async function ingest(bureau: string, field: string, kind: string, records: Json[]): Promise<Json> {
  const { body } = await stack.query(
    `mutation ($records: [JSONObject!]!) { ${field}(kind: ${kind}, records: $records) { created updated rejected outcomes { reason } } }`,
    { records },
    await authHeader({ role: 'bureau', org: bureau }),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json)[field];
}

const FEED = /* GraphQL */ `
  query Feed($filter: PublicationFilter, $first: Int, $after: String) {
    publishedPenalties(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        department
        category
        keyField
        decisionDate
        publishedUntil
        counterpartName
        counterpartId
        penaltyContent
        areaName
        underObjection
      }
    }
  }
`;

async function feed(variables: Json = {}, headers: Record<string, string> = {}): Promise<Json> {
  const { body } = await stack.query(FEED, variables, headers);
  expect(body.errors).toBeUndefined();
  return (body.data as Json).publishedPenalties;
}

const ids = (page: Json) => page.nodes.map((n: Json) => n.id);

describe('the 双公示 feed', () => {
  beforeAll(async () => {
    const market = await ingest('MARKET_REGULATION', 'ingestMarketRegulationRecords', 'ADMINISTRATIVE_PENALTY', [
      penalty('MR-F1', fucheng, 'FOOD_SAFETY_VIOLATION', addDays(today, -10)),
      penalty('MR-F2', youxian, 'FALSE_ADVERTISING', addDays(today, -20)),
      // Past its publicity period (a general penalty: 12 months).
      penalty('MR-OLD', jiangyou, 'FOOD_SAFETY_VIOLATION', addMonths(today, -14)),
      // About a minor: never published.
      penalty('MR-MINOR', minor, 'FOOD_SAFETY_VIOLATION', addDays(today, -5)),
    ]);
    expect(market).toMatchObject({ created: 4, rejected: 0 });
    const health = await ingest('HEALTH', 'ingestHealthRecords', 'ADMINISTRATIVE_PENALTY', [
      penalty('HE-F1', jiangyou, 'MEDICAL_PRACTICE_VIOLATION', addDays(today, -3)),
    ]);
    expect(health).toMatchObject({ created: 1, rejected: 0 });
  });

  it('lists every department’s penalties in their publicity period to anyone, newest first, masked', async () => {
    const page = await feed();
    expect(ids(page)).toEqual(['HEALTH:PENALTY:HE-F1', 'MARKET_REGULATION:PENALTY:MR-F1', 'MARKET_REGULATION:PENALTY:MR-F2']);
    expect(page.totalCount).toBe(3);
    const first = page.nodes[0];
    expect(first).toMatchObject({
      department: 'HEALTH',
      category: 'MEDICAL_PRACTICE_VIOLATION',
      keyField: 'HEALTH_CARE',
      counterpartName: '欧阳**',
      counterpartId: maskCitizenId(jiangyou),
      underObjection: false,
    });
    expect(first.penaltyContent).toBe(`警告; 当事人欧阳**(${maskCitizenId(jiangyou)})`);
    expect(first.areaName).toContain('江油');
    expect(JSON.stringify(page)).not.toContain(jiangyou.slice(6, 14));
  });

  it('filters by department, category, key field, county and decision dates', async () => {
    expect(ids(await feed({ filter: { departments: ['MARKET_REGULATION'] } }))).toEqual(['MARKET_REGULATION:PENALTY:MR-F1', 'MARKET_REGULATION:PENALTY:MR-F2']);
    expect(ids(await feed({ filter: { categories: ['FALSE_ADVERTISING'] } }))).toEqual(['MARKET_REGULATION:PENALTY:MR-F2']);
    expect(ids(await feed({ filter: { keyFields: ['HEALTH_CARE'] } }))).toEqual(['HEALTH:PENALTY:HE-F1']);
    expect(ids(await feed({ filter: { areaCodes: ['510703', '510704'] } }))).toEqual(['MARKET_REGULATION:PENALTY:MR-F1', 'MARKET_REGULATION:PENALTY:MR-F2']);
    expect(ids(await feed({ filter: { decidedFrom: addDays(today, -15), decidedTo: addDays(today, -5) } }))).toEqual(['MARKET_REGULATION:PENALTY:MR-F1']);
    const bad = await stack.query(FEED, { filter: { areaCodes: ['5107'] } });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.areaCodes' });
  });

  it('pages by cursor without skipping or repeating a penalty', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: Json = await feed({ first: 2, after });
      seen.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['HEALTH:PENALTY:HE-F1', 'MARKET_REGULATION:PENALTY:MR-F1', 'MARKET_REGULATION:PENALTY:MR-F2']);
  });

  it('logs a page so that each person on it sees the read', async () => {
    await feed({ filter: { departments: ['HEALTH'] } });
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { queryLog(first: 50) { nodes { actorRole fieldGroups } } } }',
      { id: jiangyou },
      await authHeader({ role: 'subject', sub: jiangyou }),
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).person.queryLog.nodes).toContainEqual({ actorRole: 'PUBLIC', fieldGroups: ['double_publicity_penalties', 'identity'] });
  });

  it('flags a penalty under objection and drops it at once when the objection removes it', async () => {
    const subject = await authHeader({ role: 'subject', sub: youxian });
    const filed = await stack.query(
      'mutation { fileObjection(bureau: MARKET_REGULATION, recordId: "MR-F2", reason: "并非本人") { id status dueOn } }',
      {},
      subject,
    );
    expect(filed.body.errors).toBeUndefined();
    expect((filed.body.data as Json).fileObjection).toMatchObject({ status: 'FILED', dueOn: addWorkingDays(today, 5) });
    const flagged = (await feed({ filter: { categories: ['FALSE_ADVERTISING'] } })).nodes[0];
    expect(flagged).toMatchObject({ id: 'MARKET_REGULATION:PENALTY:MR-F2', underObjection: true });

    const decided = await stack.query(
      'mutation ($id: ID!) { decideObjection(id: $id, outcome: REMOVED, reason: "经核查非本人") { status } }',
      { id: (filed.body.data as Json).fileObjection.id },
      await authHeader({ role: 'bureau', org: 'MARKET_REGULATION' }),
    );
    expect(decided.body.errors).toBeUndefined();
    expect(ids(await feed({ filter: { departments: ['MARKET_REGULATION'] } }))).toEqual(['MARKET_REGULATION:PENALTY:MR-F1']);
  });

  it('lists licences while they are valid', async () => {
    const licence = (id: string, personId: string, validUntil: string) => ({
      id,
      personId,
      counterpartName: '欧阳明远',
      documentNumber: `绵许〔2026〕${id}号`,
      licenceCategory: 'GENERAL',
      certificateName: '食品经营许可证',
      certificateNumber: 'JY15107030012345',
      content: '预包装食品销售',
      decisionDate: addMonths(today, -30),
      validFrom: addMonths(today, -30),
      validUntil,
      authority: '绵阳市市场监督管理局',
      authorityCode,
      sourceUnit: '绵阳市市场监督管理局',
      sourceUnitCode: authorityCode,
      legalBasis: '国办发〔2015〕51号 双公示',
    });
    await ingest('MARKET_REGULATION', 'ingestMarketRegulationRecords', 'ADMINISTRATIVE_LICENCE', [
      licence('LIC-VALID', fucheng, '2031-12-31'),
      licence('LIC-EXPIRED', youxian, addDays(today, -1)),
    ]);
    const { body } = await stack.query('{ publishedLicences { totalCount nodes { id certificateName counterpartName publishedUntil } } }');
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).publishedLicences).toEqual({
      totalCount: 1,
      nodes: [{ id: 'MARKET_REGULATION:LICENCE:LIC-VALID', certificateName: '食品经营许可证', counterpartName: '欧阳**', publishedUntil: '2032-01-01' }],
    });
  });

  it('lets a reviewer draft a typical case that another reviewer sends back, then approves, and everyone reads it masked', async () => {
    const author = await authHeader({ role: 'reviewer', org: 'mianyang-credit-platform', sub: 'REV-001' });
    const second = await authHeader({ role: 'reviewer', org: 'mianyang-credit-platform', sub: 'REV-002' });
    const CASE = 'id status title summary reviewNote citedPenalties { id counterpartName }';
    const input = {
      title: '欧阳明远销售过期食品案',
      summary: `当事人欧阳明远(身份证${fucheng})销售过期食品, 依法予以警告。`,
      category: 'FOOD_SAFETY_VIOLATION',
      citedRecordIds: ['MARKET_REGULATION:PENALTY:MR-F1'],
    };
    const run = async (query: string, variables: Json, headers: Record<string, string>) => (await stack.query(query, variables, headers)).body;

    const unnamed = await run(
      `mutation ($input: TypicalCaseInput!) { draftTypicalCase(input: $input) { id } }`,
      { input },
      await authHeader({ role: 'reviewer', org: 'mianyang-credit-platform' }),
    );
    expect(unnamed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'sub' });
    const unknown = await run(
      `mutation ($input: TypicalCaseInput!) { draftTypicalCase(input: $input) { id } }`,
      { input: { ...input, citedRecordIds: ['NOPE'] } },
      author,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', missing: ['NOPE'] });

    const hidden = await run(
      `mutation ($input: TypicalCaseInput!) { draftTypicalCase(input: $input) { id } }`,
      { input: { ...input, summary: `当事人\u202e${input.summary}` } },
      author,
    );
    expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'summary' });

    const drafted = await run(`mutation ($input: TypicalCaseInput!) { draftTypicalCase(input: $input) { ${CASE} } }`, { input }, author);
    expect(drafted.errors).toBeUndefined();
    const id = (drafted.data as Json).draftTypicalCase.id;
    expect((drafted.data as Json).draftTypicalCase).toMatchObject({
      status: 'DRAFT',
      summary: `当事人欧阳**(身份证${maskCitizenId(fucheng)})销售过期食品, 依法予以警告。`,
    });

    const selfApproved = await run('mutation ($id: ID!) { approveTypicalCase(id: $id) { status } }', { id }, author);
    expect(selfApproved.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const returned = await run(`mutation ($id: ID!) { returnTypicalCase(id: $id, note: "请补充处罚依据") { ${CASE} } }`, { id }, second);
    expect((returned.data as Json).returnTypicalCase).toMatchObject({ status: 'RETURNED', reviewNote: '请补充处罚依据' });
    const revised = await run(
      `mutation ($id: ID!, $input: TypicalCaseInput!) { reviseTypicalCase(id: $id, input: $input) { status } }`,
      { id, input: { ...input, summary: `${input.summary}依据《中华人民共和国食品安全法》。` } },
      author,
    );
    expect((revised.data as Json).reviseTypicalCase.status).toBe('DRAFT');
    const approved = await run('mutation ($id: ID!) { approveTypicalCase(id: $id) { status } }', { id }, second);
    expect((approved.data as Json).approveTypicalCase.status).toBe('PUBLISHED');
    const again = await run('mutation ($id: ID!) { approveTypicalCase(id: $id) { status } }', { id }, second);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const published = await run(`{ typicalCases(category: "FOOD_SAFETY_VIOLATION") { totalCount nodes { ${CASE} } } }`, {}, {});
    expect(published.errors).toBeUndefined();
    expect((published.data as Json).typicalCases).toMatchObject({
      totalCount: 1,
      nodes: [
        {
          id,
          status: 'PUBLISHED',
          title: '欧阳**销售过期食品案',
          reviewNote: null,
          citedPenalties: [{ id: 'MARKET_REGULATION:PENALTY:MR-F1', counterpartName: '欧阳**' }],
        },
      ],
    });
    expect(JSON.stringify(published)).not.toContain(fucheng.slice(6, 14));
    const drafts = await run('{ typicalCases(status: DRAFT) { totalCount } }', {}, {});
    expect(drafts.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const withdrawn = await run('mutation ($id: ID!) { withdrawTypicalCase(id: $id, note: "已被撤销") { status } }', { id }, second);
    expect((withdrawn.data as Json).withdrawTypicalCase.status).toBe('WITHDRAWN');
    expect(((await run('{ typicalCases { totalCount } }', {}, {})).data as Json).typicalCases.totalCount).toBe(0);
  });

  it('fills the index from records written before it existed, with npm run republish', async () => {
    // Written straight into the department's database: no note ever reached the platform.
    const validated = new (stack.subgraphs['market-regulation']!.connection.model('AdministrativePenalty'))({
      ...penalty('MR-BEFORE', jiangyou, 'PRODUCT_QUALITY_VIOLATION', addDays(today, -2)),
      _id: 'MR-BEFORE',
      grade: 'GENERAL',
      fineYuan: null,
    });
    await validated.validate();
    await stack.subgraphs['market-regulation']!.connection.db!.collection('administrative_penalties').insertOne(validated.toObject());
    expect(ids(await feed({ filter: { categories: ['PRODUCT_QUALITY_VIOLATION'] } }))).toEqual([]);
    expect((await republish({ mongoUri, dbPrefix: stack.dbPrefix })).people).toBeGreaterThanOrEqual(4);
    expect(ids(await feed({ filter: { categories: ['PRODUCT_QUALITY_VIOLATION'] } }))).toEqual(['MARKET_REGULATION:PENALTY:MR-BEFORE']);
    // Again: nothing changes.
    await republish({ mongoUri, dbPrefix: stack.dbPrefix });
    expect((await feed()).totalCount).toBe(3);
  });

  it('masks an older record id that still names the person', async () => {
    // Gathered before ingestion refused ids that name a person.
    const legacy = `MR-${youxian}`;
    const validated = new (stack.subgraphs['market-regulation']!.connection.model('AdministrativePenalty'))({
      ...penalty(legacy, youxian, 'E_COMMERCE_VIOLATION', addDays(today, -4)),
      _id: legacy,
      grade: 'GENERAL',
      fineYuan: null,
    });
    await validated.validate();
    await stack.subgraphs['market-regulation']!.connection.db!.collection('administrative_penalties').insertOne(validated.toObject());
    await republish({ mongoUri, dbPrefix: stack.dbPrefix });
    const page = await feed({ filter: { categories: ['E_COMMERCE_VIOLATION'] } });
    expect(ids(page)).toEqual([`MARKET_REGULATION:PENALTY:MR-${maskCitizenId(youxian)}`]);
    expect(JSON.stringify(page)).not.toContain(youxian.slice(6, 14));
  });

  it('catches up with what the departments wrote while the platform was down: no change is lost', async () => {
    const platform = stack.subgraphs.platform!;
    const port = Number(new URL(platform.url).port);
    await platform.stop();
    await ingest('HEALTH', 'ingestHealthRecords', 'ADMINISTRATIVE_PENALTY', [penalty('HE-DOWN', fucheng, 'MEDICAL_PRACTICE_VIOLATION', addDays(today, -1))]);
    // The department kept the note in its outbox; a minute later (the writer's grace) its sweeper delivers it.
    const outbox = stack.subgraphs.health!.connection.db!.collection('platform_outbox');
    expect(await outbox.countDocuments({ personIds: fucheng })).toBe(1);
    await outbox.updateMany({}, { $set: { createdAt: new Date(Date.now() - 120_000) } });
    // The platform comes back on its address.
    stack.subgraphs.platform = await startSubgraph(loadSubgraphDefinition('platform'), {
      mongoUri,
      dbPrefix: stack.dbPrefix,
      port,
      peerUrl: (name) => stack.subgraphs[name]!.url,
      outboxSweepMs: 300,
    });
    let found: string[] = [];
    for (let attempt = 0; attempt < 50 && !found.includes('HEALTH:PENALTY:HE-DOWN'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      found = ids(await feed({ filter: { departments: ['HEALTH'] } }));
    }
    expect(found).toEqual(['HEALTH:PENALTY:HE-DOWN', 'HEALTH:PENALTY:HE-F1']);
  });
});
