import type { Stack } from '@credit/scripts/dist/stack';
import { loadPolicy } from '@credit/shared';

import { authHeader, startTestStack } from '../harness';

/**
 * Credit categories are policy data: clients read what each code means from
 * the catalogue, the codes are checked against the policy, and the policy
 * holds the plan's 26 key fields (二(二)三) by their Chinese names.
 */
const policy = loadPolicy();
// The key fields as the plan lists them, in its order.
const PLAN_KEY_FIELDS = [
  '食品药品', '安全生产', '中介服务', '会展广告', '公共资源交易', '教育科研', '旅游服务', '互联网应用及服务', '消防安全', '交通安全', '环境保护', '生物安全', '产品质量',
  '税收缴纳', '医疗卫生', '劳动保障', '工程项目建设', '金融服务', '知识产权', '司法诉讼', '电子商务', '志愿服务', '慈善捐助', '体育竞技', '文化娱乐', '征信服务',
]; // prettier-ignore

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const CATALOGUE = `{ creditCatalogue { policyVersion categories { code labelZh labelEn bureau recordKind keyField grade displayMonths { min default max }
  deletedYearsAfterActEnds jointPunishment measures legalBasis } keyFields { code name nameEn categories departments } keyProfessions { code name nameEn regulator licence } } }`;

