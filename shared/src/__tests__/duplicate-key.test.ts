import { MongoServerError } from 'mongodb';

import { duplicatePositions, isDuplicateKeyError } from '../duplicate-key';

describe('duplicate-key errors', () => {
  it('recognises a unique-index violation of one write, and nothing else', () => {
    expect(isDuplicateKeyError(new MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key' }))).toBe(true);
    expect(isDuplicateKeyError(new MongoServerError({ code: 112, errmsg: 'WriteConflict' }))).toBe(false);
    expect(isDuplicateKeyError(new Error('E11000 in a message only'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });

  it('gives the positions of a bulk insert that already existed, or null when something else failed', () => {
    expect(
      duplicatePositions({
        code: 11000,
        writeErrors: [
          { index: 1, code: 11000 },
          { index: 3, err: { code: 11000 } },
        ],
      }),
    ).toEqual([1, 3]);
    expect(duplicatePositions({ writeErrors: { index: 2, code: 11000 } })).toEqual([2]);
    expect(
      duplicatePositions({
        writeErrors: [
          { index: 0, code: 11000 },
          { index: 1, code: 121 },
        ],
      }),
    ).toBeNull();
    expect(duplicatePositions({ code: 11000 })).toBeNull();
  });
});
