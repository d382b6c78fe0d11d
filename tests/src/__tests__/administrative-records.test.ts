import type { Stack } from '@credit/scripts/dist/stack';
import { addMonths, makeCitizenId, makeSocialCreditCode, maskCitizenId, todayInCity } from '@credit/shared';

import { authHeader, insertResidents, registerInstitution, startTestStack } from '../harness';

// One penalties field and one licences field across every department
// (Person.administrativePenalties / administrativeLicences), each one field
// group: the public reads penalties in their publicity period masked, the
// person everything of their own, a partner under consent, a department's
// operator its own department's records only.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
const person = makeCitizenId('510703', '1979-05-06', 81);
const bank = makeSocialCreditCode('91510700MA6P1B2C5');
const authorityCode = makeSocialCreditCode('11510700008661237');
const today = todayInCity();

function penalty(id: string, decisionDate: string, authority: string): Json {
  return {
    id,
    personId: person,
    counterpartName: '欧阳明远',
    category: id.startsWith('MR') ? 'FOOD_SAFETY_VIOLATION' : 'MEDICAL_PRACTICE_VIOLATION',
    decisionDate,
    decisionNumber: `绵罚〔2026〕${id}号`,
    authority,
    authorityCode,
    sourceUnit: authority,
    sourceUnitCode: authorityCode,
    legalBasis: '国办发〔2015〕51号 双公示',
    violationType: '违法经营',
    facts: `当事人欧阳明远(${person})违法经营。`,
    penaltyBasis: '有关法律第一条',
    penaltyTypes: ['WARNING'],
    penaltyContent: '警告',
  };
}

function licence(id: string, decisionDate: string, authority: string): Json {
  return {
    id,
    personId: person,
    counterpartName: '欧阳明远',
    documentNumber: `绵许〔2026〕${id}号`,
    licenceCategory: 'GENERAL',
    certificateName: '经营许可证',
    certificateNumber: null,
    content: '经营',
    decisionDate,
    validFrom: decisionDate,
    validUntil: '2031-12-31',
    authority,
    authorityCode,
    sourceUnit: authority,
    sourceUnitCode: authorityCode,
    legalBasis: '国办发〔2015〕51号 双公示',
  };
}

async function ingest(bureau: string, field: string, kind: string, records: Json[]): Promise<void> {
  const { body } = await stack.query(
    `mutation ($records: [JSONObject!]!) { ${field}(kind: ${kind}, records: $records) { created rejected outcomes { reason } } }`,
    { records },
    await authHeader({ role: 'bureau', org: bureau }),
  );
  expect(body.errors).toBeUndefined();
  expect((body.data as Json)[field]).toMatchObject({ created: records.length, rejected: 0 });
}

beforeAll(async () => {
  stack = await startTestStack();
  await insertResidents(stack, [{ id: person, name: '欧阳明远' }]);
  await ingest('MARKET_REGULATION', 'ingestMarketRegulationRecords', 'ADMINISTRATIVE_PENALTY', [
    penalty('MR-AGG-1', addMonths(today, -3), '绵阳市市场监督管理局'),
    penalty('MR-AGG-2', addMonths(today, -1), '绵阳市市场监督管理局'),
  ]);
  await ingest('HEALTH', 'ingestHealthRecords', 'ADMINISTRATIVE_PENALTY', [penalty('HE-AGG-1', addMonths(today, -2), '绵阳市卫生健康委员会')]);
  await ingest('MARKET_REGULATION', 'ingestMarketRegulationRecords', 'ADMINISTRATIVE_LICENCE', [
    licence('MR-LIC-1', addMonths(today, -6), '绵阳市市场监督管理局'),
  ]);
  await ingest('HEALTH', 'ingestHealthRecords', 'ADMINISTRATIVE_LICENCE', [licence('HE-LIC-1', addMonths(today, -4), '绵阳市卫生健康委员会')]);
  await registerInstitution(stack, { id: bank, name: '涪城农商银行股份有限公司' });
});
afterAll(async () => {
  await stack?.stop();
});

const RECORDS = /* GraphQL */ `
  query ($id: CitizenId!, $departments: [Bureau!], $first: Int, $after: String) {
    person(id: $id) {
      identity {
        name
        masked
      }
      administrativePenalties(departments: $departments, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          department
          authority
          counterpartName
          counterpartId
          facts
          decisionDate
          provenance {
            bureau
          }
        }
      }
      administrativeLicences(departments: $departments) {
        totalCount
        nodes {
          id
          department
          authority
        }
      }
    }
  }
`;

async function read(headers: Record<string, string>, variables: Json = {}): Promise<{ person: Json; errors?: Json[] }> {
  const { body } = await stack.query(RECORDS, { id: person, ...variables }, headers);
  return { person: (body.data as Json).person, errors: body.errors as Json[] | undefined };
}

