import { areaName } from './mianyang-areas';
import { policy } from './policy';
import { citizenIdSpans, searchableText } from './record-id';

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

/** A certificate number (an individual's licence, an individual business's unified social credit code) with its middle hidden. */
export function maskCertificateNumber(value: string): string {
  const { keepFirst, keepLast } = policy().masking.certificateNumber as { keepFirst: number; keepLast: number };
  return keep(value, keepFirst, keepLast);
}

interface Replacement {
  start: number;
  end: number;
  with: string;
}

// A mainland mobile number, optionally grouped 3-4-4 with a space or hyphen.
const MOBILE = /(?<!\d)1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g;
// A street address below the district: a road, street, lane, village or
// estate (a name of up to six characters) followed by at least one house,
// building, unit, room or group number. The district and the city before it
// are kept (they are not personal), hence administrative-level characters,
// and the words that lead up to a place (在, 位于, 住...), are outside the name.
const STREET_ADDRESS =
  /[^\s\d\p{P}省市区县镇乡州在于位址住居到至从向和与及的是为经营]{1,6}(?:路|街|大道|巷|弄|胡同|村|社区|小区|花园|公寓)(?:[东西南北中][段路])?(?:[\d一二三四五六七八九十百零〇]+[-\d]*(?:号院|号楼|号|栋|幢|单元|楼|层|室|组|社)){1,6}/gu;

/**
 * Free text (a decision's facts, a penalty's content, a notice) as it may be
 * shown to someone who may not see the person's identity: every citizen ID
 * (18- or 15-digit, also in full-width digits or with hidden format
 * characters inside, see record-id.ts), every mobile number, every
 * occurrence of the `names` given (the counterpart's own name as the
 * record states it) and every street address below the district are masked
 * as the structured fields are. The ID `ownId` is kept (a notice to the
 * person themselves).
 */
export function maskPersonalDataIn(text: string, options: { ownId?: string; names?: readonly string[] } = {}): string {
  const searchable = searchableText(text);
  const found: Replacement[] = [];
  const at = (s: number, e: number, replacement: string) => found.push({ start: searchable.start[s]!, end: searchable.end[e - 1]!, with: replacement });
  for (const span of citizenIdSpans(text)) found.push({ start: span.start, end: span.end, with: span.id === options.ownId ? span.id : maskCitizenId(span.id) });
  for (const m of searchable.text.matchAll(MOBILE)) at(m.index, m.index + m[0].length, maskMobile(m[0].replace(/[ -]/g, '')));
  for (const name of options.names ?? []) {
    const wanted = searchableText(name).text.trim();
    // A one-character name would mask that character everywhere.
    if ([...wanted].length < 2) continue;
    for (let i = searchable.text.indexOf(wanted); i >= 0; i = searchable.text.indexOf(wanted, i + wanted.length)) at(i, i + wanted.length, maskName(wanted));
  }
  for (const m of searchable.text.matchAll(STREET_ADDRESS)) at(m.index, m.index + m[0].length, '****');
  // Earlier first, longer first at the same place; a span inside one already taken is dropped.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let from = 0;
  for (const r of found) {
    if (r.start < from) continue;
    out += text.slice(from, r.start) + r.with;
    from = r.end;
  }
  return out + text.slice(from);
}

/**
 * Free text with every citizen ID in it masked, except `own`: an operator's
 * words (a decision's reasons, a notice) must not carry another person's ID
 * to whoever reads them.
 */
export function maskCitizenIdsIn(text: string, own?: string): string {
  let out = '';
  let from = 0;
  for (const span of citizenIdSpans(text)) {
    out += text.slice(from, span.start) + (span.id === own ? span.id : maskCitizenId(span.id));
    from = span.end;
  }
  return out + text.slice(from);
}
