import type { Stack } from '@credit/scripts/dist/stack';
import { addDays, addMonths, categoryPolicy, makeCitizenId, makeSocialCreditCode, maskCitizenId, maskMobile, todayInCity } from '@credit/shared';

import { authHeader, registerInstitution, startTestStack } from '../harness';

// What a department operator sends for publication is checked and what the
// public is shown of it is masked: found by a security review sending
// double-publicity records as a market-regulation operator (the same shared
// code serves every department that decides penalties and licences).

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
const bank = makeSocialCreditCode('91510700MA6P1B2C4');
beforeAll(async () => {
  stack = await startTestStack();
  await registerInstitution(stack, { id: bank, name: '涪城农商银行股份有限公司' });
});
afterAll(async () => {
  await stack?.stop();
});

const authorityCode = makeSocialCreditCode('11510700008661235');
const operator = () => authHeader({ role: 'bureau', org: 'MARKET_REGULATION' });

function penalty(id: string, personId: string, extra: Json = {}): Json {
  return {
    id,
    personId,
    counterpartName: '欧阳明远',
    category: 'FOOD_SAFETY_VIOLATION',
    decisionDate: addMonths(todayInCity(), -2),
    decisionNumber: `绵市监罚〔2026〕${id}号`,
    authority: '绵阳市市场监督管理局',
    authorityCode,
    sourceUnit: '绵阳市市场监督管理局',
    sourceUnitCode: authorityCode,
    legalBasis: '国办发〔2015〕51号 双公示',
    violationType: '销售过期食品',
    facts: '当事人销售过期食品。',
    penaltyBasis: '《中华人民共和国食品安全法》第一百二十四条',
    penaltyTypes: ['WARNING'],
    penaltyContent: '警告',
    ...extra,
  };
}

function licence(id: string, personId: string, extra: Json = {}): Json {
  return {
    id,
    personId,
    counterpartName: '欧阳明远',
    documentNumber: `绵市监许〔2026〕${id}号`,
    licenceCategory: 'GENERAL',
    certificateName: '食品经营许可证',
    certificateNumber: 'JY15107030012345',
    content: '预包装食品销售',
    decisionDate: addMonths(todayInCity(), -6),
    validFrom: addMonths(todayInCity(), -6),
    validUntil: '2031-12-31',
    authority: '绵阳市市场监督管理局',
    authorityCode,
    sourceUnit: '绵阳市市场监督管理局',
    sourceUnitCode: authorityCode,
    legalBasis: '国办发〔2015〕51号 双公示',
    ...extra,
  };
}

async function ingest(kind: string, records: Json[]): Promise<Json> {
  const { body } = await stack.query(
    /* GraphQL */ `
      mutation ($kind: MarketRegulationRecordKind!, $records: [JSONObject!]!) {
        ingestMarketRegulationRecords(kind: $kind, records: $records) {
          created
          rejected
          outcomes {
            position
            recordId
            status
            code
            field
            reason
            note
          }
        }
      }
    `,
    { kind, records },
    await operator(),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json).ingestMarketRegulationRecords;
}

const PENALTIES = /* GraphQL */ `
  query ($id: CitizenId!) {
    person(id: $id) {
      penalties: administrativePenalties(departments: [MARKET_REGULATION]) {
        totalCount
        nodes {
          id
          grade
          decisionNumber
          facts
          penaltyContent
          counterpartName
          displayWindow {
            until
          }
        }
      }
      licences: administrativeLicences(departments: [MARKET_REGULATION]) {
        nodes {
          certificateNumber
          content
        }
      }
    }
  }
`;

async function read(personId: string, headers: Record<string, string>): Promise<Json> {
  const { body } = await stack.query(PENALTIES, { id: personId }, headers);
  expect(body.errors).toBeUndefined();
  return (body.data as Json).person;
}

describe('the grade and display period of a penalty follow the policy, not the sender', () => {
  const person = makeCitizenId('510703', '1975-03-04', 301);

  it('refuses a grade the policy does not give the category, naming the field, and writes nothing of it', async () => {
    const report = await ingest('ADMINISTRATIVE_PENALTY', [
      penalty('GRADE-1', person, { grade: 'SERIOUS' }),
      penalty('GRADE-2', person, { grade: 'MINOR' }),
      penalty('GRADE-3', person, { displayUntil: '2029-01-01' }),
      penalty('GRADE-4', person),
    ]);
    expect(report.outcomes.map((o: Json) => [o.position, o.status, o.code, o.field])).toEqual([
      [0, 'REJECTED', 'BAD_USER_INPUT', 'grade'],
      [1, 'REJECTED', 'BAD_USER_INPUT', 'grade'],
      [2, 'REJECTED', 'BAD_USER_INPUT', 'displayUntil'],
      [3, 'CREATED', null, null],
    ]);
    expect(report.outcomes[0].reason).toContain('the credit policy grades it GENERAL');
    const shown = await read(person, {});
    // Only the record sent without a grade is stored, with the policy's grade and a window of its bounds.
    expect(shown.penalties.nodes).toEqual([
      expect.objectContaining({
        id: 'GRADE-4',
        grade: categoryPolicy('FOOD_SAFETY_VIOLATION').grade,
        displayWindow: { until: addMonths(addMonths(todayInCity(), -2), 12) },
      }),
    ]);
  });
});

