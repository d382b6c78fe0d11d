import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { config, devKeyFile, type Config } from '@credit/shared';

/**
 * The platform's Ed25519 signing keys: one for the query log, one for the
 * credit reports it issues, each from a PEM file named by the typed
 * configuration (required in production) or, outside production, a
 * development key created once under .run/dev-keys. Keeping the two apart
 * lets either be rotated or handed to a verifier alone.
 */

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Short fingerprint of the public key, stored with each signature. */
  keyId: string;
}

/** Which key: the variable naming its file, the development file, what it signs (for errors). */
export interface SigningKeySpec {
  variable: keyof Config & `${string}_FILE`;
  devFile: string;
  signs: string;
}

export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function readPem(file: string, variable: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${variable} ${file} cannot be read: ${(err as Error).message}`);
  }
}

const cachedKeys = new Map<string, SigningKey>();

/** The key of the spec (see the module comment), read once per file. */
export function signingKey({ variable, devFile, signs }: SigningKeySpec): SigningKey {
  const file = config()[variable] as string | undefined;
  const cacheKey = `${variable}|${file ?? ''}`;
  const cached = cachedKeys.get(cacheKey);
  if (cached) return cached;
  let pem: string;
  if (file) pem = readPem(file, variable);
  else if (config().production) throw new Error(`${variable} must be set in production: ${signs} cannot be signed without the platform key`);
  else pem = devKeyFile(devFile, () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (err) {
    throw new Error(`${variable} does not hold a PEM private key: ${(err as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the key of ${variable} must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  const key = { privateKey, publicKey, keyId: keyFingerprint(publicKey) };
  cachedKeys.set(cacheKey, key);
  return key;
}

/** A public key from a PEM file (for a verifier that holds no private key). */
export function publicKeyFromFile(file: string, variable: string): { publicKey: KeyObject; keyId: string } {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(readPem(file, variable));
  } catch (err) {
    throw new Error(`${variable} does not hold a PEM public key: ${(err as Error).message}`);
  }
  return { publicKey, keyId: keyFingerprint(publicKey) };
}
