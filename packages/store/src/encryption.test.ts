import { expect } from '@open-wc/testing';
import { decryptResponse } from '@pupil-voice/aggregate';
import type { EncryptedResponseEnvelope } from '@pupil-voice/aggregate';
import { encryptResponse, importResponsePublicKey } from './encryption.js';
import { SendLoop } from './send-loop.js';
import type { ResponseSentEvent } from './events.js';
import {
  closeTestStores,
  collectorEndpoint,
  collectorRecord,
  nextEvent,
  openTestStore,
  scriptCollector,
} from './test-support.js';

const SURVEY = 'feeling-safe';

async function surveyKeyPair(): Promise<{ publicJwk: JsonWebKey; privateJwk: JsonWebKey }> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  return {
    publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey),
    privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
  };
}

describe('end-to-end encryption', () => {
  afterEach(closeTestStores);

  it('queues and sends only ciphertext, which the analyst decrypts back to the answers', async () => {
    const { publicJwk, privateJwk } = await surveyKeyPair();
    const secret = 'someone at the bus stop keeps sending me pictures';
    const store = await openTestStore();
    const draft = await store.startDraft(SURVEY);
    await store.saveAnswer(draft.responseId, 'comments', secret);
    await store.saveAnswer(draft.responseId, 'feel_safe', 'rarely');
    const completed = await store.completeResponse(draft.responseId, {
      publicKey: publicJwk,
      meta: { audience: 'pupil', school: 'URN100001' },
    });
    expect(completed.encrypted).to.equal(true);

    const db = await store.database();
    const atRest = JSON.stringify([await db.getAll('outbox'), await db.getAll('drafts')]);
    expect(atRest, 'the shared device holds only ciphertext').to.not.include(secret);
    expect(atRest).to.not.include('rarely');

    const scenario = await scriptCollector([]);
    const loop = new SendLoop(store, { endpoint: collectorEndpoint(scenario, SURVEY) });
    const sent = nextEvent<ResponseSentEvent>(loop, 'pv-response-sent');
    loop.start();
    await sent;
    loop.stop();

    const onTheWire = (await collectorRecord(scenario)).stored[draft.responseId]!;
    expect(onTheWire).to.not.include(secret);
    const body = JSON.parse(onTheWire) as { id: string; encrypted: EncryptedResponseEnvelope; meta: object };
    expect(Object.keys(body).sort()).to.deep.equal(['encrypted', 'id', 'meta']);
    expect(body.id, 'the id stays in clear so the collector can de-duplicate').to.equal(draft.responseId);
    expect(body.meta).to.deep.include({ audience: 'pupil', school: 'URN100001' });
    expect(body.encrypted).to.include({ v: 1, alg: 'RSA-OAEP-256+A256GCM' });

    const decrypted = await decryptResponse(body.encrypted, privateJwk, { responseId: body.id });
    expect(decrypted).to.deep.equal({ id: draft.responseId, data: { comments: secret, feel_safe: 'rarely' } });
  });

  it('uses a fresh key and IV for every response', async () => {
    const { publicJwk } = await surveyKeyPair();
    const key = await importResponsePublicKey(publicJwk);
    const a = await encryptResponse({ id: 'x', data: { q: 1 } }, key);
    const b = await encryptResponse({ id: 'x', data: { q: 1 } }, key);
    expect(a.key).to.not.equal(b.key);
    expect(a.iv).to.not.equal(b.iv);
    expect(a.ct).to.not.equal(b.ct);
  });

  it('refuses a private key published by mistake', async () => {
    const { privateJwk } = await surveyKeyPair();
    const error = await importResponsePublicKey(privateJwk).catch((e: unknown) => e);
    expect(String(error)).to.match(/private key/);
  });
});
