import { areaName } from './mianyang-areas';
import { policy } from './policy';
import { citizenIdSpans } from './record-id';

/**
 * Masking (脱敏) of personal details where they are published or shared
 * without an identity scope; the figures come from the policy's `masking`.
 */

function keep(value: string, first: number, last: number): string {
  if (value.length <= first + last) return '*'.repeat(value.length);
  return value.slice(0, first) + '*'.repeat(value.length - first - last) + value.slice(value.length - last);
}

/** `510703199001011234` → `510703********1234`. */
export function maskCitizenId(id: string): string {
  const { keepFirst, keepLast } = policy().masking.citizenId as { keepFirst: number; keepLast: number };
  return keep(id, keepFirst, keepLast);
}

const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯'];

/** Surname kept: `张三` → `张*`, `欧阳修文` → `欧阳**`. */
export function maskName(name: string): string {
  const chars = [...name];
  const surnameLength = COMPOUND_SURNAMES.some((s) => name.startsWith(s)) && chars.length > 2 ? 2 : 1;
  return chars.slice(0, surnameLength).join('') + '*'.repeat(Math.max(1, chars.length - surnameLength));
}

/** `13812345678` → `138****5678`. */
export function maskMobile(mobile: string): string {
  const { keepFirst, keepLast } = policy().masking.mobile as { keepFirst: number; keepLast: number };
  return keep(mobile, keepFirst, keepLast);
}

/** An address cut to its district: the area name of the code, the street hidden. */
export function maskAddress(areaCode: string): string {
  return `${areaName(areaCode) ?? areaCode}****`;
}

/**
 * Free text (a decision's reasons, a notice) with every citizen ID in it
 * masked, except `own`: an operator's words must not carry another
 * person's ID to whoever reads them.
 */
export function maskCitizenIdsIn(text: string, own?: string): string {
  let out = '';
  let from = 0;
  for (const [start, end] of citizenIdSpans(text)) {
    const id = text.slice(start, end).toUpperCase();
    out += text.slice(from, start) + (id === own ? id : maskCitizenId(id));
    from = end;
  }
  return out + text.slice(from);
}
