import type { Stack } from '@credit/scripts/dist/stack';
import { addMonths, categoryPolicy, makeCitizenId, makeSocialCreditCode, todayInCity } from '@credit/shared';

import { authHeader, insertResidents, startTestStack } from '../harness';

// A key profession's misconduct names one practice (seed 二(二)三): the
// regulator's penalty carries the profession and the practising licence's
// number, which are the practice record's and the licence's; a serious one
// lists the person.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
const lawyer = makeCitizenId('510703', '1981-03-04', 71);
const other = makeCitizenId('510703', '1981-03-05', 73);
const authorityCode = makeSocialCreditCode('11510700008661237');
const today = todayInCity();
const LICENCE_NUMBER = '15107200910123456';

function penalty(id: string, personId: string, category: string, practice: Json): Json {
  return {
    id,
    personId,
    counterpartName: '欧阳明远',
    category,
    decisionDate: addMonths(today, -2),
    decisionNumber: `绵司罚〔2026〕${id}号`,
    authority: '绵阳市司法局',
    authorityCode,
    sourceUnit: '绵阳市司法局',
    sourceUnitCode: authorityCode,
    legalBasis: '国办发〔2015〕51号 双公示',
    violationType: '违法执业',
    facts: '同时在两个律师事务所执业。',
    penaltyBasis: '《中华人民共和国律师法》第四十八条',
    penaltyTypes: ['WARNING'],
    penaltyContent: '警告',
    ...practice,
  };
}

async function ingest(field: string, kind: string, records: Json[], org: string): Promise<Json> {
  const { body } = await stack.query(
    `mutation ($records: [JSONObject!]!) { ${field}(kind: ${kind}, records: $records) { created rejected outcomes { reason } } }`,
    { records },
    await authHeader({ role: 'bureau', org }),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json)[field];
}

beforeAll(async () => {
  stack = await startTestStack();
  await insertResidents(stack, [
    { id: lawyer, name: '欧阳明远' },
    { id: other, name: '欧阳明达' },
  ]);
  expect(
    await ingest(
      'ingestPlatformRecords',
      'PRACTICE_RECORD',
      [
        {
          id: 'PRA-1',
          personId: lawyer,
          profession: 'LAWYER',
          licenceNumber: LICENCE_NUMBER,
          organisation: '四川涪城律师事务所',
          from: '2009-07-01',
          to: null,
          conductNotes: null,
          sourceOrganisation: '绵阳市司法局',
          legalBasis: '《中华人民共和国律师法》',
        },
      ],
      'PLATFORM',
    ),
  ).toMatchObject({ created: 1, rejected: 0 });
  expect(
    await ingest(
      'ingestJusticeRecords',
      'ADMINISTRATIVE_PENALTY',
      [penalty('JU-MIS-1', lawyer, 'LAWYER_MISCONDUCT', { profession: 'LAWYER', practiceLicenceNumber: LICENCE_NUMBER })],
      'JUSTICE',
    ),
  ).toMatchObject({ created: 1, rejected: 0 });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const READ = `query ($id: CitizenId!) {
  person(id: $id) {
    practiceRecords { nodes { profession licenceNumber } }
    administrativePenalties(professions: ["LAWYER"]) { totalCount nodes { category profession practiceLicenceNumber department } }
    other: administrativePenalties(professions: ["DOCTOR"]) { totalCount }
  }
}`;

describe('a key profession’s misconduct and its practice', () => {
  it('shows the person the penalty of their practice beside the practice record of the same licence', async () => {
    const { body } = await stack.query(READ, { id: lawyer }, await authHeader({ role: 'subject', sub: lawyer }));
    expect(body.errors).toBeUndefined();
    const person = (body.data as Json).person;
    expect(person.practiceRecords.nodes).toEqual([{ profession: 'LAWYER', licenceNumber: LICENCE_NUMBER }]);
    expect(person.administrativePenalties).toEqual({
      totalCount: 1,
      nodes: [{ category: 'LAWYER_MISCONDUCT', profession: 'LAWYER', practiceLicenceNumber: LICENCE_NUMBER, department: 'JUSTICE' }],
    });
    expect(person.other.totalCount).toBe(0);
  });

  it('counts the misconduct in the practitioner’s credit evaluation', async () => {
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { creditEvaluation { factors { factor bureau recordId effect } } } }',
      { id: lawyer },
      await authHeader({ role: 'subject', sub: lawyer }),
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).person.creditEvaluation.factors).toContainEqual(
      expect.objectContaining({ factor: 'LAWYER_MISCONDUCT', bureau: 'JUSTICE', recordId: 'JU-MIS-1', effect: expect.any(Number) }),
    );
  });

  it('masks the practising licence’s number for the public, as a licence’s', async () => {
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { administrativePenalties { nodes { profession practiceLicenceNumber } } } }',
      { id: lawyer },
    );
    expect(body.errors).toBeUndefined();
    const [shown] = (body.data as Json).person.administrativePenalties.nodes;
    expect(shown.profession).toBe('LAWYER');
    expect(shown.practiceLicenceNumber).not.toBe(LICENCE_NUMBER);
    expect(shown.practiceLicenceNumber).not.toContain(LICENCE_NUMBER.slice(4, 12));
  });

  it('refuses a practice of a profession the department does not regulate, or one without its licence number', async () => {
    const report = await ingest(
      'ingestJusticeRecords',
      'ADMINISTRATIVE_PENALTY',
      [
        penalty('JU-MIS-2', other, 'LAWYER_MISCONDUCT', { profession: 'DOCTOR', practiceLicenceNumber: '110510700000001' }),
        penalty('JU-MIS-3', other, 'LAWYER_MISCONDUCT', { profession: 'LAWYER' }),
      ],
      'JUSTICE',
    );
    expect(report).toMatchObject({ created: 0, rejected: 2 });
    expect(report.outcomes[0].reason).toMatch(/key profession JUSTICE regulates/);
    expect(report.outcomes[1].reason).toMatch(/profession and its practiceLicenceNumber together/);
  });

  it('lists the practitioner for a serious violation of the practice', async () => {
    const serious = 'SERIOUS_LEGAL_PRACTICE_VIOLATION';
    expect(
      await ingest(
        'ingestJusticeRecords',
        'ADMINISTRATIVE_PENALTY',
        [penalty('JU-MIS-4', other, serious, { profession: 'LAWYER', practiceLicenceNumber: '15107201110654321' })],
        'JUSTICE',
      ),
    ).toMatchObject({ created: 1, rejected: 0 });
    const { body } = await stack.query(
      'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: PROFESSIONAL_TITLE) { listed categories applicableMeasures } }',
      { ids: [other] },
      await authHeader({ role: 'internal', org: 'mianyang-licensing-system', scopes: ['blacklist:check'] }),
    );
    expect(body.errors).toBeUndefined();
    const [check] = (body.data as Json).blacklistCheck;
    expect(check).toMatchObject({ listed: true, categories: [serious] });
    expect(categoryPolicy(serious).measures).toContain('RESTRICTED_PROFESSIONAL_TITLE');
    expect(check.applicableMeasures).toContain('RESTRICTED_PROFESSIONAL_TITLE');
  });
});
