/**
 * The credit report as a file in the browser: the PDF the gateway sends
 * (base64) as bytes to save, and the SHA-256 a verification sends, computed
 * here so the document itself never leaves the verifier's computer.
 */

/** The bytes of a base64 text. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** SHA-256 of a file's bytes, in lower-case hexadecimal (Web Crypto; the page must be served over HTTPS or from localhost). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