describe('bad input is refused with the field and the position in the batch', () => {
  const person = makeCitizenId('510703', '1976-05-06', 302);

  it('refuses a blank legal basis, an impossible date and hidden characters in a name, and keeps the good record', async () => {
    const report = await ingest('ADMINISTRATIVE_PENALTY', [
      penalty('BAD-1', person, { legalBasis: '\u200b' }),
      penalty('BAD-2', person, { decisionDate: '2026-02-30' }),
      penalty('BAD-3', person, { counterpartName: '欧阳\u202e明远' }),
      penalty('BAD-4', person, { counterpartName: '欧阳\u0007明远' }),
      penalty('BAD-5', person),
    ]);
    expect(report.outcomes.map((o: Json) => [o.position, o.status, o.code, o.field])).toEqual([
      [0, 'REJECTED', 'BAD_USER_INPUT', 'legalBasis'],
      [1, 'REJECTED', 'BAD_USER_INPUT', 'decisionDate'],
      [2, 'REJECTED', 'BAD_USER_INPUT', 'counterpartName'],
      [3, 'REJECTED', 'BAD_USER_INPUT', 'counterpartName'],
      [4, 'CREATED', null, null],
    ]);
    expect(report.outcomes[2].reason).toContain('U+202E');
    expect((await read(person, await authHeader({ role: 'subject', sub: person }))).penalties.totalCount).toBe(1);
  });

  it('refuses a record id that hides a citizen ID in full-width digits or behind a zero-width space, without echoing it', async () => {
    const fullWidth = [...person].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const report = await ingest('ADMINISTRATIVE_PENALTY', [
      penalty(`MR-${fullWidth}`, person),
      penalty(`MR-${person.slice(0, 8)}\u200b${person.slice(8)}`, person),
    ]);
    expect(report.outcomes.map((o: Json) => [o.status, o.field, o.recordId])).toEqual([
      ['REJECTED', 'id', null],
      ['REJECTED', 'id', null],
    ]);
    expect(JSON.stringify(report)).not.toContain(person.slice(6, 14));
  });
});

describe('free text is masked for whoever may not see the person', () => {
  const person = makeCitizenId('510703', '1977-07-08', 303);
  const other = makeCitizenId('510722', '1980-01-02', 45);
  const mobile = '13812345678';

  it('masks IDs, mobile numbers, the counterpart’s name and street address in facts and content, and individuals’ certificate numbers', async () => {
    const facts = `当事人欧阳明远(身份证${other})经营场所位于绵阳市涪城区临园路东段12号, 联系电话${mobile}, 销售过期食品。`;
    expect(await ingest('ADMINISTRATIVE_PENALTY', [penalty('TEXT-1', person, { facts, penaltyContent: `警告; 通知送达${mobile}` })])).toMatchObject({
      created: 1,
    });
    expect(
      await ingest('ADMINISTRATIVE_LICENCE', [licence('TEXT-L1', person, { certificateNumber: person, content: `许可欧阳明远在临园路东段12号经营` })]),
    ).toMatchObject({ created: 1 });

    const publicView = await read(person, {});
    const shown = publicView.penalties.nodes[0];
    expect(shown.facts).toBe(`当事人欧阳**(身份证${maskCitizenId(other)})经营场所位于绵阳市涪城区****, 联系电话${maskMobile(mobile)}, 销售过期食品。`);
    expect(shown.penaltyContent).toBe(`警告; 通知送达${maskMobile(mobile)}`);
    expect(shown.counterpartName).toBe('欧阳**');
    const publicLicence = publicView.licences.nodes[0];
    expect(publicLicence.certificateNumber).not.toContain(person.slice(4, 14));
    expect(publicLicence.content).toBe('许可欧阳**在****经营');

    const ownView = await read(person, await authHeader({ role: 'subject', sub: person }));
    expect(ownView.penalties.nodes[0].facts).toBe(facts);
    expect(ownView.licences.nodes[0].certificateNumber).toBe(person);
  });

  it('masks an individual business’s unified social credit code (prefix 92) for the public', async () => {
    const business = makeSocialCreditCode('92510703MA6C0B1D2');
    const owner = makeCitizenId('510703', '1977-07-09', 304);
    expect(await ingest('ADMINISTRATIVE_LICENCE', [licence('TEXT-L2', owner, { certificateNumber: business })])).toMatchObject({ created: 1 });
    const number = (await read(owner, {})).licences.nodes[0].certificateNumber;
    expect(number).not.toBe(business);
    expect(number).toMatch(/^9251\*+/);
  });
});

describe('records of minors', () => {
  // 16 years old two months ago.
  const minor = makeCitizenId('510703', addDays(addMonths(todayInCity(), -16 * 12), -30), 305);

  it('are stored with a note, shown to the person and the department, and to neither the public nor a consenting partner', async () => {
    const report = await ingest('ADMINISTRATIVE_PENALTY', [penalty('MINOR-1', minor)]);
    expect(report.outcomes[0]).toMatchObject({ status: 'CREATED', note: expect.stringContaining('under 18') });

    expect((await read(minor, {})).penalties.totalCount).toBe(0);
    expect((await read(minor, await authHeader({ role: 'subject', sub: minor }))).penalties.totalCount).toBe(1);
    expect((await read(minor, await operator())).penalties.totalCount).toBe(1);

    const granted = await stack.query(
      'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { status } }',
      {
        input: {
          granteeInstitutionId: bank,
          purpose: 'LOAN',
          scopes: ['identity', 'double_publicity_penalties', 'double_publicity_licences'],
          validFrom: todayInCity(),
          validUntil: '2030-12-31',
          idempotencyKey: 'minor-consent-1',
        },
      },
      await authHeader({ role: 'subject', sub: minor }),
    );
    expect(granted.body.errors).toBeUndefined();
    const partner = { ...(await authHeader({ role: 'partner', org: bank })), 'x-credit-purpose': 'LOAN' };
    expect((await read(minor, partner)).penalties.totalCount).toBe(0);
  });
});
