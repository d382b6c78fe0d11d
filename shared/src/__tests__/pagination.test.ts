import { encodeCursor, paginate } from '../pagination';

const rows = Array.from({ length: 45 }, (_, i) => ({ _id: `r${i}` }));
const idOf = (r: { _id: string }) => r._id;

describe('cursor pagination', () => {
  it('pages through a list with endCursor until hasNextPage is false', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ReturnType<typeof paginate<{ _id: string }>> = paginate(rows, { first: 20, after }, idOf);
      seen.push(...page.nodes.map(idOf));
      expect(page.totalCount).toBe(45);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(rows.map(idOf));
  });

  it('rejects a page size above the policy maximum and a foreign cursor with BAD_USER_INPUT', () => {
    expect(() => paginate(rows, { first: 1000 }, idOf)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(() => paginate(rows, { after: 'bm9wZQ' }, idOf)).toThrow(/Invalid cursor/);
    expect(() => paginate(rows, { after: encodeCursor('missing') }, idOf)).toThrow(/does not point into this list/);
  });
});
