import { makeCitizenId } from '../citizen-id';
import { maskCitizenId, maskCitizenIdsIn, maskMobile, maskPersonalDataIn } from '../masking';
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

describe('IDs disguised with full-width digits or hidden characters', () => {
  const id = makeCitizenId('510703', '1990-01-01', 12);
  const fullWidth = [...id].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

  it('finds an ID in full-width digits and masks it in place', () => {
    expect(containsCitizenId(`REC-${fullWidth}`)).toBe(true);
    expect(maskCitizenIdsIn(`申请人${fullWidth}。`)).toBe(`申请人${maskCitizenId(id)}。`);
  });

  it('finds an ID with a zero-width space or a direction mark inside', () => {
    const hidden = `${id.slice(0, 9)}\u200b${id.slice(9, 14)}\u202e${id.slice(14)}`;
    expect(containsCitizenId(hidden)).toBe(true);
    expect(maskCitizenIdsIn(`见${hidden}号`)).toBe(`见${maskCitizenId(id)}号`);
  });
});

describe('personal data in free text shown without the identity scope', () => {
  const id = makeCitizenId('510703', '1990-01-01', 12);

  it('masks IDs, mobile numbers, the counterpart’s name and a street address; leaves the rest', () => {
    const text = `当事人欧阳明远(身份证号${id}, 电话138 1234 5678)在绵阳市涪城区临园路东段12号3单元501室销售过期食品, 罚款2000元。`;
    expect(maskPersonalDataIn(text, { names: ['欧阳明远'] })).toBe(
      `当事人欧阳**(身份证号${maskCitizenId(id)}, 电话${maskMobile('13812345678')})在绵阳市涪城区****销售过期食品, 罚款2000元。`,
    );
  });

  it('does not take a sum of money, a date or a decision number for a phone number or an address', () => {
    const text = '罚款人民币20000元, 2024年6月1日作出绵市监罚〔2024〕12号决定。';
    expect(maskPersonalDataIn(text, { names: ['张三'] })).toBe(text);
  });

  it('masks a full-width mobile number and an ID split by a zero-width space', () => {
    const mobile = '１３９８７６５４３２１';
    const hidden = `${id.slice(0, 9)}\u200b${id.slice(9)}`;
    expect(maskPersonalDataIn(`联系${mobile}, 证件${hidden}`)).toBe(`联系${maskMobile('13987654321')}, 证件${maskCitizenId(id)}`);
  });
});
