import { ageOn, citizenIdCheckChar, makeCitizenId, parseCitizenId } from '../citizen-id';

describe('citizen ID (GB 11643)', () => {
  it('accepts a valid ID and derives area, birth date and gender from it', () => {
    const id = makeCitizenId('510703', '1990-01-01', 1);
    expect(parseCitizenId(id)).toEqual({ id, areaCode: '510703', birthDate: '1990-01-01', sequence: '001', gender: 'MALE' });
    expect(parseCitizenId(makeCitizenId('510703', '1990-01-01', 2)).gender).toBe('FEMALE');
  });

  it('computes the ISO 7064 MOD 11-2 check character of the national standard example', () => {
    // Example ID from GB 11643-1999 Annex: 11010519491231002X.
    expect(citizenIdCheckChar('11010519491231002')).toBe('X');
    expect(parseCitizenId('11010519491231002x').id).toBe('11010519491231002X');
  });

  it.each([
    ['123', 'must be 18 characters, got 3'],
    ['51070319900101001A', 'must be 17 digits followed by a digit or X'],
    ['510703199002300011', 'birth date 19900230 is not a valid date'],
    ['510703199001010011', 'check digit is 1, expected 5'],
    ['010703199001010015', 'area code 010703 is not a valid administrative division code'],
  ])('rejects %s because its %s', (raw, reason) => {
    expect(() => parseCitizenId(raw)).toThrow(reason);
  });

  it('rejects a birth date in the future', () => {
    const id = makeCitizenId('510703', '2030-01-01', 1);
    expect(() => parseCitizenId(id, new Date('2026-11-25'))).toThrow('is in the future');
  });

  it('counts age in whole years, turning a year older on the birthday', () => {
    expect(ageOn('2008-11-25', '2026-11-24')).toBe(17);
    expect(ageOn('2008-11-25', '2026-11-25')).toBe(18);
  });
});
