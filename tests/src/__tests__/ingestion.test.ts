import type { Stack } from '@credit/scripts/dist/stack';
import { makeCitizenId } from '@credit/shared';

import { authHeader, startTestStack } from '../harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const person = makeCitizenId('510781', '1975-03-03', 31);
const minor = makeCitizenId('510781', '2012-03-03', 31);

const arrears = (id: string, amountYuan: number, extra: Json = {}) => ({
  id,
  personId: person,
  category: 'TAX_ARREARS',
  grade: 'GENERAL',
  decisionDate: '2026-06-01',
  decisionNumber: `绵税欠〔2026〕${id}号`,
  authority: '国家税务总局绵阳市税务局',
  legalBasis: '《中华人民共和国税收征收管理法》第32条',
  taxType: 'INDIVIDUAL_INCOME_TAX',
  amountYuan,
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
  ...extra,
});

const INGEST_TAX = /* GraphQL */ `
  mutation ($kind: TaxRecordKind!, $records: [JSONObject!]!) {
    ingestTaxRecords(kind: $kind, records: $records) {
      created
      updated
      unchanged
      rejected
      outcomes {
        position
        recordId
        status
        reason
      }
    }
  }
`;
const asTax = () => authHeader({ role: 'bureau', org: 'TAX' });

async function ingestTax(records: Json[]): Promise<Json> {
  const { body } = await stack.query(INGEST_TAX, { kind: 'TAX_ARREARS', records }, await asTax());
  expect(body.errors).toBeUndefined();
  return (body.data as Json).ingestTaxRecords;
}

describe('ingestion by the owning bureau', () => {
  it('stores new records, and re-sending the same records changes nothing', async () => {
    const first = await ingestTax([arrears('TA-1', 1200), arrears('TA-2', 800)]);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
    const again = await ingestTax([arrears('TA-1', 1200), arrears('TA-2', 800)]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(await stack.subgraphs.tax!.connection.db!.collection('tax_arrears').countDocuments({ personId: person })).toBe(2);
  });

  it('updates a changed record and keeps its previous version in the history', async () => {
    const changed = await ingestTax([arrears('TA-1', 1500)]);
    expect(changed).toMatchObject({ updated: 1 });
    const db = stack.subgraphs.tax!.connection.db!;
    expect((await db.collection('tax_arrears').findOne({ _id: 'TA-1' as never }))?.amountYuan).toBe(1500);
    const history = await db.collection('record_history').find({ recordId: 'TA-1' }).toArray();
    expect(history.map((h) => (h.record as Json).amountYuan)).toEqual([1200]);
  });

  it('rejects bad rows with their position and reason while storing the good ones', async () => {
    const report = await ingestTax([
      arrears('TA-3', 100),
      arrears('TA-4', 100, { personId: '510781197503030312' }),
      arrears('TA-5', 100, { legalBasis: '' }),
      arrears('TA-6', 100, { category: 'FRAUD' }),
      arrears('TA-7', 100, { decisionDate: '2099-01-01' }),
      arrears('TA-8', 100, { grade: 'CATASTROPHIC' }),
      { personId: person, legalBasis: 'x' },
    ]);
    expect(report).toMatchObject({ created: 1, rejected: 6 });
    const reasons = Object.fromEntries((report.outcomes as Json[]).map((o) => [o.position, o.reason]));
    expect(reasons[0]).toBeNull();
    expect(reasons[1]).toMatch(/personId: check digit/);
    expect(reasons[2]).toMatch(/legalBasis is required/);
    expect(reasons[3]).toMatch(/FRAUD belongs to PUBLIC_SECURITY, not TAX/);
    expect(reasons[4]).toMatch(/in the future/);
    expect(reasons[5]).toMatch(/grade/);
    expect(reasons[6]).toMatch(/id \(the bureau record id\) is required/);
  });

  it('refuses another bureau and the public', async () => {
    const other = await stack.query(INGEST_TAX, { kind: 'TAX_ARREARS', records: [arrears('TA-9', 1)] }, await authHeader({ role: 'bureau', org: 'COURTS' }));
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await stack.query(INGEST_TAX, { kind: 'TAX_ARREARS', records: [arrears('TA-9', 1)] });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await stack.subgraphs.tax!.connection.db!.collection('tax_arrears').countDocuments({ _id: 'TA-9' as never })).toBe(0);
  });

  it('applies the owning model’s rules: a minor is never listed as a debtor', async () => {
    const { body } = await stack.query(
      /* GraphQL */ `
        mutation ($records: [JSONObject!]!) {
          ingestCourtRecords(kind: DEBTOR_LISTING, records: $records) {
            rejected
            outcomes {
              reason
            }
          }
        }
      `,
      {
        records: [
          {
            id: 'DL-MINOR',
            personId: minor,
            category: 'DISHONEST_JUDGMENT_DEBTOR',
            grade: 'SERIOUS',
            decisionDate: '2026-05-01',
            decisionNumber: '(2026)川07执1号',
            authority: '四川省绵阳市中级人民法院',
            legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
            caseNumbers: ['(2026)川07执1号'],
            court: '四川省绵阳市中级人民法院',
            grounds: ['REFUSING_WITH_ABILITY'],
            obligation: '给付欠款',
          },
        ],
      },
      await authHeader({ role: 'bureau', org: 'COURTS' }),
    );
    expect((body.data as Json).ingestCourtRecords.rejected).toBe(1);
    expect((body.data as Json).ingestCourtRecords.outcomes[0].reason).toMatch(/minor/);
  });
});

describe('record ids never carry a person', () => {
  it('refuses a record whose id contains a citizen ID, without echoing the id', async () => {
    const report = await ingestTax([arrears(`TAX-${person}-2026`, 100), arrears('TA-OPAQUE-9', 100)]);
    expect(report).toMatchObject({ created: 1, rejected: 1 });
    const refused = report.outcomes.find((o: Json) => o.status === 'REJECTED');
    expect(refused).toMatchObject({ position: 0, recordId: null });
    expect(refused.reason).toMatch(/contains a citizen ID/);
    expect(JSON.stringify(report)).not.toContain(person);
  });

  it('masks an older record id that still names the person for anyone who may not see them unmasked', async () => {
    await stack.subgraphs['public-security']!.connection.db!.collection('violations').insertOne({
      _id: `PSB-${person}-PUBLIC_ORDER_VIOLATION-2026-08-01` as never,
      personId: person,
      category: 'PUBLIC_ORDER_VIOLATION',
      grade: 'GENERAL',
      description: '扰乱公共秩序',
      penalty: '罚款500元',
      decisionDate: '2026-08-01',
      decisionNumber: '绵公行罚决字〔7〕号',
      authority: '绵阳市公安局',
      legalBasis: '《中华人民共和国治安管理处罚法》第23条',
      collectedAt: new Date(),
    });
    const query = `{ person(id: "${person}") { violations { nodes { id provenance { sourceRecordId } } } } }`;
    const publicView = await stack.query(query);
    expect(JSON.stringify(publicView.body)).not.toContain(person);
    expect((publicView.body.data as Json).person.violations.nodes[0].id).toBe(
      `PSB-${person.slice(0, 6)}********${person.slice(14)}-PUBLIC_ORDER_VIOLATION-2026-08-01`,
    );
    const own = await stack.query(query, {}, await authHeader({ role: 'subject', sub: person }));
    expect((own.body.data as Json).person.violations.nodes[0].id).toBe(`PSB-${person}-PUBLIC_ORDER_VIOLATION-2026-08-01`);
  });
});
