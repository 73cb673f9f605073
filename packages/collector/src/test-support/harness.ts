import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG, startCollector, type CollectorConfig, type RunningCollector } from '../collector.js';

/** A reply as a test sees it. */
export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

/** A plain HTTP request over loopback (node:http, so any header, `Origin` included, can be sent). */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // Parsed by hand, not with URL, so a path like `/../x` reaches the server unnormalised.
    const parts = /^http:\/\/([^/]+):(\d+)(\/.*)?$/.exec(url);
    if (parts === null) throw new Error(`not a loopback URL: ${url}`);
    const target = { host: parts[1], port: Number(parts[2]), path: parts[3] ?? '/' };
    const req = httpRequest({ ...target, method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POSTs a response in the wire format, with the id as Idempotency-Key unless headers say otherwise. */
export function postResponse(
  baseUrl: string,
  surveyId: string,
  body: { id: string; data: Record<string, unknown>; meta?: Record<string, unknown>; ballot?: string } | string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const key = typeof body === 'string' ? undefined : body.id;
  return request(`${baseUrl}/v1/surveys/${surveyId}/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key === undefined ? {} : { 'Idempotency-Key': key }), ...headers },
    body: text,
  });
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempFolder(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `pv-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes survey definitions (id → JSON) into a folder. */
export function writeSurveys(dir: string, surveys: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  for (const [id, definition] of Object.entries(surveys)) {
    writeFileSync(join(dir, `${id}.json`), typeof definition === 'string' ? definition : JSON.stringify(definition, null, 2));
  }
}

/** A collector on loopback port 0 with a real SQLite file in a temp folder. */
export interface TestCollector extends RunningCollector {
  root: string;
  dataDir: string;
  surveysDir: string;
  /** Stops the collector and removes its folder. */
  dispose(): Promise<void>;
}

export async function startTestCollector(
  surveys: Record<string, unknown>,
  overrides: Partial<CollectorConfig> = {},
): Promise<TestCollector> {
  const folder = tempFolder('collector');
  const dataDir = join(folder.path, 'data');
  const surveysDir = join(folder.path, 'surveys');
  writeSurveys(surveysDir, surveys);
  const collector = await startCollector({ ...DEFAULT_CONFIG, dataDir, surveysDir, port: 0, host: '127.0.0.1', ...overrides });
  return {
    ...collector,
    root: folder.path,
    dataDir,
    surveysDir,
    dispose: async () => {
      await collector.close();
      folder.remove();
    },
  };
}

/** A new response id, as the store creates one when a respondent starts. */
export const newId = (): string => randomUUID();

/** Silences the collector's start-up problem reports inside a test. */
export async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = () => undefined;
  try {
    return await run();
  } finally {
    console.error = original;
  }
}

/**
 * Seals answers the way `@pupil-voice/store` does for a survey with a public key (AES-256-GCM
 * content key wrapped with RSA-OAEP SHA-256; plaintext `{ id, data }`), for tests of the
 * collector's side. Returns the envelope and the analyst's private JWK.
 */
export async function sealForTest(
  id: string,
  data: Record<string, unknown>,
): Promise<{ envelope: { v: 1; alg: 'RSA-OAEP-256+A256GCM'; key: string; iv: string; ct: string }; privateKey: JsonWebKey }> {
  const subtle = globalThis.crypto.subtle;
  const pair = await subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  const contentKey = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv }, contentKey, new TextEncoder().encode(JSON.stringify({ id, data })));
  const wrapped = await subtle.encrypt({ name: 'RSA-OAEP' }, pair.publicKey, await subtle.exportKey('raw', contentKey));
  const base64 = (bytes: ArrayBuffer | Uint8Array): string => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64');
  return {
    envelope: { v: 1, alg: 'RSA-OAEP-256+A256GCM', key: base64(wrapped), iv: base64(iv), ct: base64(ct) },
    privateKey: await subtle.exportKey('jwk', pair.privateKey),
  };
}

/** Creates an analyst token for a survey's results, as `token create` does, and returns it. */
export async function analystToken(collector: RunningCollector, surveyId: string): Promise<string> {
  const { hashAnalystToken, newAnalystToken } = await import('../access/analyst-access.js');
  const token = newAnalystToken();
  await collector.storage.addAnalystToken(surveyId, hashAnalystToken(token), '2026-01-01');
  return token;
}
