import type { Stack } from '@credit/scripts/dist/stack';
import { addMonths, makeCitizenId, maskCitizenId, policy, todayInCity } from '@credit/shared';

import { auditorHeader, authHeader, foodDrugPenalty, insertResidents, redListEntry, startTestStack } from '../harness';

// The public search of the published lists on 信用中国（四川绵阳）: by name,
// full ID or the first 6 and last 4 characters of an ID; masked entries of
// listed people only, never a hint of anyone else; logged; rate-limited.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
const today = todayInCity();
const listed = makeCitizenId('510703', '1970-01-02', 91);
const namesake = makeCitizenId('510704', '1980-03-04', 92);
const sameSurname = makeCitizenId('510703', '1985-05-06', 93);
// On the red list only: found by 6 + 4 through the platform's listing index, not the published records.
const honoured = makeCitizenId('510781', '1975-07-08', 94);

beforeAll(async () => {
  stack = await startTestStack();
  await insertResidents(stack, [
    { id: listed, name: '欧阳明远' },
    { id: namesake, name: '欧阳明远' },
    { id: sameSurname, name: '欧阳丽华' },
    { id: honoured, name: '司马青云' },
  ]);
  const honour = await stack.query(
    'mutation ($records: [JSONObject!]!) { ingestPlatformRecords(kind: RED_LIST_ENTRY, records: $records) { created rejected } }',
    {
      records: [redListEntry('HR-SEARCH-1', honoured, '绵阳市道德模范', addMonths(today, -2), null)],
    },
    await authHeader({ role: 'bureau', org: 'PLATFORM' }),
  );
  expect(honour.body.errors).toBeUndefined();
  // A serious food-safety penalty: published, and grounds for joint punishment.
  const { body } = await stack.query(
    'mutation ($records: [JSONObject!]!) { ingestMarketRegulationRecords(kind: ADMINISTRATIVE_PENALTY, records: $records) { created rejected outcomes { reason } } }',
    {
      records: [
        foodDrugPenalty({
          id: 'MR-SEARCH-1',
          personId: listed,
          name: '欧阳明远',
          decisionDate: addMonths(today, -1),
          decisionNumber: '绵市监罚〔2026〕S1号',
          violationType: '生产假药',
        }),
      ],
    },
    await authHeader({ role: 'bureau', org: 'MARKET_REGULATION' }),
  );
  expect(body.errors).toBeUndefined();
  expect((body.data as Json).ingestMarketRegulationRecords).toMatchObject({ created: 1, rejected: 0 });
});
afterAll(async () => {
  await stack?.stop();
});

const SEARCH = /* GraphQL */ `
  query ($query: PublicListQuery!) {
    publicListSearch(query: $query) {
      hits {
        name
        citizenId
        areaName
        lists
        jointPunishmentCategories
        measures
        penalties {
          id
          counterpartName
          violationType
        }
        honours
      }
    }
  }
`;

async function search(query: Json, headers: Record<string, string> = {}): Promise<{ hits?: Json[]; errors?: Json[]; status: number }> {
  const { status, body } = await stack.query(SEARCH, { query }, headers);
  return { hits: (body.data as Json | undefined)?.publicListSearch?.hits, errors: body.errors as Json[] | undefined, status };
}

