import { isCalendarDate } from './citizen-id';
import { sha256 } from './sha256';

/**
 * Record ids are shown next to a masked person (`provenance.sourceRecordId`,
 * objections, evaluation factors), so they must not carry the person: an id
 * is opaque, and ingestion refuses one that contains a citizen ID.
 */

/** A stable opaque id: `PREFIX-` and 20 hex digits of SHA-256 over the parts (the same parts give the same id). */
export function opaqueId(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}-${sha256(parts.join('\u0000'), 'hex').slice(0, 20).toUpperCase()}`;
}

/**
 * Whether 18 or 15 characters are shaped like a citizen ID: an area code
 * that starts with a non-zero digit and a real birth date where GB 11643
 * (18 characters, 17 digits then a digit or X) or the older 15-digit number
 * puts it. The check character is not required: an ID with a typo in it
 * still names the person.
 */
function isCitizenIdShaped(candidate: string): boolean {
  if (candidate[0] === '0') return false;
  if (candidate.length === 18) {
    if (!/^\d{17}[\dX]$/i.test(candidate)) return false;
    const year = Number(candidate.slice(6, 10));
    return year >= 1900 && year <= 2099 && isCalendarDate(year, Number(candidate.slice(10, 12)), Number(candidate.slice(12, 14)));
  }
  if (candidate.length === 15) {
    if (!/^\d{15}$/.test(candidate)) return false;
    return isCalendarDate(1900 + Number(candidate.slice(6, 8)), Number(candidate.slice(8, 10)), Number(candidate.slice(10, 12)));
  }
  return false;
}

/**
 * `text` as the ID-shape checks read it: NFKC-normalised character by
 * character (full-width digits and letters become ASCII) with format
 * characters (zero-width spaces and joiners, direction marks and overrides,
 * soft hyphens) removed, so that `５１０７０３…` or an ID with a zero-width
 * space inside is still found. `start[i]` and `end[i]` are where the
 * normalised character `i` came from in `text`.
 */
export function searchableText(text: string): { text: string; start: number[]; end: number[] } {
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  for (const char of text) {
    const from = at;
    at += char.length;
    if (FORMAT_CHARACTER.test(char)) continue;
    for (const normal of char.normalize('NFKC')) {
      out += normal;
      start.push(from);
      end.push(at);
    }
  }
  return { text: out, start, end };
}

/** A Unicode format character (category Cf): invisible, and able to hide or reorder what is around it. */
export const FORMAT_CHARACTER = /\p{Cf}/u;

// Control characters other than line breaks and tabs, and format characters
// (zero-width, direction overrides): they hide or reorder text where it is
// published, and can hide a citizen ID from the checks.
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}]/u;
const ALLOWED_CONTROLS = new Set(['\n', '\r', '\t']);

/**
 * What is wrong with text someone writes for publication or for the record,
 * if anything: the first invisible control or format character, with its
 * code point and position (line breaks and tabs are allowed). Null when
 * there is none.
 */
export function hiddenCharacterProblem(text: string): string | null {
  let position = 0;
  for (const char of text) {
    position += 1;
    if (HIDDEN_CHARACTER.test(char) && !ALLOWED_CONTROLS.has(char)) {
      return `contains the invisible control or format character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at character ${position}`;
    }
  }
  return null;
}

/** Spans of citizen IDs in text that is already searchable (see {@link searchableText}). */
function spansInSearchable(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const runs = /\d+[Xx]?/g;
  for (let run = runs.exec(text); run; run = runs.exec(text)) {
    const start = run.index;
    const value = run[0];
    if (value.length === 15 && isCitizenIdShaped(value)) {
      spans.push([start, start + 15]);
      continue;
    }
    for (let i = 0; i + 18 <= value.length;) {
      if (isCitizenIdShaped(value.slice(i, i + 18))) {
        spans.push([start + i, start + i + 18]);
        i += 18;
      } else i++;
    }
  }
  return spans;
}

/**
 * Where citizen IDs sit in `text`, as [start, end) spans of `text` itself,
 * with the ID each holds (normalised: ASCII digits, upper-case X): every
 * 18-character window of a run of digits (an X may end it) that is shaped
 * like an ID, and a run of exactly 15 digits shaped like an old one, found
 * in the searchable form of the text (full-width digits and hidden format
 * characters do not hide an ID). Spans do not overlap.
 */
export function citizenIdSpans(text: string): { start: number; end: number; id: string }[] {
  const searchable = searchableText(text);
  return spansInSearchable(searchable.text).map(([s, e]) => ({
    start: searchable.start[s]!,
    end: searchable.end[e - 1]!,
    id: searchable.text.slice(s, e).toUpperCase(),
  }));
}

/** Whether `text` contains anything shaped like a citizen ID (see {@link citizenIdSpans}). */
export function containsCitizenId(text: string): boolean {
  return citizenIdSpans(text).length > 0;
}
