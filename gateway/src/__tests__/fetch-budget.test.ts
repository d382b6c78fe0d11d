import { policy } from '@credit/shared';

import { fetchBudgetMs } from '../datasource';

describe('the time a gateway fetch may take', () => {
  it('is the policy’s subgraphFetchMs for every fetch but the blacklist check, which has blacklistCheckMs', () => {
    const { subgraphFetchMs, blacklistCheckMs } = policy().timeouts;
    expect(blacklistCheckMs).toBeGreaterThan(subgraphFetchMs);
    expect(fetchBudgetMs('query ($ids: [String!]!) { blacklistCheck(ids: $ids, purpose: LICENSING) { id listed } }')).toBe(blacklistCheckMs);
    expect(
      fetchBudgetMs('query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { taxCreditLevel { level } } } }'),
    ).toBe(subgraphFetchMs);
    expect(fetchBudgetMs(undefined)).toBe(subgraphFetchMs);
    // A client's alias does not buy another field the check's budget.
    expect(fetchBudgetMs('query ($id: CitizenId!) { person(id: $id) { blacklistCheck: taxArrears { totalCount } } }')).toBe(subgraphFetchMs);
  });
});