describe('the credit catalogue', () => {
  it('holds the plan’s 26 key fields by their Chinese names, and every category names one of them or none', () => {
    expect(Object.values(policy.keyFields).map((k) => k.name)).toEqual(PLAN_KEY_FIELDS);
    for (const [code, c] of Object.entries(policy.categories)) {
      expect({
        code,
        keyField: c.keyField === null || c.keyField in policy.keyFields,
        labelZh: c.labelZh.length > 0,
        legalBasis: c.legalBasis.length > 0,
      }).toEqual({
        code,
        keyField: true,
        labelZh: true,
        legalBasis: true,
      });
    }
  });

  it('serves every category of the policy to anyone, with its meaning', async () => {
    const { status, body } = await stack.query(CATALOGUE);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const catalogue = (body.data as { creditCatalogue: Record<string, any> }).creditCatalogue; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(catalogue.policyVersion).toBe(policy.version);
    expect(catalogue.categories.map((c: { code: string }) => c.code)).toEqual(Object.keys(policy.categories));
    expect(catalogue.categories.find((c: { code: string }) => c.code === 'DISHONEST_JUDGMENT_DEBTOR')).toMatchObject({
      labelZh: '失信被执行人',
      bureau: 'COURTS',
      keyField: 'JUDICIAL_LITIGATION',
      grade: 'SERIOUS',
      jointPunishment: true,
      measures: expect.arrayContaining(['NO_AIR_TRAVEL']),
    });
    expect(catalogue.categories.find((c: { code: string }) => c.code === 'LOAN_OVERDUE').deletedYearsAfterActEnds).toBe(5);
    const tax = catalogue.keyFields.find((k: { code: string }) => k.code === 'TAX_PAYMENT');
    expect(tax).toEqual({ code: 'TAX_PAYMENT', name: '税收缴纳', nameEn: 'Tax payment', categories: ['TAX_ARREARS', 'TAX_DISHONESTY'], departments: ['TAX'] });
    expect(catalogue.keyProfessions).toContainEqual({
      code: 'TOUR_GUIDE',
      name: '导游',
      nameEn: 'Tour guide',
      regulator: 'CULTURE_TOURISM',
      licence: '导游证',
    });
  });

  it('names the field groups a consent can grant, and only those', async () => {
    const { body } = await stack.query('{ creditCatalogue { consentScopes { group labelZh labelEn } } }');
    const scopes = (body.data as { creditCatalogue: { consentScopes: { group: string; labelZh: string; labelEn: string }[] } }).creditCatalogue.consentScopes;
    expect(scopes).toContainEqual({ group: 'financial', labelZh: '金融信用', labelEn: policy.fieldGroups.financial!.description });
    const groups = scopes.map((s) => s.group);
    // What a partner never reads under consent is not offered: another's consents, the query log, cases, the platform's internals.
    for (const never of ['consents', 'query_log', 'objections_repairs', 'credit_facts']) expect(groups).not.toContain(never);
  });

  it('tells the measures of joint reward, what a repair must bring by grade, and every decider’s deadline, from the policy', async () => {
    const { body } = await stack.query(
      '{ creditCatalogue { rewardMeasures { code labelZh field groups } repairEvidence { grade volunteerHours charityYuan trainingRequired } deadlines { appealFilingWorkingDays dishonestyReportDecisionWorkingDays complaintDecisionWorkingDays postponementDecisionWorkingDays } postponementMaxDays categories { code postponement { allowed suspendsMeasures } } } }',
    );
    expect(body.errors).toBeUndefined();
    const catalogue = (body.data as { creditCatalogue: Record<string, any> }).creditCatalogue; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(catalogue.rewardMeasures).toContainEqual({
      code: 'ACCEPTANCE_WITH_MISSING_DOCUMENTS',
      labelZh: '容缺受理',
      field: 'LICENSING',
      groups: ['GOOD_RECORDS', 'CLEAN_YEARS'],
    });
    expect(catalogue.rewardMeasures.map((m: { code: string }) => m.code)).toEqual(Object.keys(policy.rewardMeasures.measures));
    expect(catalogue.repairEvidence).toContainEqual({
      grade: 'SERIOUS',
      volunteerHours: policy.repair.volunteerHoursByGrade.SERIOUS,
      charityYuan: policy.repair.charityYuanByGrade.SERIOUS,
      trainingRequired: true,
    });
    expect(catalogue.deadlines).toEqual({
      appealFilingWorkingDays: policy.deadlines.appealFilingWorkingDays,
      dishonestyReportDecisionWorkingDays: policy.deadlines.dishonestyReportDecisionWorkingDays,
      complaintDecisionWorkingDays: policy.deadlines.complaintDecisionWorkingDays,
      postponementDecisionWorkingDays: policy.deadlines.postponementDecisionWorkingDays,
    });
    // 申请延期: which records can be postponed, and which postponements suspend measures.
    expect(catalogue.postponementMaxDays).toBe(policy.postponement.maxDays);
    const postponement = (code: string) => catalogue.categories.find((c: { code: string }) => c.code === code).postponement;
    expect(postponement('DISHONEST_JUDGMENT_DEBTOR')).toEqual({ allowed: true, suspendsMeasures: true });
    expect(postponement('TAX_ARREARS')).toEqual({ allowed: true, suspendsMeasures: false });
    expect(postponement('FRAUD')).toEqual({ allowed: false, suspendsMeasures: false });
  });

  it('answers one category by code and refuses a code the policy does not hold', async () => {
    const one = await stack.query('query ($code: CategoryCode!) { creditCategory(code: $code) { code labelZh } }', { code: 'TAX_ARREARS' });
    expect(one.body.data).toEqual({ creditCategory: { code: 'TAX_ARREARS', labelZh: '欠税' } });
    const bad = await stack.query('query ($code: CategoryCode!) { creditCategory(code: $code) { code } }', { code: 'NO_SUCH_CATEGORY' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.message).toMatch(/not a category of credit policy/);
    const literal = await stack.query('{ creditCategory(code: "NOPE") { code } }');
    expect(literal.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves record categories as codes of the catalogue', async () => {
    const { body } = await stack.query(
      '{ __type(name: "TaxArrears") { fields { name type { ofType { name } } } } }',
      {},
      await authHeader({ role: 'auditor', org: 'audit' }),
    );
    const category = (body.data as { __type: { fields: { name: string; type: { ofType: { name: string } } }[] } }).__type.fields.find(
      (f) => f.name === 'category',
    );
    expect(category?.type.ofType.name).toBe('CategoryCode');
  });
});