describe('the public search of the published lists', () => {
  it('finds a listed person by name, masked, with what they are listed for, and not their unlisted namesake', async () => {
    const { hits, errors } = await search({ name: '欧阳明远' });
    expect(errors).toBeUndefined();
    expect(hits).toEqual([
      {
        name: '欧阳**',
        citizenId: maskCitizenId(listed),
        areaName: expect.any(String),
        lists: ['JOINT_PUNISHMENT', 'PENALTY'],
        jointPunishmentCategories: ['SERIOUS_FOOD_DRUG_VIOLATION'],
        measures: expect.arrayContaining([expect.any(String)]),
        penalties: [{ id: 'MARKET_REGULATION:PENALTY:MR-SEARCH-1', counterpartName: '欧阳**', violationType: '生产假药' }],
        honours: [],
      },
    ]);
    expect(JSON.stringify(hits)).not.toContain(listed);
    expect(JSON.stringify(hits)).not.toContain(namesake.slice(0, 6) + namesake.slice(6, 14));
  });

  it('answers an unlisted person of the same surname exactly as it answers somebody who does not exist', async () => {
    expect(await search({ name: '欧阳丽华' })).toEqual({ hits: [], errors: undefined, status: 200 });
    expect(await search({ name: '欧阳无此人' })).toEqual({ hits: [], errors: undefined, status: 200 });
    expect(await search({ citizenId: sameSurname })).toEqual({ hits: [], errors: undefined, status: 200 });
  });

  it('finds the listed person by full ID and by the first 6 and last 4 characters', async () => {
    expect((await search({ citizenId: listed })).hits?.map((h) => h.citizenId)).toEqual([maskCitizenId(listed)]);
    expect((await search({ idFirst6: listed.slice(0, 6), idLast4: listed.slice(-4) })).hits?.map((h) => h.citizenId)).toEqual([maskCitizenId(listed)]);
    expect((await search({ idFirst6: sameSurname.slice(0, 6), idLast4: sameSurname.slice(-4) })).hits).toEqual([]);
  });

  it('finds a person on the red list only by the first 6 and last 4 characters, with their honour', async () => {
    const { hits, errors } = await search({ idFirst6: honoured.slice(0, 6), idLast4: honoured.slice(-4) });
    expect(errors).toBeUndefined();
    expect(hits).toEqual([expect.objectContaining({ name: '司马**', citizenId: maskCitizenId(honoured), lists: ['RED_LIST'], honours: ['绵阳市道德模范'] })]);
  });

  it('refuses a search that is not exactly one of the three, without echoing what was sent', async () => {
    const both = await search({ name: '欧阳明远', citizenId: listed });
    expect(both.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(both.errors)).not.toContain('欧阳明远');
    expect(JSON.stringify(both.errors)).not.toContain(listed);
    const short = await search({ idFirst6: '5107', idLast4: '1234' });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query.idFirst6' });
  });

  it('logs each answer naming the people served, before answering', async () => {
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { queryLog(first: 50) { nodes { actorRole fieldGroups } } } }',
      { id: listed },
      await auditorHeader(),
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).person.queryLog.nodes).toContainEqual({
      actorRole: 'PUBLIC',
      fieldGroups: ['double_publicity_penalties', 'identity', 'joint_punishment'],
    });
    // Nobody unlisted was logged as served.
    const other = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { queryLog(first: 50) { totalCount } } }',
      { id: namesake },
      await auditorHeader(),
    );
    expect((other.body.data as Json).person.queryLog.totalCount).toBe(0);
  });

  it('limits each anonymous caller per minute: 429 RATE_LIMITED with Retry-After, and the budget on every search', async () => {
    const limit = policy().limits.publicSearchesPerMinute.anonymous;
    const post = (query: string) =>
      fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const one = await post('{ publicListSearch(query: { name: "欧阳丽华" }) { hits { name } } }');
    expect(one.status).toBe(200);
    expect(one.headers.get('ratelimit-limit')).toBe(String(limit));
    const remaining = Number(one.headers.get('ratelimit-remaining'));
    expect(remaining).toBeLessThan(limit);
    expect(Number(one.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    // One request of more aliased searches than the budget left.
    const aliases = Array.from({ length: remaining + 1 }, (_, k) => `s${k}: publicListSearch(query: { name: "欧阳丽华" }) { hits { name } }`).join(' ');
    const refused = await post(`{ ${aliases} }`);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-limit')).toBe(String(limit));
    const refusal = (await refused.json()) as Json;
    expect(refusal.data).toBeUndefined();
    expect(refusal.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retryAfter });
    // A signed-in caller has a budget of its own.
    expect((await search({ name: '欧阳丽华' }, await authHeader({ role: 'subject', sub: sameSurname }))).status).toBe(200);
  });
});
