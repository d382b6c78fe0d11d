import type { Stack } from '@credit/scripts/dist/stack';
import { addDays, addMonths, makeCitizenId, makeSocialCreditCode, policy, todayInCity } from '@credit/shared';
import { noticeWindowEnds, type Models as PlatformModels } from '@credit/subgraph-platform';

import { authHeader, registerInstitution, startTestStack } from '../harness';

// 信用警示 (seed 二(五)二) beyond the listing: the person is told when measures
// start or end, when a record's display window ends, and when a partner read
// their data under their consent or was refused.

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const today = todayInCity();
const borrower = makeCitizenId('510727', '1975-05-05', 91);
const debtor = makeCitizenId('510727', '1972-02-02', 93);
const driver = makeCitizenId('510727', '1969-09-09', 95);
const bank = makeSocialCreditCode('91510700MA6N0T1C2');

async function notices(personId: string, kind?: string): Promise<Json[]> {
  const { body } = await stack.query(
    'query ($id: CitizenId!) { person(id: $id) { notifications(first: 50) { nodes { kind outcome caseId message } } } }',
    { id: personId },
    await authHeader({ role: 'subject', sub: personId }),
  );
  expect(body.errors).toBeUndefined();
  const all = (body.data as Json).person.notifications.nodes as Json[];
  return kind ? all.filter((n) => n.kind === kind) : all;
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

describe('notices to the person', () => {
  it('tells the person of a partner’s read under their consent, and of what it was refused', async () => {
    await registerInstitution(stack, { id: bank, name: '绵州通知测试银行' });
    const granted = await stack.query(
      'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }',
      { input: { granteeInstitutionId: bank, purpose: 'LOAN', scopes: ['tax'], validFrom: today, validUntil: '2030-12-31', idempotencyKey: 'notice-1' } },
      await authHeader({ role: 'subject', sub: borrower }),
    );
    expect(granted.body.errors).toBeUndefined();
    const consentId = (granted.body.data as Json).grantConsent.id;
    const read = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { taxCreditLevel { level } educationHistory { level } } }',
      { id: borrower },
      { ...(await authHeader({ role: 'partner', org: bank })), 'x-credit-purpose': 'LOAN' },
    );
    expect(read.status).toBe(200);
    const [told, ...more] = await notices(borrower, 'PARTNER_READ');
    expect(more).toEqual([]);
    expect(told).toMatchObject({ kind: 'PARTNER_READ', outcome: 'PARTLY_DENIED' });
    expect(told.message).toContain('绵州通知测试银行 (purpose LOAN) read tax under your consent ' + consentId);
    expect(told.message).toContain('was refused education');
    expect(told.caseId).not.toContain(borrower);
    // Without any consent: refused, and told so.
    await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { taxCreditLevel { level } } }',
      { id: debtor },
      await authHeader({ role: 'partner', org: bank }),
    );
    const [refused] = await notices(debtor, 'PARTNER_READ');
    expect(refused).toMatchObject({ outcome: 'DENIED' });
    expect(refused.message).toContain('was refused tax');
  });

  it('tells the person when a court’s order starts measures, and when it is lifted', async () => {
    const order = (extra: Json = {}) => ({
      id: 'CR-NT-1',
      personId: debtor,
      caseNumber: '(2026)川07执91号',
      court: '四川省绵阳市中级人民法院',
      measures: ['NO_AIR_TRAVEL', 'NO_STARRED_HOTEL'],
      since: addMonths(today, -1),
      legalBasis: '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》',
      ...extra,
    });
    expect((await ingest('COURTS', 'ingestCourtRecords', 'CONSUMPTION_RESTRICTION', [order()])).created).toBe(1);
    const [started] = await notices(debtor, 'MEASURES_CHANGED');
    expect(started.message).toMatch(/Measures that now apply to you: .*air/i);
    expect(started.message).toContain('file an objection');
    expect((await ingest('COURTS', 'ingestCourtRecords', 'CONSUMPTION_RESTRICTION', [order({ liftedOn: today })])).updated).toBe(1);
    const both = await notices(debtor, 'MEASURES_CHANGED');
    expect(both).toHaveLength(2);
    expect(both[0]!.message).toMatch(/^Measures that no longer apply: /);
  });

  it('tells the person when a record’s display window ends, once, and that it took them off the list', async () => {
    // Decided so that its display period (the category's default) ends in about ten days.
    const months = policy().categories.SERIOUS_TRAFFIC_VIOLATION!.defaultDisplayMonths ?? policy().severityGrades.SERIOUS.defaultDisplayMonths;
    const written = await ingest('PUBLIC_SECURITY', 'ingestPublicSecurityRecords', 'VIOLATION', [
      {
        id: 'PSB-NT-1',
        personId: driver,
        category: 'SERIOUS_TRAFFIC_VIOLATION',
        grade: 'SERIOUS',
        decisionDate: addMonths(addDays(today, 10), -months),
        decisionNumber: '绵公交罚〔2025〕91号',
        authority: '绵阳市公安局交通警察支队',
        legalBasis: '《中华人民共和国道路交通安全法》第91条',
        description: '醉酒驾驶机动车',
        penalty: '吊销机动车驾驶证',
      },
    ]);
    expect(written).toMatchObject({ created: 1 });
    expect(await notices(driver, 'LISTED')).toHaveLength(1);
    const models = stack.subgraphs.platform!.models as PlatformModels;
    const ends = (await models.JointPunishmentStatus.findById(driver).lean().exec())!.negatives!.find((n) => n.recordId === 'PSB-NT-1')!.until;
    expect(ends > today).toBe(true);
    // Nothing of it ended today.
    await noticeWindowEnds(models, today);
    expect(await notices(driver, 'WINDOW_ENDED')).toEqual([]);
    // The sweep on the day the window ends, having last swept the day before.
    await models.NoticeSweep.updateOne({ _id: 'window-ends' }, { $set: { through: addDays(ends, -1) } }, { upsert: true }).exec();
    await noticeWindowEnds(models, ends);
    const [ended, ...others] = await notices(driver, 'WINDOW_ENDED');
    expect(others).toEqual([]);
    expect(ended.message).toContain('PUBLIC_SECURITY record PSB-NT-1');
    expect(ended.message).toContain('no longer shown');
    expect(await notices(driver, 'DELISTED')).toHaveLength(1);
    // Swept again (another platform process, the next hour): told once.
    await models.NoticeSweep.updateOne({ _id: 'window-ends' }, { $set: { through: addDays(ends, -1) } }).exec();
    await noticeWindowEnds(models, ends);
    expect(await notices(driver, 'WINDOW_ENDED')).toHaveLength(1);
    expect(await notices(driver, 'DELISTED')).toHaveLength(1);
  });
});
