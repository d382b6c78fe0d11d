import { publicListFields } from '@credit/shared';

import { PUBLIC_LIST_RULES } from '../public-lists';

describe('the public-list rules', () => {
  it('answer every public list the policy names, and no other', () => {
    expect(Object.keys(PUBLIC_LIST_RULES).sort()).toEqual([...publicListFields()].sort());
  });
});
