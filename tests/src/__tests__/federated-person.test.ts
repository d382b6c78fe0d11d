import { seedPopulation } from '@credit/scripts/dist/seed-population';
import type { Stack } from '@credit/scripts/dist/stack';
import { ageOn, loadPolicy, makeCitizenId, parseCitizenId, SUBGRAPHS, todayInCity } from '@credit/shared';

import { auditorHeader, authHeader, startTestStack } from '../harness';
import { PROFILE_FIELDS } from '../profile-query';

const SEED = 11;
const PEOPLE = 600;
let stack: Stack;
let firstSeed: Record<string, Record<string, number>>;
// Auditors read every field of everyone, records past their display period included.
let asAuditor: Record<string, string>;

beforeAll(async () => {
  stack = await startTestStack();
  asAuditor = await auditorHeader();
  firstSeed = await seedPopulation({ mongoUri: process.env.MONGODB_URI!, dbPrefix: stack.dbPrefix, people: PEOPLE, seed: SEED });
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function profile(id: string): Promise<Json> {
  const { status, body } = await stack.query(`query ($id: CitizenId!) { person(id: $id) { ...Profile } } ${PROFILE_FIELDS}`, { id }, asAuditor);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return (body.data as Json).person;
}

async function someDoc(subgraph: string, collection: string, filter: Json = {}): Promise<Json> {
  const doc = await stack.subgraphs[subgraph]!.connection.db!.collection(collection).findOne(filter);
  if (!doc) throw new Error(`the seed produced no ${subgraph}.${collection} document matching ${JSON.stringify(filter)}`);
  return doc;
}

describe('the federated Person', () => {
  it('seeds records in every source, and re-seeding adds nothing', async () => {
    for (const { name: subgraph } of SUBGRAPHS) {
      expect(Object.values(firstSeed[subgraph]!).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }
    expect(firstSeed['public-security']!.residents).toBe(PEOPLE);
    const again = await seedPopulation({ mongoUri: process.env.MONGODB_URI!, dbPrefix: stack.dbPrefix, people: PEOPLE, seed: SEED });
    for (const counts of Object.values(again)) for (const n of Object.values(counts)) expect(n).toBe(0);
  });

  it('joins identity from public security with the other sources for one person', async () => {
    const resident = await someDoc('public-security', 'residents');
    const person = await profile(resident._id);
    expect(person.id).toBe(resident._id);
    expect(person.identity).toMatchObject({
      name: resident.name,
      birthDate: parseCitizenId(resident._id).birthDate,
      gender: parseCitizenId(resident._id).gender,
    });
    expect(person.identity.age).toBe(ageOn(resident.birthDate, todayInCity()));
    expect(person.identity.registeredResidence.areaName).toMatch(/^四川省绵阳市/);
    expect(person.realNameRegistrations).toHaveLength(7);
  });

  it.each([
    ['public-security', 'violations', 'violations'],
    ['education', 'student_integrity_records', 'studentIntegrityRecords'],
    ['tax', 'tax_arrears', 'taxArrears'],
    ['courts', 'debtor_listings', 'dishonestDebtorListings'],
    ['pboc', 'financial_records', 'overdueRecords', { category: 'LOAN_OVERDUE' }],
    ['platform', 'volunteer_records', 'volunteerRecords'],
  ] as const)('serves %s records (%s) through the gateway as Person.%s', async (subgraph, collection, field, filter: Json = {}) => {
    const doc = await someDoc(subgraph, collection, filter);
    const person = await profile(doc.personId);
    expect(person[field].nodes.map((n: Json) => n.id)).toContain(doc._id);
    expect(person[field].totalCount).toBeGreaterThanOrEqual(1);
  });

  it('serves consents from the platform under the subject who granted them', async () => {
    const consent = await someDoc('platform', 'consents');
    const person = await profile(consent.subjectId);
    expect(person.consents.nodes.map((n: Json) => n.id)).toContain(consent._id);
  });

  it('serves the tax-credit level and loans summary of a person who has them', async () => {
    const rating = await someDoc('tax', 'tax_credit_ratings');
    expect((await profile(rating.personId)).taxCreditLevel.level).toMatch(/^[ABMCD]$/);
    const summary = await someDoc('pboc', 'loans_summaries');
    expect((await profile(summary._id)).loansSummary).toMatchObject({ openLoans: summary.openLoans });
  });

  it('gives every negative record its provenance and a display window from the policy', async () => {
    const violation = await someDoc('public-security', 'violations', { grade: 'SERIOUS' });
    const person = await profile(violation.personId);
    const node = person.violations.nodes.find((n: Json) => n.id === violation._id);
    expect(node.provenance).toEqual({ bureau: 'PUBLIC_SECURITY', legalBasis: violation.legalBasis });
    expect(node.displayWindow.from).toBe(violation.decisionDate);
    expect(node.displayWindow.policyVersion).toBe(loadPolicy().version);
  });

  it('marks a record past its display period as not shown, and keeps it', async () => {
    const id = makeCitizenId('510781', '1975-08-09', 321);
    await stack.subgraphs['public-security']!.connection.db!.collection('violations').insertOne({
      _id: 'PSB-EXPIRED-1' as never,
      personId: id,
      category: 'TRAFFIC_VIOLATION',
      grade: 'MINOR',
      description: '超速行驶',
      penalty: '罚款200元',
      decisionDate: '2020-01-15',
      decisionNumber: '绵公(2020)行罚决字〔1〕号',
      authority: '绵阳市公安局交通警察支队',
      legalBasis: '《中华人民共和国道路交通安全法》第90条',
      collectedAt: new Date('2020-01-16T00:00:00Z'),
    });
    const person = await profile(id);
    expect(person.violations.nodes).toEqual([
      expect.objectContaining({ id: 'PSB-EXPIRED-1', displayWindow: expect.objectContaining({ until: '2020-04-15', shown: false, endedBy: 'EXPIRED' }) }),
    ]);
  });

  it('answers a valid ID unknown to every source with a Person whose identity is null and whose lists are empty', async () => {
    const person = await profile(makeCitizenId('510727', '1960-02-29', 999));
    expect(person.identity).toBeNull();
    expect(person.violations.totalCount).toBe(0);
    expect(person.dishonestDebtorListings.totalCount).toBe(0);
    expect(person.jointPunishment).toEqual({ listed: false, categories: [], measures: [] });
    // No record at all: the base score of the policy's evaluation model.
    expect(person.creditEvaluation).toEqual({ grade: 'A', score: 85 });
  });

  it('answers people(ids:) in the order asked', async () => {
    const docs = await stack.subgraphs['public-security']!.connection.db!.collection('residents').find({}).limit(5).toArray();
    const ids = docs.map((d) => d._id as unknown as string).reverse();
    const { body } = await stack.query(
      /* GraphQL */ `
        query ($ids: [CitizenId!]!) {
          people(ids: $ids) {
            id
            identity {
              name
            }
          }
        }
      `,
      { ids },
      asAuditor,
    );
    expect((body.data as Json).people.map((p: Json) => p.id)).toEqual(ids);
  });

  it('pages through a long list with cursors', async () => {
    const id = makeCitizenId('510703', '1980-03-03', 555);
    const records = Array.from({ length: 25 }, (_, i) => ({
      _id: `VOL-PAGE-${String(i).padStart(2, '0')}`,
      personId: id,
    }));
    const volunteer = stack.subgraphs.platform!.connection.models.VolunteerRecord!;
    const template = (await someDoc('platform', 'volunteer_records')) as Json;
    await volunteer.insertMany(records.map((r, i) => ({ ...template, ...r, servedOn: `2025-01-${String(i + 1).padStart(2, '0')}` })));
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { body }: { body: { data?: Json } } = await stack.query(
        /* GraphQL */ `
          query ($id: CitizenId!, $after: String) {
            person(id: $id) {
              volunteerRecords(first: 10, after: $after) {
                totalCount
                nodes {
                  id
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
          }
        `,
        { id, after },
        // The subject pages through their own records.
        await authHeader({ role: 'subject', sub: id }),
      );
      const conn: Json = body.data!.person.volunteerRecords;
      expect(conn.totalCount).toBe(25);
      seen.push(...conn.nodes.map((n: Json) => n.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(records.map((r) => r._id).sort());
  });
});

describe('minors', () => {
  it('have no student integrity record and are never on the debtor list in the seeded data', async () => {
    const today = todayInCity();
    for (const [subgraph, collection] of [
      ['education', 'student_integrity_records'],
      ['courts', 'debtor_listings'],
    ] as const) {
      const docs = await stack.subgraphs[subgraph]!.connection.db!.collection(collection).find({}).toArray();
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) expect(ageOn(parseCitizenId(doc.personId).birthDate, doc.decisionDate ?? today)).toBeGreaterThanOrEqual(18);
    }
  });
});
