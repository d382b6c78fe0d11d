/** Bits of entropy a shared secret must carry at least (estimated from its characters). */
const MIN_SECRET_BITS = 128;

/**
 * Why a secret is too weak to sign with, or null: shorter than 32
 * characters, or carrying less than 128 bits by the Shannon entropy of its
 * characters (32 × `a` carries none; a random base64 or hex string of that
 * length passes easily).
 */
export function weakSecretProblem(secret: string): string | null {
  if (secret.length < 32) return `must be at least 32 characters (got ${secret.length})`;
  const counts = new Map<string, number>();
  for (const char of secret) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bitsPerChar = 0;
  for (const n of counts.values()) bitsPerChar -= (n / secret.length) * Math.log2(n / secret.length);
  const bits = Math.floor(bitsPerChar * secret.length);
  if (bits < MIN_SECRET_BITS) return `looks guessable (about ${bits} bits of entropy, at least ${MIN_SECRET_BITS} needed)`;
  return null;
}
