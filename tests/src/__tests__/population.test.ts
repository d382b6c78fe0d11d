import type { Stack } from '@credit/scripts/dist/stack';
import { addDays, makeCitizenId, syntheticPeople, todayInCity } from '@credit/shared';

import { auditorHeader, authHeader, startTestStack } from '../harness';

// The whole population (二(四)一: "覆盖全市所有户籍人口及外来人口"): public
// security records migrants' residence permits next to the registered
// population, and a migrant is read by ID like anyone.

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const today = todayInCity();
// Registered in Chengdu, living in Mianyang's Fucheng district.
const migrant = makeCitizenId('510104', '1991-06-18', 52);
const lapsed = makeCitizenId('500101', '1988-03-02', 71);
const local = makeCitizenId('510781', '1983-09-27', 44);

const resident = (personId: string, registeredArea: string, permit: Json | null) => ({
  personId,
  name: { [migrant]: '杜子腾', [lapsed]: '梅兰芳', [local]: '江油明' }[personId],
  gender: 'MALE',
  birthDate: `${personId.slice(6, 10)}-${personId.slice(10, 12)}-${personId.slice(12, 14)}`,
  registeredResidence: { areaCode: registeredArea, address: '人民路8号' },
  residencePermit: permit,
  realNameRegistrations: [],
  legalBasis: '《中华人民共和国居民身份证法》; 《居住证暂行条例》',
});

const permit = (issuedOn: string, validUntil: string) => ({
  areaCode: '510703',
  address: '临园路12号3栋2单元',
  issuedOn,
  validUntil,
  issuingAuthority: '绵阳市公安局涪城区分局',
});

async function ingest(records: Json[]) {
  const { body } = await stack.query(
    'mutation ($records: [JSONObject!]!) { ingestPublicSecurityRecords(kind: RESIDENT, records: $records) { created rejected outcomes { position field reason } } }',
    { records },
    await authHeader({ role: 'bureau', org: 'PUBLIC_SECURITY' }),
  );
  expect(body.errors).toBeUndefined();
  return (body.data as Json).ingestPublicSecurityRecords;
}

const IDENTITY = `query ($id: CitizenId!) { person(id: $id) { identity { name populationStatus registeredResidence { areaName }
  residencePermit { residence { areaName address } issuedOn validUntil valid issuingAuthority } } } }`;

describe('the population base', () => {
  beforeAll(async () => {
    const report = await ingest([
      resident(migrant, '510104', permit(addDays(today, -200), addDays(today, 165))),
      resident(lapsed, '500101', permit(addDays(today, -800), addDays(today, -70))),
      resident(local, '510781', null),
    ]);
    expect(report).toMatchObject({ created: 3, rejected: 0 });
  });

  it('finds a migrant by ID with their residence permit, registered elsewhere and living in the city', async () => {
    const { body } = await stack.query(IDENTITY, { id: migrant }, await authHeader({ role: 'subject', sub: migrant }));
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).person.identity).toEqual({
      name: '杜子腾',
      populationStatus: 'MIGRANT',
      registeredResidence: { areaName: '四川省成都市锦江区' },
      residencePermit: {
        residence: { areaName: '四川省绵阳市涪城区', address: '临园路12号3栋2单元' },
        issuedOn: addDays(today, -200),
        validUntil: addDays(today, 165),
        valid: true,
        issuingAuthority: '绵阳市公安局涪城区分局',
      },
    });
  });

  it('says when a permit has lapsed, and tells the registered population from migrants', async () => {
    const auditor = await auditorHeader();
    const lapsedRead = await stack.query(IDENTITY, { id: lapsed }, auditor);
    expect((lapsedRead.body.data as Json).person.identity).toMatchObject({ populationStatus: 'MIGRANT', residencePermit: { valid: false } });
    const localRead = await stack.query(IDENTITY, { id: local }, auditor);
    expect((localRead.body.data as Json).person.identity).toMatchObject({ populationStatus: 'REGISTERED_RESIDENT', residencePermit: null });
  });

  it('refuses a permit that ends before it starts, or one issued outside Mianyang, naming why', async () => {
    const other = makeCitizenId('411502', '1979-01-05', 13);
    const report = await ingest([
      resident(other, '411502', permit(today, addDays(today, -1))),
      resident(other, '411502', { ...permit(today, addDays(today, 364)), areaCode: '510104' }),
    ]);
    expect(report.created).toBe(0);
    expect(report.outcomes.map((e: Json) => e.reason).join(' | ')).toMatch(/validUntil is before its issuedOn.*\| .*must be a Mianyang county/);
  });

  it('holds migrants in the synthetic population, registered in the areas they come from', () => {
    const people = syntheticPeople(2018, 0, 2000);
    const migrants = people.filter((p) => p.migrant);
    expect(migrants.length).toBeGreaterThan(60);
    expect(migrants.length).toBeLessThan(200);
    for (const p of migrants) expect(p.id.slice(0, 4)).not.toBe('5107');
    for (const p of people.filter((q) => !q.migrant)) expect(p.id.slice(0, 6)).toBe(p.areaCode);
  });
});
