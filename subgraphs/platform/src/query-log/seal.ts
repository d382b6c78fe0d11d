import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { config, devKeyFile } from '@credit/shared';

/**
 * The platform's log key (Ed25519). A hash chain alone proves nothing to
 * someone who can write the database: they can append an entry with a
 * correct hash, rewrite every hash after a change, or cut the tail. So
 *
 * - every batch the platform appends is **sealed**: its last entry carries a
 *   signature over the batch's first and last positions and the last hash,
 *   so an entry outside every sealed range was not written by the platform;
 * - the platform writes signed **checkpoints** of the chain head to a store
 *   kept apart from the chain (in the spirit of Certificate Transparency's
 *   signed tree heads), so a cut tail or a rewritten chain disagrees with a
 *   checkpoint.
 *
 * `QUERY_LOG_SIGNING_KEY_FILE` (a PEM private key) is required in
 * production; outside it a development key is kept under .run/dev-keys.
 * `npm run verify-log` needs only the public key.
 */

export interface LogKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Short fingerprint of the public key, stored with each seal and checkpoint. */
  keyId: string;
}

function fingerprint(publicKey: KeyObject): string {
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

const cachedKeys = new Map<string, LogKey>();

/** The platform's log signing key (see the module comment). */
export function queryLogSigningKey(): LogKey {
  const file = config().QUERY_LOG_SIGNING_KEY_FILE;
  const cached = cachedKeys.get(file ?? '');
  if (cached) return cached;
  let pem: string;
  if (file) pem = readPem(file, 'QUERY_LOG_SIGNING_KEY_FILE');
  else if (config().production) {
    throw new Error('QUERY_LOG_SIGNING_KEY_FILE must be set in production: the query log cannot be sealed without the platform key');
  } else {
    pem = devKeyFile('query-log-signing-key.pem', () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (err) {
    throw new Error(`QUERY_LOG_SIGNING_KEY_FILE does not hold a PEM private key: ${(err as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the query log key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  const key = { privateKey, publicKey, keyId: fingerprint(publicKey) };
  cachedKeys.set(file ?? '', key);
  return key;
}

/** The public key that verifies seals and checkpoints: `QUERY_LOG_PUBLIC_KEY_FILE`, else the signing key's. */
export function queryLogPublicKey(): { publicKey: KeyObject; keyId: string } {
  const file = config().QUERY_LOG_PUBLIC_KEY_FILE;
  if (!file) {
    const { publicKey, keyId } = queryLogSigningKey();
    return { publicKey, keyId };
  }
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(readPem(file, 'QUERY_LOG_PUBLIC_KEY_FILE'));
  } catch (err) {
    throw new Error(`QUERY_LOG_PUBLIC_KEY_FILE does not hold a PEM public key: ${(err as Error).message}`);
  }
  return { publicKey, keyId: fingerprint(publicKey) };
}

/** The seal on the last entry of a batch. */
export interface Seal {
  /** First position of the batch; the sealed entry's own `sequence` is the last. */
  from: number;
  keyId: string;
  signature: string;
}

const sealMessage = (from: number, to: number, hash: string) => Buffer.from(`mianyang-credit query log seal\n${from}\n${to}\n${hash}`);

/** Seals entries `from`..`to` of the chain, `hash` being the hash of entry `to`. */
export function sealBatch(key: LogKey, from: number, to: number, hash: string): Seal {
  return { from, keyId: key.keyId, signature: sign(null, sealMessage(from, to, hash), key.privateKey).toString('base64url') };
}

/** Whether a seal was made by the platform key over exactly these positions and hash. */
export function sealHolds(publicKey: KeyObject, seal: Seal, to: number, hash: string): boolean {
  try {
    return verify(null, sealMessage(seal.from, to, hash), publicKey, Buffer.from(seal.signature, 'base64url'));
  } catch {
    return false;
  }
}

const checkpointMessage = (sequence: number, hash: string, at: Date) =>
  Buffer.from(`mianyang-credit query log checkpoint\n${sequence}\n${hash}\n${at.toISOString()}`);

/** Signs a checkpoint of the chain head. */
export function signCheckpoint(key: LogKey, sequence: number, hash: string, at: Date): string {
  return sign(null, checkpointMessage(sequence, hash, at), key.privateKey).toString('base64url');
}

/** Whether a checkpoint was signed by the platform key. */
export function checkpointHolds(publicKey: KeyObject, checkpoint: { sequence: number; hash: string; at: Date; signature: string }): boolean {
  try {
    return verify(
      null,
      checkpointMessage(checkpoint.sequence, checkpoint.hash, new Date(checkpoint.at)),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64url'),
    );
  } catch {
    return false;
  }
}
