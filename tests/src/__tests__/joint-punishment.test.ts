import type { Stack } from '@credit/scripts/dist/stack';
import { addMonths, makeCitizenId, makeSocialCreditCode, policy, todayInCity } from '@credit/shared';
import { appendStandingChange, standingsOf, type Models as PlatformModels } from '@credit/subgraph-platform';

import { authHeader, startTestStack } from '../harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const debtor = makeCitizenId('510703', '1970-04-04', 41);
const driver = makeCitizenId('510704', '1971-05-05', 43);
const volunteer = makeCitizenId('510705', '1972-06-06', 45);
const today = todayInCity();
const monthsAgo = (n: number) => addMonths(today, -n);

const listing = (extra: Json = {}) => ({
  id: 'DL-JP-1',
  personId: debtor,
  category: 'DISHONEST_JUDGMENT_DEBTOR',
  grade: 'SERIOUS',
  decisionDate: monthsAgo(2),
  decisionNumber: '(2026)川07执55号',
  authority: '四川省绵阳市中级人民法院',
  legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
  caseNumbers: ['(2026)川07执55号'],
  court: '四川省绵阳市中级人民法院',
  grounds: ['REFUSING_WITH_ABILITY'],
  obligation: '偿还借款本金30万元及利息',
  ...extra,
});

async function ingest(bureau: string, field: string, kindType: string, kind: string, records: Json[]): Promise<Json> {
  const { body } = await stack.query(
    `mutation ($records: [JSONObject!]!) { ${field}(kind: ${kind}, records: $records) { created updated rejected outcomes { reason } } }`,
    { records },
    await authHeader({ role: 'bureau', org: bureau }),
  );
  expect(body.errors).toBeUndefined();
  void kindType;
  return (body.data as Json)[field];
}

const CHECK = /* GraphQL */ `
  query ($ids: [String!]!) {
    blacklistCheck(ids: $ids, purpose: LICENSING) {
      id
      valid
      error
      listed
      categories
      measures
      since
      until
      greenChannelEligible
    }
  }
`;
const asLicensingSystem = () => authHeader({ role: 'internal', org: 'mianyang-licensing-system', scopes: ['blacklist:check'] });

async function check(ids: string[]): Promise<Json[]> {
  const { body } = await stack.query(CHECK, { ids }, await asLicensingSystem());
  expect(body.errors).toBeUndefined();
  return (body.data as Json).blacklistCheck;
}

