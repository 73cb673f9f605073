import type { Answers, EncryptedEnvelope } from './wire.js';

/** Identifies the envelope format; the analyst's decrypt checks both fields. */
export const ENVELOPE_VERSION = 1;
export const ENVELOPE_ALG = 'RSA-OAEP-256+A256GCM';

/** What an envelope's ciphertext decrypts to: the answers, bound to their response id. */
export interface SealedResponse {
  id: string;
  data: Answers;
}

/** Standard base64 of bytes, without Node's Buffer so it runs in any page or worker. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * Imports the survey's RSA public key (a JWK, as given in the `public-key` attribute) for
 * RSA-OAEP with SHA-256. `key_ops`, `use` and `ext` are dropped so a key published for
 * `wrapKey` or with a generic `use` still imports; a key for another hash fails here,
 * before any respondent starts.
 */
export async function importResponsePublicKey(jwk: JsonWebKey): Promise<CryptoKey> {
  if (jwk.kty !== 'RSA' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') {
    throw new TypeError('The survey public key must be an RSA JWK with "n" and "e".');
  }
  if (jwk.d !== undefined) {
    throw new TypeError('This is a private key. Publish only the public half with a survey.');
  }
  const publicOnly: JsonWebKey = { kty: 'RSA', n: jwk.n, e: jwk.e };
  if (jwk.alg !== undefined) publicOnly.alg = jwk.alg;
  return crypto.subtle.importKey('jwk', publicOnly, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, [
    'encrypt',
  ]);
}

/**
 * Seals one response: a fresh AES-GCM-256 key and 96-bit IV per call, the key wrapped with
 * RSA-OAEP-256. The plaintext carries the response id so an envelope cannot be replayed
 * under another id without the analyst noticing. `ct` includes GCM's 16-byte tag.
 */
export async function encryptResponse(
  response: SealedResponse,
  publicKey: CryptoKey | JsonWebKey,
): Promise<EncryptedEnvelope> {
  const rsaKey = publicKey instanceof CryptoKey ? publicKey : await importResponsePublicKey(publicKey);
  const contentKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
  ]);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = new TextEncoder().encode(JSON.stringify({ id: response.id, data: response.data }));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, contentKey, plaintext);
  const rawKey = await crypto.subtle.exportKey('raw', contentKey);
  const wrappedKey = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, rsaKey, rawKey);
  return {
    v: ENVELOPE_VERSION,
    alg: ENVELOPE_ALG,
    key: bytesToBase64(new Uint8Array(wrappedKey)),
    iv: bytesToBase64(iv),
    ct: bytesToBase64(new Uint8Array(ciphertext)),
  };
}