describe('one penalties field and one licences field across departments', () => {
  it('serves the public every department’s penalties newest first, each with its department and authority, masked', async () => {
    const { person: shown, errors } = await read({});
    expect(errors).toBeUndefined();
    const penalties = shown.administrativePenalties;
    expect(penalties.totalCount).toBe(3);
    expect(penalties.nodes.map((n: Json) => [n.id, n.department, n.authority])).toEqual([
      ['MR-AGG-2', 'MARKET_REGULATION', '绵阳市市场监督管理局'],
      ['HE-AGG-1', 'HEALTH', '绵阳市卫生健康委员会'],
      ['MR-AGG-1', 'MARKET_REGULATION', '绵阳市市场监督管理局'],
    ]);
    for (const node of penalties.nodes) {
      expect(node.provenance.bureau).toBe(node.department);
      expect(node.counterpartName).toBe('欧阳**');
      expect(node.counterpartId).toBe(maskCitizenId(person));
      expect(node.facts).not.toContain(person);
      expect(node.facts).not.toContain('欧阳明远');
    }
    expect(shown.administrativeLicences.nodes.map((n: Json) => n.department)).toEqual(['HEALTH', 'MARKET_REGULATION']);
    // A penalty in its publicity period puts the person on a public list: the public sees the identity, masked.
    expect(shown.identity).toEqual({ name: '欧阳**', masked: true });
  });

  it('keeps the departments asked for and pages across departments with one cursor', async () => {
    const health = (await read({}, { departments: ['HEALTH'] })).person;
    expect(health.administrativePenalties.nodes.map((n: Json) => n.id)).toEqual(['HE-AGG-1']);
    expect(health.administrativeLicences.nodes.map((n: Json) => n.id)).toEqual(['HE-LIC-1']);

    const first = (await read({}, { first: 2 })).person.administrativePenalties;
    expect(first.nodes.map((n: Json) => n.id)).toEqual(['MR-AGG-2', 'HE-AGG-1']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await read({}, { first: 2, after: first.pageInfo.endCursor })).person.administrativePenalties;
    expect(next.nodes.map((n: Json) => n.id)).toEqual(['MR-AGG-1']);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it('shows the person their own records unmasked', async () => {
    const { person: own, errors } = await read(await authHeader({ role: 'subject', sub: person }));
    expect(errors).toBeUndefined();
    expect(own.administrativePenalties.nodes[0]).toMatchObject({ counterpartName: '欧阳明远', counterpartId: person });
    expect(own.administrativePenalties.nodes[0].facts).toContain(person);
  });

  it('serves a partner under a consent naming the one field group, and nothing without it', async () => {
    const partner = { ...(await authHeader({ role: 'partner', org: bank })), 'x-credit-purpose': 'LOAN' };
    const before = await read(partner);
    expect(before.person.administrativePenalties).toBeNull();
    expect(before.errors?.map((e) => e.extensions.code)).toContain('CONSENT_REQUIRED');

    const granted = await stack.query(
      'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { status } }',
      {
        input: {
          granteeInstitutionId: bank,
          purpose: 'LOAN',
          scopes: ['identity', 'double_publicity_penalties', 'double_publicity_licences'],
          validFrom: today,
          validUntil: '2030-12-31',
          idempotencyKey: 'aggregate-consent-1',
        },
      },
      await authHeader({ role: 'subject', sub: person }),
    );
    expect(granted.body.errors).toBeUndefined();
    const after = await read(partner);
    expect(after.errors).toBeUndefined();
    expect(after.person.administrativePenalties.totalCount).toBe(3);
    expect(after.person.administrativePenalties.nodes[0].counterpartName).toBe('欧阳明远');
  });

  it('serves a correction the department makes at once, down to the free text', async () => {
    const corrected = { ...penalty('HE-AGG-1', addMonths(today, -2), '绵阳市卫生健康委员会'), facts: '更正后的违法事实。' };
    const { body } = await stack.query(
      'mutation ($records: [JSONObject!]!) { ingestHealthRecords(kind: ADMINISTRATIVE_PENALTY, records: $records) { updated } }',
      { records: [corrected] },
      await authHeader({ role: 'bureau', org: 'HEALTH' }),
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).ingestHealthRecords.updated).toBe(1);
    const { person: shown } = await read({}, { departments: ['HEALTH'] });
    expect(shown.administrativePenalties.nodes.map((n: Json) => n.facts)).toEqual(['更正后的违法事实。']);
  });

  it('shows a department’s operator its own department’s records only', async () => {
    const { person: seen, errors } = await read(await authHeader({ role: 'bureau', org: 'HEALTH' }));
    // An operator reads no identity (not its field group); the records it may read come.
    expect(errors?.map((e) => e.path.join('.'))).toEqual(['person.identity']);
    expect(seen.administrativePenalties.nodes.map((n: Json) => n.id)).toEqual(['HE-AGG-1']);
    expect(seen.administrativeLicences.nodes.map((n: Json) => n.id)).toEqual(['HE-LIC-1']);
    // Asking for another department's gives nothing rather than an error.
    const other = (await read(await authHeader({ role: 'bureau', org: 'HEALTH' }), { departments: ['MARKET_REGULATION'] })).person;
    expect(other.administrativePenalties.totalCount).toBe(0);
  });
});
