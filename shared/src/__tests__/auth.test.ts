import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { exportJWK, generateKeyPair, SignJWT } from 'jose';

import { createCallerTokenVerifier, principalFromClaims, readPublicKeyFile, TOKEN_AUDIENCE, TOKEN_ISSUER, weakSecretProblem } from '../auth';
import { makeCitizenId } from '../citizen-id';

const dir = mkdtempSync(path.join(tmpdir(), 'credit-keys-'));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('AUTH_PUBLIC_KEY_FILE', () => {
  it('accepts a PEM public key, a JWK and a JWK set', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(readPublicKeyFile(file('key.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString())).algorithms).toEqual(['ES256']);
    const jwk = publicKey.export({ format: 'jwk' });
    expect(() => readPublicKeyFile(file('key.jwk', JSON.stringify(jwk)))).not.toThrow();
    expect(() => readPublicKeyFile(file('keys.jwks', JSON.stringify({ keys: [jwk] })))).not.toThrow();
  });

  it('says clearly what is wrong with anything else', () => {
    expect(() => readPublicKeyFile(file('garbage', 'not a key'))).toThrow(/holds neither a PEM public key nor a JWK/);
    expect(() => readPublicKeyFile(file('json', '{"hello": 1}'))).toThrow(/not a JWK or a JWK set/);
    expect(() => readPublicKeyFile(file('bad.pem', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'))).toThrow(
      /PEM block that is not a public key/,
    );
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => readPublicKeyFile(file('private.jwk', JSON.stringify(privateKey.export({ format: 'jwk' }))))).toThrow(/holds a private key/);
    expect(() => readPublicKeyFile(path.join(dir, 'missing'))).toThrow(/cannot be read/);
  });
});

describe('INTERNAL_SIGNING_SECRET', () => {
  it('refuses short and guessable secrets, accepts random ones', () => {
    expect(weakSecretProblem('a'.repeat(32))).toMatch(/guessable/);
    expect(weakSecretProblem('ab'.repeat(20))).toMatch(/guessable/);
    expect(weakSecretProblem('short')).toMatch(/at least 32 characters/);
    expect(weakSecretProblem(randomBytes(32).toString('base64url'))).toBeNull();
    expect(weakSecretProblem(randomBytes(32).toString('hex'))).toBeNull();
  });
});

describe("callers' tokens", () => {
  async function tokenFor(lifetime: string | null) {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwt = new SignJWT({ role: 'auditor', org: 'audit' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt();
    if (lifetime) jwt.setExpirationTime(lifetime);
    const verifier = await createCallerTokenVerifier({ publicJwks: [await exportJWK(publicKey)] });
    return { token: await jwt.sign(privateKey), verifier };
  }

  it('accepts a token within the maximum lifetime', async () => {
    const { token, verifier } = await tokenFor('8h');
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'auditor' });
  });

  it('refuses a token that lives longer than the policy allows (100 years, or 13 hours)', async () => {
    for (const lifetime of ['100y', '13h']) {
      const { token, verifier } = await tokenFor(lifetime);
      await expect(verifier.verify(token)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', maxLifetimeHours: 12 } });
    }
  });

  it('refuses a token that never expires', async () => {
    const { token, verifier } = await tokenFor(null);
    await expect(verifier.verify(token)).rejects.toThrow(/no expiry/);
  });
});

describe('the staff id of an official', () => {
  it('names the reviewer, auditor or operator acting, and is never a citizen ID', () => {
    expect(principalFromClaims({ role: 'reviewer', org: 'mianyang-credit-platform', sub: 'REV-001' })).toMatchObject({ role: 'reviewer', staffId: 'REV-001' });
    expect(principalFromClaims({ role: 'reviewer', org: 'mianyang-credit-platform' }).staffId).toBeUndefined();
    const citizen = makeCitizenId('510703', '1980-01-01', 5);
    expect(() => principalFromClaims({ role: 'reviewer', org: 'mianyang-credit-platform', sub: `REV-${citizen}` })).toThrow(/opaque staff id/);
  });
});
