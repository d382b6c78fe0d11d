import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';

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

  it('checks a token’s signature once, then believes it again for at most a minute', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const keys = createLocalJWKSet({ keys: [await exportJWK(publicKey)] });
    let lookups = 0;
    const keySet: JWTVerifyGetKey = (header, token) => (lookups++, keys(header, token));
    const verifier = await createCallerTokenVerifier({ keySet });
    const sign = () =>
      new SignJWT({ role: 'auditor', org: 'audit' })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
    const token = await sign();
    const first = await verifier.verify(token);
    await expect(verifier.verify(token)).resolves.toBe(first);
    expect(lookups).toBe(1);
    expect(Object.isFrozen(first) && Object.isFrozen(first.scopes)).toBe(true);
    // Another token is checked on its own; a token altered in one character is refused, not taken for the known one.
    // (ES256 signatures are randomised: two tokens of the same claims differ.)
    await verifier.verify(await sign());
    expect(lookups).toBe(2);
    await expect(verifier.verify(`${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const now = Date.now();
    // A minute on, the token's signature is checked again (the altered token cost a lookup too).
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      await verifier.verify(token);
      expect(lookups).toBe(4);
    } finally {
      clock.mockRestore();
    }
  });

  it('refuses a token it believed once it has expired', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const verifier = await createCallerTokenVerifier({ publicJwks: [await exportJWK(publicKey)] });
    const token = await new SignJWT({ role: 'auditor', org: 'audit' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(privateKey);
    await expect(verifier.verify(token)).resolves.toMatchObject({ role: 'auditor' });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await expect(verifier.verify(token)).rejects.toThrow(/"exp" claim timestamp check failed/);
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
