import type { Stack } from '@credit/scripts/dist/stack';
import {
  addDays,
  categoriesOfKind,
  categoryPolicy,
  departmentFieldNames,
  makeCitizenId,
  makeSocialCreditCode,
  maskCitizenId,
  PENALTY_KIND,
  SUBGRAPHS,
  todayInCity,
  type SourceEntry,
} from '@credit/shared';

import { authHeader, registerInstitution, startTestStack } from '../harness';

// Every department that decides administrative penalties and licences
// writes them in the one double-publicity shape: each is exercised through
// the gateway as its users would — its operators ingest, the person reads
// all of it, the public reads it masked for the publicity period, a partner
// reads it under consent, and a serious penalty lists the person.

let stack: Stack;
const bank = makeSocialCreditCode('91510700MA6P1B2C3');
beforeAll(async () => {
  stack = await startTestStack();
  await registerInstitution(stack, { id: bank, name: '绵州银行股份有限公司' });
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const PUBLICITY: SourceEntry[] = (SUBGRAPHS as readonly SourceEntry[]).filter((s) => s.doublePublicity);
const authorityCode = makeSocialCreditCode('11510700008661234');
const monthsAgo = (months: number) => addDays(todayInCity(), -30 * months);

function penalty(entry: SourceEntry, id: string, personId: string, category: string, extra: Json = {}): Json {
  return {
    id,
    personId,
    counterpartName: '欧阳明远',
    category,
    grade: categoryPolicy(category).grade,
    decisionDate: monthsAgo(2),
    decisionNumber: `绵罚〔2026〕${id}号`,
    authority: `绵阳市${entry.label}`,
    authorityCode,
    sourceUnit: `绵阳市${entry.label}`,
    sourceUnitCode: authorityCode,
    legalBasis: '国办发〔2015〕51号 双公示',
    violationType: '测试违法行为类型',
    facts: '当事人的违法事实。',
    penaltyBasis: '有关法律第一条',
    penaltyTypes: ['WARNING', 'FINE'],
    penaltyContent: '警告; 罚款人民币2000元',
    fineYuan: 2000,
    ...extra,
  };
}

function licence(entry: SourceEntry, id: string, personId: string): Json {
  return {
    id,
    personId,
    counterpartName: '欧阳明远',
    documentNumber: `绵许〔2026〕${id}号`,
    licenceCategory: 'RECOGNITION',
    certificateName: '执业证书',
    certificateNumber: `CERT-${id}`,
    content: '执业',
    decisionDate: monthsAgo(6),
    validFrom: monthsAgo(6),
    validUntil: '2031-12-31',
    authority: `绵阳市${entry.label}`,
    authorityCode,
    sourceUnit: `绵阳市${entry.label}`,
    sourceUnitCode: authorityCode,
    legalBasis: '国办发〔2015〕51号 双公示',
  };
}

async function ingest(entry: SourceEntry, kind: string, records: Json[]): Promise<Json> {
  const names = departmentFieldNames(entry);
  const { body } = await stack.query(
    `mutation ($records: [JSONObject!]!) { ${names.ingest}(kind: ${kind}, records: $records) { created updated unchanged rejected outcomes { position status reason } } }`,
    { records },
    await authHeader({ role: 'bureau', org: entry.bureau }),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json)[names.ingest];
}

const PENALTY_FIELDS =
  'nodes { id department counterpartName counterpartId category grade penaltyTypes fineYuan authorityCode displayWindow { shown } } totalCount';
const LICENCE_FIELDS = 'nodes { id department counterpartName counterpartId certificateName status validUntil } totalCount';

// Through the one field of each across departments, keeping this department's.
async function read(entry: SourceEntry, personId: string, headers: Record<string, string>): Promise<{ body: Json }> {
  return stack.query(
    `query ($id: CitizenId!, $departments: [Bureau!]) { person(id: $id) {
      penalties: administrativePenalties(departments: $departments) { ${PENALTY_FIELDS} }
      licences: administrativeLicences(departments: $departments) { ${LICENCE_FIELDS} } } }`,
    { id: personId, departments: [entry.bureau] },
    headers,
  ) as Promise<{ body: Json }>;
}

describe('double-publicity records of every department that decides them', () => {
  it('covers the departments of the plan, each with at least one penalty category', () => {
    expect(PUBLICITY.length).toBeGreaterThanOrEqual(13);
    for (const entry of PUBLICITY) expect(categoriesOfKind(entry.bureau as never, PENALTY_KIND).length).toBeGreaterThan(0);
  });

  describe.each(PUBLICITY.map((e) => [e.name, e] as const))('%s', (_name, entry) => {
    const index = PUBLICITY.indexOf(entry);
    const person = makeCitizenId('510703', '1980-05-05', 100 + index);
    const categories = categoriesOfKind(entry.bureau as never, PENALTY_KIND);
    const minor = categories.find((c) => !categoryPolicy(c).jointPunishment)!;
    const serious = categories.find((c) => categoryPolicy(c).jointPunishment);

    it('ingests good rows, reports bad ones with their position and reason, and takes a repeat as unchanged', async () => {
      const rows = [
        penalty(entry, `P${index}-1`, person, minor),
        penalty(entry, `P${index}-2`, person, minor, { authorityCode: '123' }),
        penalty(entry, `P${index}-3`, person, minor, { penaltyTypes: ['FINE'], fineYuan: null }),
        penalty(entry, `P${index}-4`, person, 'TAX_ARREARS'),
      ];
      const report = await ingest(entry, PENALTY_KIND, rows);
      expect(report).toMatchObject({ created: 1, rejected: 3 });
      expect(report.outcomes.filter((o: Json) => o.status === 'REJECTED').map((o: Json) => [o.position, o.reason])).toEqual([
        [1, expect.stringContaining('authorityCode must be a valid unified social credit code')],
        [2, expect.stringContaining('a FINE penalty states fineYuan')],
        [3, expect.stringContaining(`category TAX_ARREARS belongs to TAX, not ${entry.bureau}`)],
      ]);
      expect(await ingest(entry, PENALTY_KIND, [rows[0]!])).toMatchObject({ created: 0, unchanged: 1 });
      expect(await ingest(entry, 'ADMINISTRATIVE_LICENCE', [licence(entry, `L${index}-1`, person)])).toMatchObject({ created: 1, rejected: 0 });
    });

    it('serves the person everything, unmasked', async () => {
      const { body } = await read(entry, person, await authHeader({ role: 'subject', sub: person }));
      expect(body.errors).toBeUndefined();
      const data = body.data.person;
      expect(data.penalties).toMatchObject({
        totalCount: 1,
        nodes: [{ department: entry.bureau, counterpartName: '欧阳明远', counterpartId: person, category: minor, fineYuan: 2000 }],
      });
      expect(data.licences).toMatchObject({ totalCount: 1, nodes: [{ counterpartName: '欧阳明远', counterpartId: person, status: 'VALID' }] });
    });

    it('shows the public both, masked, and no penalty past its publicity period', async () => {
      await ingest(entry, PENALTY_KIND, [penalty(entry, `P${index}-OLD`, person, minor, { decisionDate: '2019-03-01' })]);
      const { body } = await read(entry, person, {});
      expect(body.errors).toBeUndefined();
      const data = body.data.person;
      expect(data.penalties.nodes).toEqual([expect.objectContaining({ id: `P${index}-1`, counterpartName: '欧阳**', counterpartId: maskCitizenId(person) })]);
      expect(data.licences.nodes).toEqual([expect.objectContaining({ counterpartName: '欧阳**', counterpartId: maskCitizenId(person) })]);
    });

    it('serves a partner under the person’s consent to the group', async () => {
      const subject = await authHeader({ role: 'subject', sub: person });
      const granted = await stack.query(
        'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { status } }',
        {
          input: {
            granteeInstitutionId: bank,
            purpose: 'LOAN',
            scopes: ['identity', 'double_publicity_penalties', 'double_publicity_licences'],
            validFrom: todayInCity(),
            validUntil: '2030-12-31',
            idempotencyKey: `dp-${entry.name}`,
          },
        },
        subject,
      );
      expect(granted.body.errors).toBeUndefined();
      const partner = { ...(await authHeader({ role: 'partner', org: bank })), 'x-credit-purpose': 'LOAN' };
      const { body } = await read(entry, person, partner);
      expect(body.errors).toBeUndefined();
      expect(body.data.person.penalties.totalCount).toBe(1);
      expect(body.data.person.licences.nodes[0]).toMatchObject({ counterpartName: '欧阳明远', counterpartId: person });
    });

    if (serious) {
      it(`lists the person for a penalty of ${serious}, a joint-punishment category`, async () => {
        const listedPerson = makeCitizenId('510704', '1979-07-07', 200 + index);
        expect((await ingest(entry, PENALTY_KIND, [penalty(entry, `P${index}-S`, listedPerson, serious)])).created).toBe(1);
        const { body } = await stack.query(
          'query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { listed categories measures } }',
          { ids: [listedPerson] },
          await authHeader({ role: 'internal', org: 'mianyang-licensing-system', scopes: ['blacklist:check'] }),
        );
        expect(body.errors).toBeUndefined();
        expect((body.data as Json).blacklistCheck[0]).toMatchObject({
          listed: true,
          categories: [serious],
          measures: [...categoryPolicy(serious).measures!].sort(),
        });
      });
    }
  });
});
