// The analyst's side of the store's optional end-to-end encryption. Runs wherever WebCrypto
// does (Node 20+, browsers, workers): the private key never has to touch a server.

import type { EncryptedEnvelope } from '@pupil-voice/schema';

/**
 * The envelope `@pupil-voice/store` writes for each response when a survey has a public key:
 * the wire format's own type (`@pupil-voice/schema`), under the name this package has exported.
 */
export type EncryptedResponseEnvelope = EncryptedEnvelope;

/** A decrypted response: the answers and the id they were sealed with. */
export interface DecryptedResponse {
  id: string;
  data: Record<string, unknown>;
}

/** Options for {@link decryptResponse}. */
export interface DecryptResponseOptions {
  /**
   * The id the response arrived under (the wire body's clear `id`). When given, an envelope
   * sealed for another id is rejected: it was copied or swapped, not sent.
   */
  responseId?: string;
}

/** Why a response could not be decrypted; never includes key material or plaintext. */
export class DecryptError extends Error {
  override readonly name = 'DecryptError';
}

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Imports an RSA private JWK for unwrapping, whatever `key_ops`/`alg` it was saved with. */
export async function importResponsePrivateKey(privateKeyJwk: JsonWebKey): Promise<CryptoKey> {
  if (privateKeyJwk.kty !== 'RSA' || privateKeyJwk.d === undefined) {
    throw new DecryptError('The decryption key must be an RSA private JWK (with "d").');
  }
  const { key_ops: _ops, use: _use, ext: _ext, alg: _alg, ...material } = privateKeyJwk;
  return globalThis.crypto.subtle.importKey(
    'jwk',
    { ...material, alg: 'RSA-OAEP-256' },
    { name: 'RSA-OAEP', hash: 'SHA-256' },
    false,
    ['decrypt'],
  );
}

/**
 * Decrypts one response sealed by the store: unwraps the AES-GCM key with the survey's
 * RSA private key, then decrypts and authenticates the answers. Throws DecryptError for a
 * wrong key, a tampered envelope, an unknown format, or an id mismatch.
 */
export async function decryptResponse(
  envelope: EncryptedResponseEnvelope,
  privateKey: JsonWebKey | CryptoKey,
  { responseId }: DecryptResponseOptions = {},
): Promise<DecryptedResponse> {
  if (envelope?.v !== 1 || envelope.alg !== 'RSA-OAEP-256+A256GCM') {
    throw new DecryptError('Unknown envelope format (expected v 1, RSA-OAEP-256+A256GCM).');
  }
  const subtle = globalThis.crypto.subtle;
  const rsaKey = privateKey instanceof CryptoKey ? privateKey : await importResponsePrivateKey(privateKey);
  let plaintext: ArrayBuffer;
  try {
    const rawKey = await subtle.decrypt({ name: 'RSA-OAEP' }, rsaKey, base64ToBytes(envelope.key));
    const contentKey = await subtle.importKey('raw', rawKey, { name: 'AES-GCM' }, false, ['decrypt']);
    plaintext = await subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(envelope.iv) },
      contentKey,
      base64ToBytes(envelope.ct),
    );
  } catch (error) {
    throw new DecryptError('The response could not be decrypted with this key (wrong key or altered data).', {
      cause: error,
    });
  }
  const sealed = JSON.parse(new TextDecoder().decode(plaintext)) as DecryptedResponse;
  if (responseId !== undefined && sealed.id !== responseId) {
    throw new DecryptError(`The envelope was sealed for response ${sealed.id}, not ${responseId}.`);
  }
  return { id: sealed.id, data: sealed.data };
}
