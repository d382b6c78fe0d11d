import { makeCitizenId } from '../citizen-id';
import { maskCitizenId, maskCitizenIdsIn } from '../masking';
import { containsCitizenId } from '../record-id';

describe('citizen IDs in free text and record ids', () => {
  const id = makeCitizenId('510703', '1990-01-01', 12);

  it('masks a valid ID and keeps the owner’s own', () => {
    expect(maskCitizenIdsIn(`申请人 ${id} 的记录`)).toBe(`申请人 ${maskCitizenId(id)} 的记录`);
    expect(maskCitizenIdsIn(`申请人 ${id}`, id)).toBe(`申请人 ${id}`);
  });

  it('masks an ID with a wrong check character: a typo still names the person', () => {
    const typo = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(containsCitizenId(`CASE-${typo}`)).toBe(true);
    expect(maskCitizenIdsIn(`见 ${typo}`)).toBe(`见 ${maskCitizenId(typo)}`);
  });

  it('masks an old 15-digit ID, and an ID inside a longer run of digits', () => {
    expect(containsCitizenId('REC-510703900101123')).toBe(true);
    expect(maskCitizenIdsIn('510703900101123')).toBe(maskCitizenId('510703900101123'));
    expect(containsCitizenId(`00${id}`)).toBe(true);
  });

  it('leaves numbers that cannot be an ID alone', () => {
    expect(containsCitizenId('TAX-2024-000123')).toBe(false);
    // 18 digits, but month 13 is no birth date.
    expect(containsCitizenId('510703199013011234')).toBe(false);
    // A 16-digit run is neither form.
    expect(containsCitizenId('5107039001011234')).toBe(false);
    expect(maskCitizenIdsIn('决定书 2024-0001 号')).toBe('决定书 2024-0001 号');
  });
});
