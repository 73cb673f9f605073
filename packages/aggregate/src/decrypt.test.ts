import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DecryptError, decryptResponse } from './decrypt.js';
import type { EncryptedResponseEnvelope } from './decrypt.js';

const subtle = globalThis.crypto.subtle;
const toBase64 = (bytes: ArrayBuffer | Uint8Array): string => Buffer.from(bytes as ArrayBuffer).toString('base64');

async function makeKeyPair(): Promise<{ publicJwk: JsonWebKey; privateJwk: JsonWebKey }> {
  const pair = await subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  return { publicJwk: await subtle.exportKey('jwk', pair.publicKey), privateJwk: await subtle.exportKey('jwk', pair.privateKey) };
}

/** The store's sealing, written out independently here (same algorithm, same envelope). */
async function seal(id: string, data: Record<string, unknown>, publicJwk: JsonWebKey): Promise<EncryptedResponseEnvelope> {
  const rsa = await subtle.importKey('jwk', publicJwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
  const aes = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv }, aes, new TextEncoder().encode(JSON.stringify({ id, data })));
  const key = await subtle.encrypt({ name: 'RSA-OAEP' }, rsa, await subtle.exportKey('raw', aes));
  return { v: 1, alg: 'RSA-OAEP-256+A256GCM', key: toBase64(key), iv: toBase64(iv), ct: toBase64(ct) };
}

describe('decryptResponse', () => {
  const id = '7d0c4a52-3b7e-4c57-9d59-6a0c6b2f1e11';
  const data = { feel_safe: 'mostly', comments: 'Ça va — 😀', year_group: 9 };

  it('recovers the answers sealed with the public key', async () => {
    const { publicJwk, privateJwk } = await makeKeyPair();
    const envelope = await seal(id, data, publicJwk);
    assert.deepEqual(await decryptResponse(envelope, privateJwk, { responseId: id }), { id, data });
  });

  it('refuses a different private key', async () => {
    const { publicJwk } = await makeKeyPair();
    const other = await makeKeyPair();
    const envelope = await seal(id, data, publicJwk);
    await assert.rejects(decryptResponse(envelope, other.privateJwk), DecryptError);
  });

  it('refuses a tampered ciphertext (GCM authenticates it)', async () => {
    const { publicJwk, privateJwk } = await makeKeyPair();
    const envelope = await seal(id, data, publicJwk);
    const bytes = Buffer.from(envelope.ct, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    await assert.rejects(decryptResponse({ ...envelope, ct: bytes.toString('base64') }, privateJwk), DecryptError);
  });

  it('refuses an envelope presented under another response id', async () => {
    const { publicJwk, privateJwk } = await makeKeyPair();
    const envelope = await seal(id, data, publicJwk);
    await assert.rejects(
      decryptResponse(envelope, privateJwk, { responseId: '00000000-0000-4000-8000-000000000000' }),
      /sealed for response/,
    );
  });

  it('refuses an unknown envelope version', async () => {
    const { publicJwk, privateJwk } = await makeKeyPair();
    const envelope = await seal(id, data, publicJwk);
    await assert.rejects(
      decryptResponse({ ...envelope, v: 2 } as unknown as EncryptedResponseEnvelope, privateJwk),
      /Unknown envelope format/,
    );
  });
});
