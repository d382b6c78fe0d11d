import type { Stack } from '@credit/scripts/dist/stack';
import { addDays, addMonths, makeCitizenId, policy, retentionEnds, todayInCity } from '@credit/shared';

import { auditorHeader, authHeader, startTestStack } from '../harness';

// Retention is enforced, not only promised: a financial negative record is
// deleted five years after the act ended (PBoC credit reference regulation
// art. 16), any other the policy's years after its display period ended,
// each by the department that holds it, with its earlier versions.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
const borrower = makeCitizenId('510704', '1970-08-08', 71);
const driver = makeCitizenId('510704', '1972-09-09', 73);
const today = todayInCity();
const years = policy().financialNegativeRecords.deleteYearsAfterActEnds;

const loanDefault = (id: string, actEndedOn: string, extra: Json = {}) => ({
  id,
  personId: borrower,
  category: 'LOAN_DEFAULT',
  grade: 'GENERAL',
  decisionDate: addDays(actEndedOn, -400),
  decisionNumber: `绵银征〔${id}〕`,
  authority: '中国人民银行绵阳市分行',
  legalBasis: '《征信业管理条例》',
  amountYuan: 52_000,
  lender: '绵阳市商业银行',
  product: 'CONSUMER',
  defaultedOn: addDays(actEndedOn, -400),
  settledOn: actEndedOn,
  actEndedOn,
  ...extra,
});

const violation = (id: string, decisionDate: string) => ({
  id,
  personId: driver,
  category: 'TRAFFIC_VIOLATION',
  grade: 'MINOR' as const,
  decisionDate,
  decisionNumber: `绵公交罚〔${id}〕`,
  authority: '绵阳市公安局交通警察支队',
  legalBasis: '《中华人民共和国道路交通安全法》第90条',
  description: '超速行驶',
  penalty: '罚款200元',
});

async function ingest(bureau: string, field: string, kind: string, records: Json[]): Promise<Json> {
  const { body } = await stack.query(
    `mutation ($records: [JSONObject!]!) { ${field}(kind: ${kind}, records: $records) { created updated unchanged rejected outcomes { reason } } }`,
    { records },
    await authHeader({ role: 'bureau', org: bureau }),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json)[field];
}

/** What an auditor sees: every record kept, shown or not. */
async function kept(): Promise<{ defaults: string[]; violations: string[] }> {
  const { body } = await stack.query(
    'query ($ids: [CitizenId!]!) { people(ids: $ids) { id defaults(first: 50) { nodes { id } } violations(first: 50) { nodes { id } } } }',
    { ids: [borrower, driver] },
    await auditorHeader(),
  );
  expect(body.errors).toBeUndefined();
  const [b, d] = (body.data as Json).people as Json[];
  return { defaults: b!.defaults.nodes.map((n: Json) => n.id).sort(), violations: d!.violations.nodes.map((n: Json) => n.id).sort() };
}

beforeAll(async () => {
  stack = await startTestStack();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

describe('retention of negative records', () => {
  it('deletes a financial record five years after the act ended, and another the policy’s years after its display ended, with their earlier versions', async () => {
    const actEndedLongAgo = addDays(addMonths(today, -12 * years), -1);
    const actEndedRecently = addMonths(today, -12 * (years - 1));
    expect(
      await ingest('PBOC', 'ingestPbocRecords', 'FINANCIAL_RECORD', [loanDefault('PB-RT-OLD', actEndedLongAgo), loanDefault('PB-RT-NEW', actEndedRecently)]),
    ).toMatchObject({ created: 2, rejected: 0 });
    // A correction: the department keeps the earlier version.
    expect(await ingest('PBOC', 'ingestPbocRecords', 'FINANCIAL_RECORD', [loanDefault('PB-RT-OLD', actEndedLongAgo, { amountYuan: 51_000 })])).toMatchObject({
      updated: 1,
    });
    // Minor traffic violations: one's display ended more than the policy's years ago, the other's a few months ago.
    const { retention, severityGrades } = policy();
    const decided = addMonths(today, -(12 * retention.negativeRecordsYearsAfterDisplayEnds + severityGrades.MINOR.maxDisplayMonths + 1));
    const recent = addMonths(today, -12);
    const endOf = (decisionDate: string) => retentionEnds({ ...violation('x', decisionDate), _id: 'x', collectedAt: new Date() });
    expect(endOf(decided) <= today && endOf(recent) > today).toBe(true);
    expect(
      await ingest('PUBLIC_SECURITY', 'ingestPublicSecurityRecords', 'VIOLATION', [violation('PS-RT-OLD', decided), violation('PS-RT-NEW', recent)]),
    ).toMatchObject({
      created: 2,
      rejected: 0,
    });
    expect(await kept()).toEqual({ defaults: ['PB-RT-NEW', 'PB-RT-OLD'], violations: ['PS-RT-NEW', 'PS-RT-OLD'] });
    const history = stack.subgraphs.pboc!.connection.db!.collection('record_history');
    expect(await history.countDocuments({ recordId: 'PB-RT-OLD' })).toBe(1);

    expect(await stack.subgraphs.pboc!.deleteRecordsPastRetention(today)).toBe(1);
    expect(await stack.subgraphs['public-security']!.deleteRecordsPastRetention(today)).toBe(1);
    expect(await kept()).toEqual({ defaults: ['PB-RT-NEW'], violations: ['PS-RT-NEW'] });
    expect(await history.countDocuments({ recordId: 'PB-RT-OLD' })).toBe(0);
    // Again: nothing more is due.
    expect(await stack.subgraphs.pboc!.deleteRecordsPastRetention(today)).toBe(0);
  });

  it('does not bring a deleted record back when the department sends it again unchanged', async () => {
    const actEndedLongAgo = addDays(addMonths(today, -12 * years), -1);
    expect(await ingest('PBOC', 'ingestPbocRecords', 'FINANCIAL_RECORD', [loanDefault('PB-RT-OLD', actEndedLongAgo, { amountYuan: 51_000 })])).toMatchObject({
      unchanged: 1,
    });
    expect((await kept()).defaults).toEqual(['PB-RT-NEW']);
  });

  it('keeps a record whose act has not ended, however old its decision', async () => {
    expect(
      await ingest('PBOC', 'ingestPbocRecords', 'FINANCIAL_RECORD', [
        loanDefault('PB-RT-OPEN', '2012-01-01', { decisionDate: '2012-01-01', defaultedOn: '2012-01-01', settledOn: null, actEndedOn: null }),
      ]),
    ).toMatchObject({ created: 1 });
    expect(await stack.subgraphs.pboc!.deleteRecordsPastRetention(today)).toBe(0);
    expect((await kept()).defaults).toEqual(['PB-RT-NEW', 'PB-RT-OPEN']);
  });
});
