import { sign, verify, type KeyObject } from 'node:crypto';

import { config } from '@credit/shared';

import { publicKeyFromFile, signingKey, type SigningKey, type SigningKeySpec } from '../signing-keys';

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

export type LogKey = SigningKey;

const QUERY_LOG_KEY: SigningKeySpec = { variable: 'QUERY_LOG_SIGNING_KEY_FILE', devFile: 'query-log-signing-key.pem', signs: 'the query log' };

/** The platform's log signing key (see the module comment). */
export function queryLogSigningKey(): LogKey {
  return signingKey(QUERY_LOG_KEY);
}

/** The public key that verifies seals and checkpoints: `QUERY_LOG_PUBLIC_KEY_FILE`, else the signing key's. */
export function queryLogPublicKey(): { publicKey: KeyObject; keyId: string } {
  const file = config().QUERY_LOG_PUBLIC_KEY_FILE;
  if (file) return publicKeyFromFile(file, 'QUERY_LOG_PUBLIC_KEY_FILE');
  const { publicKey, keyId } = queryLogSigningKey();
  return { publicKey, keyId };
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