describe('joint punishment and the blacklist check', () => {
  it('lists a person as soon as a bureau writes a serious record, with the measures of its category', async () => {
    expect((await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'DEBTOR_LISTING', [listing()])).created).toBe(1);
    const [result] = await check([debtor]);
    expect(result).toMatchObject({
      id: debtor,
      valid: true,
      listed: true,
      categories: ['DISHONEST_JUDGMENT_DEBTOR'],
      since: monthsAgo(2),
      greenChannelEligible: false,
    });
    expect(result!.measures).toEqual(expect.arrayContaining(['NO_AIR_TRAVEL', 'NO_SOFT_SLEEPER', 'NO_PROPERTY_PURCHASE']));
  });

  it('answers for each scenario of the plan the measures that bear on it, and whether any does', async () => {
    const SCENARIO =
      'query ($ids: [String!]!, $purpose: BlacklistCheckPurpose!) { blacklistCheck(ids: $ids, purpose: $purpose) { id listed applicableMeasures restricted } }';
    const byPurpose = async (purpose: string) => {
      const { body } = await stack.query(SCENARIO, { ids: [debtor, volunteer], purpose }, await asLicensingSystem());
      expect(body.errors).toBeUndefined();
      return (body.data as Json).blacklistCheck as Json[];
    };
    const [air] = await byPurpose('AIR_TRAVEL');
    expect(air).toEqual({ id: debtor, listed: true, applicableMeasures: ['NO_AIR_TRAVEL'], restricted: true });
    expect((await byPurpose('RAIL_TRAVEL'))[0]!.applicableMeasures).toEqual(['NO_G_TRAIN_OR_FIRST_CLASS', 'NO_SOFT_SLEEPER']);
    expect((await byPurpose('PROFESSIONAL_TITLE'))[0]!.applicableMeasures).toEqual(['RESTRICTED_PROFESSIONAL_TITLE']);
    // A listed debtor is not barred from government funding by the debtor listing (its category has no such measure).
    expect((await byPurpose('GOVERNMENT_FUNDING'))[0]).toMatchObject({ listed: true, applicableMeasures: [], restricted: false });
    // Every purpose of the policy can be asked, and answers only measures of its scenario.
    for (const [purpose, scenario] of Object.entries(policy().checkScenarios.purposes)) {
      const [listed, unlisted] = await byPurpose(purpose);
      if (scenario.measures !== 'ALL') for (const m of listed!.applicableMeasures) expect(scenario.measures).toContain(m);
      expect(unlisted).toEqual({ id: volunteer, listed: false, applicableMeasures: [], restricted: false });
    }
  });

  it("answers a consumption-restriction order's measures for a debtor who is not listed, until the order is lifted", async () => {
    const order = (extra: Json = {}) => ({
      id: 'CR-JP-1',
      personId: driver,
      caseNumber: '(2026)川07执77号',
      court: '四川省绵阳市中级人民法院',
      measures: ['NO_AIR_TRAVEL', 'NO_STARRED_HOTEL'],
      since: monthsAgo(1),
      legalBasis: '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》',
      ...extra,
    });
    const SCENARIO =
      'query ($ids: [String!]!, $purpose: BlacklistCheckPurpose!) { blacklistCheck(ids: $ids, purpose: $purpose) { listed measures applicableMeasures restricted } }';
    const checkFor = async (purpose: string) => {
      const { body } = await stack.query(SCENARIO, { ids: [driver], purpose }, await asLicensingSystem());
      expect(body.errors).toBeUndefined();
      return (body.data as Json).blacklistCheck[0] as Json;
    };
    expect((await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'CONSUMPTION_RESTRICTION', [order()])).created).toBe(1);
    expect(await checkFor('AIR_TRAVEL')).toEqual({
      listed: false,
      measures: ['NO_AIR_TRAVEL', 'NO_STARRED_HOTEL'],
      applicableMeasures: ['NO_AIR_TRAVEL'],
      restricted: true,
    });
    expect(await checkFor('RAIL_TRAVEL')).toMatchObject({ applicableMeasures: [], restricted: false });
    expect((await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'CONSUMPTION_RESTRICTION', [order({ liftedOn: today })])).updated).toBe(1);
    expect(await checkFor('AIR_TRAVEL')).toEqual({ listed: false, measures: [], applicableMeasures: [], restricted: false });
  });

  it("answers, for the students' scenarios, a shown exam-cheating record as a measure without a listing", async () => {
    const student = makeCitizenId('510706', '2004-02-02', 47);
    await ingest('EDUCATION', 'ingestEducationRecords', 'EducationRecordKind', 'STUDENT_INTEGRITY_RECORD', [
      {
        id: 'EDU-JP-1',
        personId: student,
        category: 'EXAM_CHEATING',
        grade: 'GENERAL',
        decisionDate: monthsAgo(1),
        decisionNumber: '川教考院违〔2026〕12号',
        authority: '四川省教育考试院',
        legalBasis: '《国家教育考试违规处理办法》',
        institution: '四川省教育考试院',
        description: '在全国大学英语四级考试中携带通讯工具, 认定为考试作弊',
        actDate: monthsAgo(2),
      },
    ]);
    const { body } = await stack.query(
      'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: SCHOLARSHIP) { listed applicableMeasures restricted } }',
      { ids: [student] },
      await asLicensingSystem(),
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).blacklistCheck[0]).toEqual({ listed: false, applicableMeasures: ['STUDENT_INTEGRITY_REVIEW'], restricted: true });
  });

  it('answers a carrier only whether the passenger may travel so, and only for travel', async () => {
    const carrier = await authHeader({ role: 'internal', org: 'mianyang-airport', scopes: ['blacklist:travel'] });
    const FULL =
      'query ($ids: [String!]!, $purpose: BlacklistCheckPurpose!) { blacklistCheck(ids: $ids, purpose: $purpose) { id valid listed categories measures applicableMeasures restricted since greenChannelEligible } }';
    const { body } = await stack.query(FULL, { ids: [debtor, '123'], purpose: 'AIR_TRAVEL' }, carrier);
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).blacklistCheck).toEqual([
      {
        id: debtor,
        valid: true,
        listed: null,
        categories: null,
        measures: null,
        applicableMeasures: ['NO_AIR_TRAVEL'],
        restricted: true,
        since: null,
        greenChannelEligible: null,
      },
      {
        id: '123',
        valid: false,
        listed: null,
        categories: null,
        measures: null,
        applicableMeasures: null,
        restricted: null,
        since: null,
        greenChannelEligible: null,
      },
    ]);
    const licensing = await stack.query(FULL, { ids: [debtor], purpose: 'LICENSING' }, carrier);
    expect(licensing.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', allowed: ['AIR_TRAVEL', 'RAIL_TRAVEL', 'OUTBOUND_TRAVEL'] });
    expect(licensing.body.errors?.[0]?.message).toMatch(/blacklist:travel checks only for AIR_TRAVEL/);
    // The person sees the carrier's check in their log, as reading the joint-punishment status only.
    const own = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { queryLog(first: 1) { nodes { actorId checkPurpose fieldGroups } } } }',
      { id: debtor },
      await authHeader({ role: 'subject', sub: debtor }),
    );
    expect((own.body.data as Json).person.queryLog.nodes[0]).toEqual({
      actorId: 'mianyang-airport',
      checkPurpose: 'AIR_TRAVEL',
      fieldGroups: ['joint_punishment'],
    });
  });

  it('lists a company’s responsible people with their company, and takes them off with it, with no record per person', async () => {
    const director = makeCitizenId('510781', '1968-08-08', 51);
    const company = { unifiedSocialCreditCode: '91510700MA6CQ8J4EX', companyName: '绵阳某某建材有限公司' };
    await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_REPRESENTATION', [
      { id: 'CRP-JP-1', personId: director, ...company, role: 'LEGAL_REPRESENTATIVE', since: '2019-03-01', legalBasis: '《中华人民共和国民事诉讼法》' },
    ]);
    expect((await check([director]))[0]).toMatchObject({ listed: false });
    const companyListing = (extra: Json = {}) => ({
      id: 'CDL-JP-1',
      ...company,
      caseNumber: '(2026)川07执88号',
      court: '四川省绵阳市中级人民法院',
      listedOn: monthsAgo(1),
      legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
      ...extra,
    });
    expect((await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_DEBTOR_LISTING', [companyListing()])).created).toBe(1);
    const [listed] = await check([director]);
    expect(listed).toMatchObject({ listed: true, categories: ['DISHONEST_COMPANY_RESPONSIBLE_PERSON'], since: monthsAgo(1) });
    expect(listed!.measures).toContain('RESTRICTED_COMPANY_OFFICE');
    const representation = async () =>
      (
        await stack.query(
          'query ($id: CitizenId!) { person(id: $id) { representedCompanies { unifiedSocialCreditCode companyDishonest } } }',
          { id: director },
          await authHeader({ role: 'subject', sub: director }),
        )
      ).body.data as Json;
    // The court's own view of the office says so too, from the listing.
    expect((await representation()).person.representedCompanies).toEqual([
      { unifiedSocialCreditCode: company.unifiedSocialCreditCode, companyDishonest: true },
    ]);
    // Sent again unchanged: nothing changes, the person is listed once.
    expect((await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_DEBTOR_LISTING', [companyListing()])).created).toBe(0);
    expect((await check([director]))[0]).toMatchObject({ listed: true, categories: ['DISHONEST_COMPANY_RESPONSIBLE_PERSON'] });
    // Someone the court records as responsible after the listing is listed as soon as the office is written.
    const principal = makeCitizenId('510781', '1972-09-09', 53);
    await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_REPRESENTATION', [
      { id: 'CRP-JP-2', personId: principal, ...company, role: 'PRINCIPAL', since: '2021-05-01', legalBasis: '《中华人民共和国民事诉讼法》' },
    ]);
    expect((await check([principal]))[0]).toMatchObject({ listed: true, categories: ['DISHONEST_COMPANY_RESPONSIBLE_PERSON'] });
    // The company leaves the list: so do its responsible people.
    expect((await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_DEBTOR_LISTING', [companyListing({ removedOn: today })])).updated).toBe(1);
    expect((await check([director, principal])).map((r) => r.listed)).toEqual([false, false]);
    expect((await representation()).person.representedCompanies[0].companyDishonest).toBe(false);
    // 信用警示: the director was told when listed, with the record, the measures and the remedies, and when taken off.
    const notices = (
      await stack.query(
        'query ($id: CitizenId!) { person(id: $id) { notifications { nodes { kind outcome message caseId } } } }',
        { id: director },
        await authHeader({ role: 'subject', sub: director }),
      )
    ).body.data as Json;
    const [delisted, listedNotice, ...others] = notices.person.notifications.nodes;
    expect(others).toEqual([]);
    expect(delisted).toMatchObject({ kind: 'DELISTED', outcome: 'DELISTED' });
    expect(listedNotice).toMatchObject({ kind: 'LISTED', outcome: 'LISTED' });
    expect(listedNotice.message).toContain(`COURTS record CDL-JP-1/CRP-JP-1 (${policy().categories.DISHONEST_COMPANY_RESPONSIBLE_PERSON!.label})`);
    expect(listedNotice.message).toContain(policy().measures.RESTRICTED_COMPANY_OFFICE!.label);
    expect(listedNotice.message).toMatch(/file an objection .* apply to repair/);
    expect(listedNotice.caseId).not.toContain(director);
  });

  it('lists the actual controller the market regulator registers when it publishes the company on a list, and delists with it', async () => {
    const controller = makeCitizenId('510704', '1966-06-16', 55);
    const company = { unifiedSocialCreditCode: '91510781MA7XK2P5QL', companyName: '绵阳某某贸易有限公司' };
    const formerDirector = makeCitizenId('510704', '1961-01-21', 57);
    const registration = '《中华人民共和国市场主体登记管理条例》';
    await ingest('MARKET_REGULATION', 'ingestMarketRegulationRecords', 'MarketRegulationRecordKind', 'COMPANY_OFFICER', [
      { id: 'MR-OFF-1', personId: controller, ...company, role: 'ACTUAL_CONTROLLER', since: '2018-01-15', legalBasis: registration },
      // Left the board years before the listing: does not answer for it.
      { id: 'MR-OFF-2', personId: formerDirector, ...company, role: 'DIRECTOR', since: '2018-01-15', until: '2020-06-30', legalBasis: registration },
    ]);
    const own = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { companyOffices { companyName role since until } } }',
      { id: controller },
      await authHeader({ role: 'subject', sub: controller }),
    );
    expect((own.body.data as Json).person.companyOffices).toEqual([
      { companyName: company.companyName, role: 'ACTUAL_CONTROLLER', since: '2018-01-15', until: null },
    ]);
    const listing = (extra: Json = {}) => ({
      id: 'MR-CL-1',
      ...company,
      list: 'SERIOUSLY_ILLEGAL_DISHONEST',
      listedOn: monthsAgo(3),
      decisionNumber: '绵市监严〔2026〕3号',
      authority: '绵阳市市场监督管理局',
      legalBasis: '《市场监督管理严重违法失信名单管理办法》',
      ...extra,
    });
    await ingest('MARKET_REGULATION', 'ingestMarketRegulationRecords', 'MarketRegulationRecordKind', 'COMPANY_LISTING', [listing()]);
    const [listedController, formerly] = await check([controller, formerDirector]);
    expect(listedController).toMatchObject({ listed: true, categories: ['SERIOUSLY_DISHONEST_COMPANY_OFFICER'], since: monthsAgo(3) });
    expect(formerly).toMatchObject({ listed: false });
    await ingest('MARKET_REGULATION', 'ingestMarketRegulationRecords', 'MarketRegulationRecordKind', 'COMPANY_LISTING', [listing({ removedOn: today })]);
    expect((await check([controller]))[0]).toMatchObject({ listed: false, categories: [] });
  });

  it('lists the actual controller the market regulator registers when the court lists the company, in either order, and delists with it', async () => {
    const company = { unifiedSocialCreditCode: makeSocialCreditCode('91510722MA6FJ2K8W'), companyName: '绵阳某某置业有限公司' };
    const controller = makeCitizenId('510722', '1965-02-12', 71);
    const formerDirector = makeCitizenId('510722', '1960-03-13', 73);
    const registration = '《中华人民共和国市场主体登记管理条例》';
    await ingest('MARKET_REGULATION', 'ingestMarketRegulationRecords', 'MarketRegulationRecordKind', 'COMPANY_OFFICER', [
      { id: 'MR-OFF-X1', personId: controller, ...company, role: 'ACTUAL_CONTROLLER', since: '2017-04-01', legalBasis: registration },
      { id: 'MR-OFF-X2', personId: formerDirector, ...company, role: 'DIRECTOR', since: '2017-04-01', until: '2019-12-31', legalBasis: registration },
    ]);
    expect((await check([controller]))[0]).toMatchObject({ listed: false });
    // The court lists the company; it records none of these people itself.
    const companyListing = (extra: Json = {}) => ({
      id: 'CDL-JP-X',
      ...company,
      caseNumber: '(2026)川0722执31号',
      court: '梓潼县人民法院',
      listedOn: monthsAgo(2),
      legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
      ...extra,
    });
    await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_DEBTOR_LISTING', [companyListing()]);
    const [listedController, formerly] = await check([controller, formerDirector]);
    expect(listedController).toMatchObject({ listed: true, categories: ['DISHONEST_COMPANY_RESPONSIBLE_PERSON'], since: monthsAgo(2) });
    expect(listedController!.measures).toContain('RESTRICTED_COMPANY_OFFICE');
    expect(formerly).toMatchObject({ listed: false });
    // The other order: a supervisor the regulator registers after the listing is listed with the office.
    const supervisor = makeCitizenId('510722', '1979-05-15', 75);
    await ingest('MARKET_REGULATION', 'ingestMarketRegulationRecords', 'MarketRegulationRecordKind', 'COMPANY_OFFICER', [
      { id: 'MR-OFF-X3', personId: supervisor, ...company, role: 'SUPERVISOR', since: monthsAgo(1), legalBasis: registration },
    ]);
    expect((await check([supervisor]))[0]).toMatchObject({ listed: true, categories: ['DISHONEST_COMPANY_RESPONSIBLE_PERSON'] });
    // Another bureau writing about the controller keeps the company's ground (the offices are kept with the status).
    await ingest('PUBLIC_SECURITY', 'ingestPublicSecurityRecords', 'PublicSecurityRecordKind', 'VIOLATION', [
      {
        id: 'PSB-JP-X',
        personId: controller,
        category: 'SERIOUS_TRAFFIC_VIOLATION',
        grade: 'SERIOUS',
        decisionDate: monthsAgo(1),
        decisionNumber: '绵公交罚〔2026〕31号',
        authority: '绵阳市公安局交通警察支队',
        legalBasis: '《中华人民共和国道路交通安全法》第91条',
        description: '醉酒驾驶机动车',
        penalty: '吊销机动车驾驶证',
      },
    ]);
    expect((await check([controller]))[0]!.categories.sort()).toEqual(['DISHONEST_COMPANY_RESPONSIBLE_PERSON', 'SERIOUS_TRAFFIC_VIOLATION']);
    // The court takes the company off its list: its responsible people leave with it, idempotently.
    await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_DEBTOR_LISTING', [companyListing({ removedOn: today })]);
    expect((await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_DEBTOR_LISTING', [companyListing({ removedOn: today })])).updated).toBe(0);
    const [controllerAfter, supervisorAfter] = await check([controller, supervisor]);
    expect(controllerAfter).toMatchObject({ listed: true, categories: ['SERIOUS_TRAFFIC_VIOLATION'] });
    expect(supervisorAfter).toMatchObject({ listed: false, categories: [] });
  });

  it('lets a responsible person dispute the office a company’s listing reached them through, and takes them off when it is removed', async () => {
    const company = { unifiedSocialCreditCode: makeSocialCreditCode('91510703MA6DQ7H3X'), companyName: '绵阳某某物流有限公司' };
    const representative = makeCitizenId('510703', '1970-10-10', 61);
    const principal = makeCitizenId('510703', '1975-11-11', 63);
    const basis = '《中华人民共和国民事诉讼法》';
    await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_REPRESENTATION', [
      { id: 'CRP-OBJ-1', personId: representative, ...company, role: 'LEGAL_REPRESENTATIVE', since: '2018-02-01', legalBasis: basis },
      { id: 'CRP-OBJ-2', personId: principal, ...company, role: 'PRINCIPAL', since: '2018-02-01', legalBasis: basis },
    ]);
    await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_DEBTOR_LISTING', [
      {
        id: 'CDL-OBJ-1',
        ...company,
        caseNumber: '(2026)川0703执12号',
        court: '绵阳市涪城区人民法院',
        listedOn: monthsAgo(2),
        legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
      },
    ]);
    expect((await check([representative, principal])).map((r) => r.listed)).toEqual([true, true]);
    const subject = await authHeader({ role: 'subject', sub: representative });
    // The person finds the office in their court records, and names it in the objection.
    const offices = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { representedCompanies { id companyName underObjection } } }',
      { id: representative },
      subject,
    );
    expect((offices.body.data as Json).person.representedCompanies).toEqual([{ id: 'CRP-OBJ-1', companyName: company.companyName, underObjection: false }]);
    const filed = await stack.query(
      'mutation { fileObjection(bureau: COURTS, recordId: "CRP-OBJ-1", reason: "2017年已辞去法定代表人职务, 登记未及时变更") { id status } }',
      {},
      subject,
    );
    expect(filed.body.errors).toBeUndefined();
    const disputed = await stack.query(
      'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { listed underObjection } }',
      { ids: [representative, principal] },
      await asLicensingSystem(),
    );
    expect((disputed.body.data as Json).blacklistCheck).toEqual([
      { listed: true, underObjection: true },
      { listed: true, underObjection: false },
    ]);
    const decided = await stack.query(
      'mutation ($id: ID!) { decideObjection(id: $id, outcome: REMOVED, reason: "经核查, 该职务登记有误") { status } }',
      { id: (filed.body.data as Json).fileObjection.id },
      await authHeader({ role: 'bureau', org: 'COURTS' }),
    );
    expect(decided.body.errors).toBeUndefined();
    expect((await check([representative, principal])).map((r) => r.listed)).toEqual([false, true]);
    const after = await stack.query('query ($id: CitizenId!) { person(id: $id) { representedCompanies { id } } }', { id: representative }, subject);
    expect((after.body.data as Json).person.representedCompanies).toEqual([]);
    // The court sending the office again does not bring the person back under the listing.
    expect(
      (
        await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_REPRESENTATION', [
          { id: 'CRP-OBJ-1', personId: representative, ...company, role: 'LEGAL_REPRESENTATIVE', since: '2018-02-01', legalBasis: basis },
        ])
      ).created,
    ).toBe(0);
    expect((await check([representative]))[0]).toMatchObject({ listed: false });
    // Nor sending it changed (a corrected start date): the objection's decision stands.
    expect(
      (
        await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'COMPANY_REPRESENTATION', [
          { id: 'CRP-OBJ-1', personId: representative, ...company, role: 'LEGAL_REPRESENTATIVE', since: '2018-03-01', legalBasis: basis },
        ])
      ).updated,
    ).toBe(1);
    expect((await check([representative]))[0]).toMatchObject({ listed: false });
  });

  it('answers a mix of valid and invalid IDs item by item, never the records', async () => {
    const results = await check([debtor, '123', volunteer]);
    expect(results.map((r) => [r.id, r.valid, r.listed])).toEqual([
      [debtor, true, true],
      ['123', false, null],
      [volunteer, true, false],
    ]);
    expect(results[1]!.error).toMatch(/18 characters/);
    expect(Object.keys(results[0]!).sort()).toEqual(['categories', 'error', 'greenChannelEligible', 'id', 'listed', 'measures', 'since', 'until', 'valid']);
  });

  it('delists the person on the next check once the listing is removed', async () => {
    const report = await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'DEBTOR_LISTING', [
      listing({ removedOn: today, removalReason: 'PERFORMED' }),
    ]);
    expect(report.updated).toBe(1);
    expect((await check([debtor]))[0]).toMatchObject({ listed: false, categories: [], measures: [] });
  });

  it('does not list for a serious record past its display period, and drops a ground the day it lapses', async () => {
    await ingest('PUBLIC_SECURITY', 'ingestPublicSecurityRecords', 'PublicSecurityRecordKind', 'VIOLATION', [
      {
        id: 'PSB-JP-OLD',
        personId: driver,
        category: 'SERIOUS_TRAFFIC_VIOLATION',
        grade: 'SERIOUS',
        decisionDate: monthsAgo(40),
        decisionNumber: '绵公交罚〔2023〕1号',
        authority: '绵阳市公安局交通警察支队',
        legalBasis: '《中华人民共和国道路交通安全法》第91条',
        description: '醉酒驾驶机动车',
        penalty: '吊销机动车驾驶证',
      },
    ]);
    expect((await check([driver]))[0]!.listed).toBe(false);

    await ingest('PUBLIC_SECURITY', 'ingestPublicSecurityRecords', 'PublicSecurityRecordKind', 'VIOLATION', [
      {
        id: 'PSB-JP-NEW',
        personId: driver,
        category: 'SERIOUS_TRAFFIC_VIOLATION',
        grade: 'SERIOUS',
        decisionDate: monthsAgo(3),
        decisionNumber: '绵公交罚〔2026〕9号',
        authority: '绵阳市公安局交通警察支队',
        legalBasis: '《中华人民共和国道路交通安全法》第91条',
        description: '醉酒驾驶机动车',
        penalty: '吊销机动车驾驶证',
      },
    ]);
    expect((await check([driver]))[0]).toMatchObject({ listed: true, categories: ['SERIOUS_TRAFFIC_VIOLATION'] });

    // Time passes: the ground reaches its end today. No batch job runs; the
    // check decides from the dates. Simulated by moving the stored end to
    // today and feeding the stored standing to the listing indexes, as any
    // re-derivation (or another platform instance) would.
    const platform = stack.subgraphs.platform!;
    await platform.connection.db!.collection('joint_punishment_status').updateOne({ _id: driver as never }, { $set: { 'grounds.0.until': today } });
    const models = platform.models as PlatformModels;
    await appendStandingChange(models, await standingsOf(models, [driver]));
    expect((await check([driver]))[0]!.listed).toBe(false);
  });

  it('keeps what one bureau reported when another writes or withdraws its own records', async () => {
    const both = makeCitizenId('510706', '1968-07-07', 47);
    await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'DEBTOR_LISTING', [listing({ id: 'DL-JP-BOTH', personId: both })]);
    await ingest('PUBLIC_SECURITY', 'ingestPublicSecurityRecords', 'PublicSecurityRecordKind', 'VIOLATION', [
      {
        id: 'PSB-JP-BOTH',
        personId: both,
        category: 'SERIOUS_TRAFFIC_VIOLATION',
        grade: 'SERIOUS',
        decisionDate: monthsAgo(1),
        decisionNumber: '绵公交罚〔2026〕12号',
        authority: '绵阳市公安局交通警察支队',
        legalBasis: '《中华人民共和国道路交通安全法》第91条',
        description: '醉酒驾驶机动车',
        penalty: '吊销机动车驾驶证',
      },
    ]);
    // Public security's note made the platform ask public security alone; the courts' ground stays.
    expect((await check([both]))[0]!.categories.sort()).toEqual(['DISHONEST_JUDGMENT_DEBTOR', 'SERIOUS_TRAFFIC_VIOLATION']);

    await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'DEBTOR_LISTING', [
      listing({ id: 'DL-JP-BOTH', personId: both, removedOn: today, removalReason: 'PERFORMED' }),
    ]);
    expect((await check([both]))[0]).toMatchObject({ listed: true, categories: ['SERIOUS_TRAFFIC_VIOLATION'], since: monthsAgo(1) });
  });

  it('makes a person with good records and no recent negative record eligible for the green channel', async () => {
    const report = await ingest('PLATFORM', 'ingestPlatformRecords', 'PlatformRecordKind', 'VOLUNTEER_RECORD', [
      {
        id: 'VOL-JP-1',
        personId: volunteer,
        organisation: '绵阳市志愿者协会',
        sourceOrganisation: '绵阳市志愿服务联合会',
        activity: '社区防汛志愿服务',
        hours: 40,
        servedOn: monthsAgo(1),
        legalBasis: '《志愿服务条例》',
      },
    ]);
    expect(report).toMatchObject({ created: 1, rejected: 0 });
    expect((await check([volunteer]))[0]!.greenChannelEligible).toBe(true);
    const RED = 'query ($id: CitizenId!) { person(id: $id) { redList { onRedList greenChannelEligible } } }';
    const own = await stack.query(RED, { id: volunteer }, await authHeader({ role: 'subject', sub: volunteer }));
    expect((own.body.data as Json).person.redList).toEqual({ onRedList: false, greenChannelEligible: true });
    // Not on the red list: the public is not told.
    const anonymous = await stack.query(RED, { id: volunteer });
    expect((anonymous.body.data as Json).person.redList).toEqual({ onRedList: false, greenChannelEligible: null });
    // A general (not serious) record within 3 years takes the eligibility away without listing.
    await ingest('TAX', 'ingestTaxRecords', 'TaxRecordKind', 'TAX_ARREARS', [
      {
        id: 'TA-JP-1',
        personId: volunteer,
        category: 'TAX_ARREARS',
        grade: 'GENERAL',
        decisionDate: monthsAgo(1),
        decisionNumber: '绵税欠〔2026〕77号',
        authority: '国家税务总局绵阳市税务局',
        legalBasis: '《中华人民共和国税收征收管理法》第32条',
        taxType: 'VALUE_ADDED_TAX',
        amountYuan: 5000,
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
      },
    ]);
    expect((await check([volunteer]))[0]).toMatchObject({ listed: false, greenChannelEligible: false });
  });

  it('opens the green channel to either group of the seed (二(五)一) and says which ground applies', async () => {
    const elder = makeCitizenId('510703', addMonths(today, -85 * 12), 47);
    const youngAdult = makeCitizenId('510703', addMonths(today, -19 * 12), 49);
    const youngVolunteer = makeCitizenId('510703', addMonths(today, -19 * 12), 51);
    const report = await ingest('PLATFORM', 'ingestPlatformRecords', 'PlatformRecordKind', 'VOLUNTEER_RECORD', [
      {
        id: 'VOL-JP-2',
        personId: youngVolunteer,
        organisation: '绵阳市志愿者协会',
        sourceOrganisation: '绵阳市志愿服务联合会',
        activity: '敬老院志愿服务',
        hours: 12,
        servedOn: monthsAgo(2),
        legalBasis: '《志愿服务条例》',
      },
    ]);
    expect(report).toMatchObject({ created: 1, rejected: 0 });
    const listedElder = makeCitizenId('510703', addMonths(today, -80 * 12), 53);
    expect(
      (await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'DEBTOR_LISTING', [listing({ id: 'DL-JP-2', personId: listedElder })])).created,
    ).toBe(1);
    const GROUNDS = 'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { id greenChannelEligible greenChannelGrounds } }';
    const { body } = await stack.query(GROUNDS, { ids: [elder, youngAdult, youngVolunteer, listedElder] }, await asLicensingSystem());
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).blacklistCheck).toEqual([
      // No record anywhere for decades: the second group, without any good record.
      { id: elder, greenChannelEligible: true, greenChannelGrounds: ['CLEAN_YEARS'] },
      // Clean, but an adult for one year only: not yet three years without a record.
      { id: youngAdult, greenChannelEligible: false, greenChannelGrounds: [] },
      // Good records: the first group.
      { id: youngVolunteer, greenChannelEligible: true, greenChannelGrounds: ['GOOD_RECORDS'] },
      // Listed: neither, however long ago the person came of age.
      { id: listedElder, greenChannelEligible: false, greenChannelGrounds: [] },
    ]);
    const own = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { redList { greenChannelEligible greenChannelGrounds } } }',
      { id: elder },
      await authHeader({ role: 'subject', sub: elder }),
    );
    expect((own.body.data as Json).person.redList).toEqual({ greenChannelEligible: true, greenChannelGrounds: ['CLEAN_YEARS'] });
  });

  it('answers the measures of joint reward each group opens, kept apart, and those the purpose names (二(五)一)', async () => {
    const elder = makeCitizenId('510703', addMonths(today, -85 * 12), 47);
    const youngVolunteer = makeCitizenId('510703', addMonths(today, -19 * 12), 51);
    const listedElder = makeCitizenId('510703', addMonths(today, -80 * 12), 53);
    const REWARD =
      'query ($ids: [String!]!, $purpose: BlacklistCheckPurpose!) { blacklistCheck(ids: $ids, purpose: $purpose) { rewardMeasures applicableRewardMeasures } }';
    const rewards = async (purpose: string) => {
      const { body } = await stack.query(REWARD, { ids: [elder, youngVolunteer, listedElder], purpose }, await asLicensingSystem());
      expect(body.errors).toBeUndefined();
      return (body.data as Json).blacklistCheck as Json[];
    };
    const licensing = ['GREEN_CHANNEL', 'ACCEPTANCE_WITH_MISSING_DOCUMENTS'];
    const [clean, volunteering, listedOne] = await rewards('LICENSING');
    // Years without a bad record open licensing's two measures, each its own; good records open every field's support too.
    expect(clean).toEqual({ rewardMeasures: licensing, applicableRewardMeasures: licensing });
    expect(volunteering!.rewardMeasures).toEqual(Object.keys(policy().rewardMeasures.measures));
    expect(volunteering!.rewardMeasures).toEqual(expect.arrayContaining(['EDUCATION_TRAINING_SUPPORT', 'HONOURS_PRIORITY', 'FINANCING_LEASING_PREFERENCE']));
    expect(volunteering!.applicableRewardMeasures).toEqual(licensing);
    expect(listedOne).toEqual({ rewardMeasures: [], applicableRewardMeasures: [] });
    // An honours check names the honours priority, to good records only; a travel check names none.
    expect((await rewards('HONOURS')).map((r) => r.applicableRewardMeasures)).toEqual([[], ['HONOURS_PRIORITY'], []]);
    expect((await rewards('AIR_TRAVEL')).map((r) => r.applicableRewardMeasures)).toEqual([[], [], []]);
  });

  it('takes 10,000 IDs in one call, logged as one entry each checked person can read', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => makeCitizenId('510722', addMonths('1960-01-01', Math.floor(i / 1000)), i % 1000));
    const results = await check(ids);
    expect(results).toHaveLength(10_000);
    expect(results.every((r) => r.valid && r.listed === false)).toBe(true);
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { queryLog(first: 5) { nodes { actorRole actorId checkPurpose fieldGroups } } } }',
      { id: ids[1234] },
      await authHeader({ role: 'subject', sub: ids[1234]! }),
    );
    expect((body.data as Json).person.queryLog.nodes[0]).toEqual({
      actorRole: 'INTERNAL',
      actorId: 'mianyang-licensing-system',
      checkPurpose: 'LICENSING',
      fieldGroups: ['joint_punishment', 'red_list'],
    });
  });

  it('answers nothing when the entry cannot be stored, though the answer was made while it was written (fail closed)', async () => {
    // Only the log's insert fails: the index answers, the answer is made, and must not leave.
    const entries = (stack.subgraphs.platform!.models as PlatformModels).QueryLogEntry.collection;
    const insert = jest.spyOn(entries, 'insertMany').mockRejectedValueOnce(new Error('the log is unwritable'));
    try {
      const { status, body } = await stack.query(CHECK, { ids: [debtor] }, await asLicensingSystem());
      expect(insert).toHaveBeenCalled();
      expect(status).toBe(503);
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_LOG_UNAVAILABLE']);
    } finally {
      insert.mockRestore();
    }
    // Once the log is writable again, the same check is answered.
    expect((await check([debtor]))[0]).toMatchObject({ id: debtor, valid: true });
  });

  it('answers nothing when the check cannot be logged (fail closed)', async () => {
    // The platform loses its database: neither the index nor the log can be reached.
    await stack.subgraphs.platform!.connection.close();
    const { status, body } = await stack.query(CHECK, { ids: [debtor] }, await asLicensingSystem());
    expect(status).toBe(503);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_LOG_UNAVAILABLE');
  });

  it('refuses callers without the blacklist:check scope', async () => {
    const anonymous = await stack.query(CHECK, { ids: [debtor] });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const partner = await stack.query(CHECK, { ids: [debtor] }, await authHeader({ role: 'internal', org: 'x' }));
    expect(partner.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the change in the bureau outbox when the platform is down, so it is not lost', async () => {
    await stack.subgraphs.platform!.stop();
    await ingest('COURTS', 'ingestCourtRecords', 'CourtRecordKind', 'DEBTOR_LISTING', [listing({ id: 'DL-JP-2', decisionNumber: '(2026)川07执56号' })]);
    const outbox = await stack.subgraphs.courts!.connection.db!.collection('platform_outbox').find({}).toArray();
    // The note names the bureau, so that the platform asks only it again when it is delivered.
    expect(outbox.map((d) => ({ personIds: d.personIds, bureau: d.bureau }))).toContainEqual({ personIds: [debtor], bureau: 'COURTS' });
  });
});
