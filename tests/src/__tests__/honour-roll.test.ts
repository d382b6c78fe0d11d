import type { Stack } from '@credit/scripts/dist/stack';
import { addDays, makeCitizenId, maskCitizenId, todayInCity } from '@credit/shared';

import { authHeader, insertResidents, redListEntry, startTestStack } from '../harness';

// The honour roll of 信用中国（四川绵阳）: the red-list honours in force,
// published to everyone with the people masked, paged, and logged so that
// each person sees they appeared on it.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stack: Stack;
const today = todayInCity();
const model = makeCitizenId('510703', '1970-03-03', 61);
const volunteer = makeCitizenId('510781', '1985-04-04', 62);
const lapsed = makeCitizenId('510722', '1960-05-05', 63);
const unknown = makeCitizenId('510704', '1990-06-06', 64);

beforeAll(async () => {
  stack = await startTestStack();
  await insertResidents(stack, [
    { id: model, name: '欧阳丽华', address: '临园路东段12号' },
    { id: volunteer, name: '张伟', address: '临园路东段12号' },
    { id: lapsed, name: '李强', address: '临园路东段12号' },
  ]);
  const { body } = await stack.query(
    'mutation ($records: [JSONObject!]!) { ingestPlatformRecords(kind: RED_LIST_ENTRY, records: $records) { created rejected } }',
    {
      records: [
        redListEntry('HR-1', model, '绵阳市道德模范', addDays(today, -400), null),
        redListEntry('HR-2', volunteer, '绵阳市优秀志愿者', addDays(today, -30), addDays(today, 700)),
        redListEntry('HR-3', lapsed, '绵阳市优秀志愿者', '2019-01-01', '2021-12-31'),
        redListEntry('HR-4', unknown, '四川省劳动模范', addDays(today, -10), null),
      ],
    },
    await authHeader({ role: 'bureau', org: 'PLATFORM' }),
  );
  expect(body.errors).toBeUndefined();
  expect((body.data as Json).ingestPlatformRecords).toEqual({ created: 4, rejected: 0 });
});
afterAll(async () => {
  await stack?.stop();
});

const ROLL = /* GraphQL */ `
  query Roll($first: Int, $after: String) {
    honourRoll(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        awardedOn
        validUntil
        name
        maskedId
        areaName
      }
    }
  }
`;

describe('the honour roll', () => {
  it('publishes the honours in force to anyone, most recent first, the people masked', async () => {
    const { body } = await stack.query(ROLL, {});
    expect(body.errors).toBeUndefined();
    const roll = (body.data as Json).honourRoll;
    expect(roll.totalCount).toBe(3);
    expect(roll.nodes.map((n: Json) => [n.id, n.name, n.maskedId])).toEqual([
      ['HR-4', null, maskCitizenId(unknown)],
      ['HR-2', '张*', maskCitizenId(volunteer)],
      ['HR-1', '欧阳**', maskCitizenId(model)],
    ]);
    expect(roll.nodes[2].areaName).toContain('涪城区');
    expect(JSON.stringify(roll)).not.toContain(model.slice(6, 14));
  });

  it('pages by cursor without skipping or repeating an honour', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      const { body }: { body: { data?: Json; errors?: unknown[] } } = await stack.query(ROLL, { first: 1, after });
      expect(body.errors).toBeUndefined();
      const roll: Json = body.data!.honourRoll;
      seen.push(...roll.nodes.map((n: Json) => n.id));
      if (!roll.pageInfo.hasNextPage) break;
      after = roll.pageInfo.endCursor;
    }
    expect(seen).toEqual(['HR-4', 'HR-2', 'HR-1']);
    const bad = await stack.query(ROLL, { after: 'not-a-cursor' });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('logs a page read so that each person on it sees the read in their query log', async () => {
    await stack.query(ROLL, { first: 3 });
    const { body } = await stack.query(
      'query ($id: CitizenId!) { person(id: $id) { queryLog(first: 50) { nodes { actorRole fieldGroups } } } }',
      { id: volunteer },
      await authHeader({ role: 'subject', sub: volunteer }),
    );
    expect(body.errors).toBeUndefined();
    expect((body.data as Json).person.queryLog.nodes).toContainEqual({ actorRole: 'PUBLIC', fieldGroups: ['identity', 'red_list'] });
  });
});
