/**
 * The 18-character unified social credit code of an organisation (GB 32100-2015):
 * registration authority (1), organisation kind (1), area code (6), the
 * organisation code (9) and a MOD 31 check character. The alphabet has no
 * I, O, S, V or Z.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Check character for the first 17 characters of a code. */
export function socialCreditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`character ${first17[i]} is not in the GB 32100 alphabet`);
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Returns null when valid, otherwise the reason it is not. */
export function socialCreditCodeProblem(raw: unknown): string | null {
  if (typeof raw !== 'string') return 'must be a string';
  const code = raw.toUpperCase();
  if (code.length !== 18) return `must be 18 characters, got ${code.length}`;
  for (const ch of code) if (!ALPHABET.includes(ch)) return `character ${ch} is not allowed (GB 32100 excludes I, O, S, V, Z)`;
  const expected = socialCreditCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return `check character is ${code[17]}, expected ${expected}`;
  return null;
}

/** Builds a valid code from 17 characters. */
export function makeSocialCreditCode(first17: string): string {
  return first17 + socialCreditCheckChar(first17);
}

/** A mongoose schema path holding a unified social credit code, refused unless it passes the GB 32100 check. */
export const unifiedSocialCreditCodeField = {
  type: String,
  required: true,
  validate: {
    validator: (code: unknown) => socialCreditCodeProblem(code) === null,
    message: (props: { value: unknown }) => `${String(props.value)} is not a unified social credit code: ${socialCreditCodeProblem(props.value)}`,
  },
} as const;
