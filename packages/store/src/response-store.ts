import type { IDBPDatabase } from 'idb';
import { dayOf } from './day.js';
import { OutboxChangeEvent, StorageLowEvent } from './events.js';
import type { OutboxCounts, ResponseStoreEventMap } from './events.js';
import { StoreError, toStoreError } from './errors.js';
import { newResponseId } from './response-id.js';
import { openStoreDB } from './schema.js';
import type { DraftRecord, OutboxRecord, PupilVoiceStoreDB } from './schema.js';
import { cleanMeta, parseWireResponse } from './wire.js';
import type { Answers, ResponseMeta, WireBody } from './wire.js';

/** A survey in progress, as the survey element needs it to render or resume. */
export type Draft = Readonly<DraftRecord>;

/** A completed response in the outbox, as the send loop and the status display see it. */
export type OutboxEntry = Readonly<OutboxRecord>;

/** Options for {@link openResponseStore}. */
export interface OpenResponseStoreOptions {
  /**
   * IndexedDB database name. One database per site is usual (`pupil-voice`); tests and
   * pages that must keep surveys apart give each its own.
   */
  name?: string;
  /** Where "today" comes from; injected by tests. Only its calendar day is ever stored. */
  clock?: () => Date;
  /**
   * When to ask the browser to keep this site's storage (`navigator.storage.persist()`):
   * once the first completed response is queued (default), or never (e.g. Firefox would
   * show a permission prompt a pupil should not have to answer).
   */
  persist?: 'on-first-completion' | 'never';
  /** Free space below which `pv-storage-low` fires after a completion. Default 10 MB. */
  lowSpaceBytes?: number;
}

/** Options for {@link ResponseStore.completeResponse}. */
export interface CompleteResponseOptions {
  /** The final answers; defaults to the draft's saved answers. */
  data?: Answers;
  /** Coarse context sent with the response; `day` defaults to today (the day only). */
  meta?: ResponseMeta;
  /** The survey's RSA-OAEP-256 public key: when given, only ciphertext reaches the outbox. */
  publicKey?: CryptoKey | JsonWebKey;
}

/** What {@link ResponseStore.completeResponse} did. */
export interface CompletedResponse {
  responseId: string;
  surveyId: string;
  encrypted: boolean;
  /** True when this id had already been completed (a double tap): nothing new was queued. */
  alreadyCompleted: boolean;
}

/** Storage figures for a warning before a class starts, from `navigator.storage`. */
export interface StorageCheck {
  usage: number | undefined;
  quota: number | undefined;
  persisted: boolean | undefined;
  /** Free space is below the store's threshold, or above 90 % of the quota is used. */
  low: boolean;
}

/** One refused response in an export a teacher can hand to the survey's analyst. */
export interface FailedResponseExport {
  responseId: string;
  surveyId: string;
  reason: string | undefined;
  httpStatus: number | undefined;
  attempts: number;
  failedDay: string | undefined;
  /** The exact body that was refused (answers, or the encrypted envelope). */
  body: WireBody;
}

/** The JSON document produced by {@link ResponseStore.exportFailed}. */
export interface FailedResponsesExportFile {
  format: 'pupil-voice-failed-responses';
  version: 1;
  exportedDay: string;
  responses: FailedResponseExport[];
}

const DEFAULT_NAME = 'pupil-voice';
const DEFAULT_LOW_SPACE = 10 * 1024 * 1024;
const STRICT = { durability: 'strict' } as const;
const RELAXED = { durability: 'relaxed' } as const;

/** Thrown inside a completion when answers moved during encryption; the completion retries. */
class DraftMovedOn extends Error {}

/**
 * Opens the response store: drafts, outbox and receipts in one IndexedDB database. Fails
 * with `StoreError('unavailable')` when the browser offers no usable IndexedDB, so the UI
 * can tell the respondent before they start rather than after they finish.
 */
export async function openResponseStore(options: OpenResponseStoreOptions = {}): Promise<ResponseStore> {
  const store = new ResponseStore(options);
  try {
    await store.database();
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

/**
 * Drafts, outbox and receipts for one database. Every write resolves only after its
 * transaction has completed with strict durability, so "saved" means saved. A connection
 * the browser closes behind our back (Safari, background tabs) is reopened on next use.
 */
export class ResponseStore extends EventTarget {
  /** The IndexedDB database name; also names the Web Lock and broadcast channel. */
  readonly name: string;
  private readonly clock: () => Date;
  private readonly persistMode: 'on-first-completion' | 'never';
  private readonly lowSpaceBytes: number;
  private connection: Promise<IDBPDatabase<PupilVoiceStoreDB>> | undefined;
  private persistRequested = false;
  private closed = false;
  private readonly channel: BroadcastChannel | undefined;

  constructor(options: OpenResponseStoreOptions = {}) {
    super();
    this.name = options.name ?? DEFAULT_NAME;
    this.clock = options.clock ?? (() => new Date());
    this.persistMode = options.persist ?? 'on-first-completion';
    this.lowSpaceBytes = options.lowSpaceBytes ?? DEFAULT_LOW_SPACE;
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`pv-outbox-${this.name}`);
      // Another tab changed the outbox: refresh our listeners' counts from the database.
      this.channel.onmessage = () => void this.announceOutboxChange(false);
    }
  }

  /**
   * The open connection, reopened if the browser closed it. For diagnostics and tests;
   * everything a survey needs has a domain method below.
   */
  database(): Promise<IDBPDatabase<PupilVoiceStoreDB>> {
    if (this.closed) return Promise.reject(new StoreError('unavailable', 'The store was closed.'));
    if (!this.connection) {
      if (typeof indexedDB === 'undefined') {
        return Promise.reject(new StoreError('unavailable', 'This browser has no IndexedDB.'));
      }
      const opening = openStoreDB(this.name, {
        terminated: () => this.forget(opening),
        blocking: () => {
          void opening.then((db) => db.close());
          this.forget(opening);
        },
      }).catch((error: unknown) => {
        this.forget(opening);
        const mapped = toStoreError(error, 'open the survey storage');
        throw mapped.kind === 'quota'
          ? mapped
          : new StoreError('unavailable', 'Survey storage could not be opened.', { cause: error });
      });
      this.connection = opening;
    }
    return this.connection;
  }

  /** Closes the connection and the cross-tab channel; later calls fail as `unavailable`. */
  close(): void {
    this.closed = true;
    void this.connection?.then((db) => db.close()).catch(() => undefined);
    this.connection = undefined;
    this.channel?.close();
  }

  // --- drafts -------------------------------------------------------------------------

  /**
   * Starts answering `surveyId`. Outside kiosk mode an existing draft of this survey is
   * resumed (same response id, answers and page). In kiosk mode, and whenever the stored
   * draft was a kiosk one, any earlier draft is deleted and a fresh response id is made, so
   * the next pupil never sees the last pupil's answers.
   */
  startDraft(surveyId: string, { kiosk = false }: { kiosk?: boolean } = {}): Promise<Draft> {
    return this.run('start the survey', async (db) => {
      const tx = db.transaction('drafts', 'readwrite', STRICT);
      const existing = await tx.store.index('by-survey').getAll(surveyId);
      const resumable = kiosk ? undefined : existing.find((draft) => !draft.kiosk);
      if (resumable) {
        await tx.done;
        return resumable;
      }
      const draft: DraftRecord = {
        responseId: newResponseId(),
        surveyId,
        answers: {},
        page: 0,
        createdDay: dayOf(this.clock()),
        kiosk,
        revision: 0,
      };
      await commitWrites(tx, [
        ...existing.map((earlier) => () => tx.store.delete(earlier.responseId)),
        () => tx.store.put(draft),
      ]);
      return draft;
    });
  }

  /**
   * The draft a returning respondent can resume, if any. Kiosk drafts are never returned:
   * on a shared device, whoever opens the page next is presumed to be someone else.
   */
  loadDraft(surveyId: string): Promise<Draft | undefined> {
    return this.run('load the saved answers', async (db) => {
      const drafts = await db.getAllFromIndex('drafts', 'by-survey', surveyId);
      return drafts.find((draft) => !draft.kiosk);
    });
  }

  /**
   * Durably saves one answer (and optionally the page). Resolves only after the
   * transaction has completed. `undefined` clears the answer. Rejects with `not-found` if
   * the draft is gone (completed, or wiped for the next respondent), so a late save can
   * never land in someone else's survey.
   */
  saveAnswer(
    responseId: string,
    questionName: string,
    value: unknown,
    { page }: { page?: number } = {},
  ): Promise<void> {
    return this.updateDraft(responseId, 'save your answer', (draft) => {
      if (value === undefined) delete draft.answers[questionName];
      else draft.answers[questionName] = value;
      if (page !== undefined) draft.page = page;
    });
  }

  /** Durably replaces all answers and/or the page of a draft (e.g. from `survey.data`). */
  saveDraft(responseId: string, { answers, page }: { answers?: Answers; page?: number }): Promise<void> {
    return this.updateDraft(responseId, 'save your answers', (draft) => {
      if (answers !== undefined) draft.answers = { ...answers };
      if (page !== undefined) draft.page = page;
    });
  }

  /** Deletes one draft (the respondent chose "start again" or the quick exit). */
  discardDraft(responseId: string): Promise<void> {
    return this.run('clear the answers', async (db) => {
      const tx = db.transaction('drafts', 'readwrite', STRICT);
      await commitWrites(tx, [() => tx.store.delete(responseId)]);
    });
  }

  /**
   * Clears everything a respondent could see on this device (every draft, or the drafts of
   * one survey) and keeps the outbox, so completed responses still get delivered.
   * Resolves with the number of drafts removed.
   */
  wipeForNextRespondent(surveyId?: string): Promise<number> {
    return this.run('clear the device for the next person', async (db) => {
      const tx = db.transaction('drafts', 'readwrite', STRICT);
      const keys =
        surveyId === undefined
          ? await tx.store.getAllKeys()
          : await tx.store.index('by-survey').getAllKeys(surveyId);
      await commitWrites(tx, keys.map((key) => () => tx.store.delete(key)));
      return keys.length;
    });
  }

  // --- completion ---------------------------------------------------------------------

  /**
   * Moves a draft to the outbox in one transaction: after this resolves the response is
   * queued and the draft is gone, or (on any error) nothing changed and the answers are
   * still in the draft. Only then should the respondent see "Thank you". With a public key
   * the answers are encrypted first, so the outbox holds ciphertext only. Completing an id
   * that is already queued or delivered is harmless and reports `alreadyCompleted`.
   */
  async completeResponse(responseId: string, options: CompleteResponseOptions = {}): Promise<CompletedResponse> {
    const meta = cleanMeta({ day: dayOf(this.clock()), ...options.meta });
    let result: CompletedResponse | undefined;
    for (let attempt = 0; result === undefined; attempt += 1) {
      // Encryption is asynchronous and must not happen inside a transaction, so read the
      // draft first, seal it, then write only if the draft did not change meanwhile.
      const snapshot = await this.run('read your answers', (db) => db.get('drafts', responseId));
      let body: string | undefined;
      if (snapshot) {
        const data = options.data ?? snapshot.answers;
        body = options.publicKey
          ? JSON.stringify({
              id: responseId,
              // Loaded only by surveys that encrypt (a chunk of its own in the embed).
              encrypted: await (await import('./encryption.js')).encryptResponse({ id: responseId, data }, options.publicKey),
              meta,
            } satisfies WireBody)
          : JSON.stringify({ id: responseId, data, meta } satisfies WireBody);
        // The collector's own wire check, before the outbox: what is queued is sendable.
        parseWireResponse(JSON.parse(body));
      }
      try {
        result = await this.run('send your answers', (db) =>
          this.moveToOutbox(db, responseId, snapshot, body, options.publicKey !== undefined, options.data !== undefined),
        );
      } catch (error) {
        if (!(error instanceof DraftMovedOn)) throw error;
        if (attempt >= 3) {
          throw new StoreError('aborted', 'Answers kept changing while the survey was being completed.', { cause: error });
        }
      }
    }
    if (!result.alreadyCompleted) {
      await this.announceOutboxChange(true);
      this.afterFirstCompletion();
    }
    return result;
  }

  private async moveToOutbox(
    db: IDBPDatabase<PupilVoiceStoreDB>,
    responseId: string,
    snapshot: DraftRecord | undefined,
    body: string | undefined,
    encrypted: boolean,
    dataGiven: boolean,
  ): Promise<CompletedResponse> {
    const tx = db.transaction(['drafts', 'outbox', 'receipts'], 'readwrite', STRICT);
    const draft = await tx.objectStore('drafts').get(responseId);
    // When the answers came from the draft, they must still be the draft's answers.
    const moved = !dataGiven && draft !== undefined && draft.revision !== snapshot?.revision;
    if (!draft || !snapshot || body === undefined || moved) {
      const queued = await tx.objectStore('outbox').get(responseId);
      const receipt = queued ? undefined : await tx.objectStore('receipts').get(responseId);
      await tx.done;
      if (queued || receipt) {
        return {
          responseId,
          surveyId: queued?.surveyId ?? snapshot?.surveyId ?? '',
          encrypted: queued?.encrypted ?? false,
          alreadyCompleted: true,
        };
      }
      if (draft) throw new DraftMovedOn();
      throw new StoreError('not-found', 'These answers are no longer on this device.');
    }
    const newest = await tx.objectStore('outbox').index('by-seq').openCursor(null, 'prev');
    const entry: OutboxRecord = {
      responseId,
      surveyId: draft.surveyId,
      seq: (newest?.value.seq ?? 0) + 1,
      body,
      encrypted,
      status: 'queued',
      attempts: 0,
      queuedDay: dayOf(this.clock()),
    };
    await commitWrites(tx, [
      () => tx.objectStore('outbox').add(entry),
      () => tx.objectStore('drafts').delete(responseId),
    ]);
    return { responseId, surveyId: draft.surveyId, encrypted, alreadyCompleted: false };
  }

  // --- outbox -------------------------------------------------------------------------

  /** Every completed response not yet acknowledged, oldest first. */
  listOutbox(): Promise<OutboxEntry[]> {
    return this.run('read the outbox', (db) => db.getAllFromIndex('outbox', 'by-seq'));
  }

  /** How many responses wait to be sent and how many were refused for good. */
  outboxCounts(): Promise<OutboxCounts> {
    return this.run('read the outbox', async (db) => {
      const tx = db.transaction('outbox');
      const [all, failed] = await Promise.all([tx.store.count(), tx.store.index('by-status').count('failed')]);
      await tx.done;
      return { queued: all - failed, failed };
    });
  }

  /** True when the collector has acknowledged this id (a receipt is kept). */
  hasReceipt(responseId: string): Promise<boolean> {
    return this.run('read the receipts', async (db) => (await db.getKey('receipts', responseId)) !== undefined);
  }

  /**
   * Finds the oldest entry `choose` takes, marks it as being sent and returns it, in one
   * transaction. `choose` sees entries oldest first (refused ones are never offered) and
   * answers `take`, `skip` (e.g. no endpoint for its survey) or `stop` (e.g. still backing
   * off: keep the order). The caller holds the outbox lock, so a `sending` mark left by a
   * tab that died mid-send is simply taken again.
   */
  claimNext(choose: (entry: OutboxEntry) => 'take' | 'skip' | 'stop'): Promise<OutboxEntry | undefined> {
    return this.run('prepare a response for sending', async (db) => {
      // Relaxed: the mark is advisory; losing it in a crash only means one more send.
      const tx = db.transaction('outbox', 'readwrite', RELAXED);
      let cursor = await tx.store.index('by-seq').openCursor();
      let claimed: OutboxRecord | undefined;
      while (cursor) {
        const entry = cursor.value;
        const choice = entry.status === 'failed' ? 'skip' : choose(entry);
        if (choice === 'stop') break;
        if (choice === 'take') {
          claimed = { ...entry, status: 'sending' };
          await cursor.update(claimed);
          break;
        }
        cursor = await cursor.continue();
      }
      await tx.done;
      return claimed;
    });
  }

  /** Replaces an acknowledged entry by its receipt (the id only), atomically. */
  async acknowledge(responseId: string): Promise<void> {
    await this.run('record the delivery', async (db) => {
      const tx = db.transaction(['outbox', 'receipts'], 'readwrite', STRICT);
      await commitWrites(tx, [
        () => tx.objectStore('outbox').delete(responseId),
        () => tx.objectStore('receipts').put({ responseId }),
      ]);
    });
    await this.announceOutboxChange(true);
  }

  /** Records a failed attempt that may succeed later; the entry stays queued. */
  recordRetry(responseId: string, reason: string, httpStatus?: number): Promise<number> {
    // Relaxed: attempt counts are informational; the entry itself is already durable.
    return this.updateEntry(responseId, RELAXED, (entry) => {
      entry.status = 'queued';
      entry.attempts += 1;
      entry.reason = reason;
      if (httpStatus === undefined) delete entry.httpStatus;
      else entry.httpStatus = httpStatus;
    });
  }

  /** Marks an entry refused for good; it is kept (never deleted) for export or re-queue. */
  async markFailed(responseId: string, reason: string, httpStatus?: number): Promise<void> {
    await this.updateEntry(responseId, STRICT, (entry) => {
      entry.status = 'failed';
      entry.attempts += 1;
      entry.reason = reason;
      if (httpStatus !== undefined) entry.httpStatus = httpStatus;
      entry.failedDay = dayOf(this.clock());
    });
    await this.announceOutboxChange(true);
  }

  /**
   * Puts refused responses back in the queue (all, or the given ids), e.g. after the
   * collector's survey definition was fixed. Resolves with how many were re-queued.
   */
  async retryFailed(responseIds?: readonly string[]): Promise<number> {
    const count = await this.run('re-queue refused responses', async (db) => {
      const tx = db.transaction('outbox', 'readwrite', STRICT);
      const entries = await tx.store.getAll();
      const requeue = entries.filter(
        (entry) => entry.status === 'failed' && (!responseIds || responseIds.includes(entry.responseId)),
      );
      await commitWrites(
        tx,
        requeue.map((entry) => () => {
          const { failedDay: _failedDay, ...rest } = entry;
          return tx.store.put({ ...rest, status: 'queued' });
        }),
      );
      const requeued = requeue.length;
      return requeued;
    });
    if (count > 0) await this.announceOutboxChange(true);
    return count;
  }

  /**
   * Refused responses as a JSON-ready document (answers or ciphertext, with the reason),
   * so a teacher can hand them to the analyst. Nothing is removed by exporting.
   */
  exportFailed(): Promise<FailedResponsesExportFile> {
    return this.run('export refused responses', async (db) => {
      const entries = await db.getAllFromIndex('outbox', 'by-seq');
      return {
        format: 'pupil-voice-failed-responses',
        version: 1,
        exportedDay: dayOf(this.clock()),
        responses: entries
          .filter((entry) => entry.status === 'failed')
          .map((entry) => ({
            responseId: entry.responseId,
            surveyId: entry.surveyId,
            reason: entry.reason,
            httpStatus: entry.httpStatus,
            attempts: entry.attempts,
            failedDay: entry.failedDay,
            body: JSON.parse(entry.body) as WireBody,
          })),
      };
    });
  }

  // --- storage health -----------------------------------------------------------------

  /** Reads `navigator.storage.estimate()` and `persisted()` for a low-space warning. */
  async checkStorage(): Promise<StorageCheck> {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.estimate) return { usage: undefined, quota: undefined, persisted: undefined, low: false };
    const [estimate, persisted] = await Promise.all([
      storage.estimate().catch(() => ({}) as StorageEstimate),
      storage.persisted ? storage.persisted().catch(() => undefined) : Promise.resolve(undefined),
    ]);
    const { usage, quota } = estimate;
    const low =
      usage !== undefined && quota !== undefined && (quota - usage < this.lowSpaceBytes || usage / quota > 0.9);
    return { usage, quota, persisted, low };
  }

  private afterFirstCompletion(): void {
    if (this.persistRequested) return;
    this.persistRequested = true;
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    // Asked once, after a real completion: the moment unsent data is worth protecting.
    // Not awaited: the answer changes nothing we do, and the pupil must not wait for it.
    if (this.persistMode === 'on-first-completion' && storage?.persist) {
      void storage.persist().catch(() => false);
    }
    void this.checkStorage().then((check) => {
      if (check.low) this.dispatchEvent(new StorageLowEvent(check.usage ?? 0, check.quota ?? 0));
    });
  }

  // --- plumbing -----------------------------------------------------------------------

  private async announceOutboxChange(broadcast: boolean): Promise<void> {
    if (this.closed) return;
    let counts: OutboxCounts;
    try {
      counts = await this.outboxCounts();
    } catch {
      return; // A status display missing one update is better than a failed save.
    }
    this.dispatchEvent(new OutboxChangeEvent(counts));
    if (broadcast) this.channel?.postMessage('changed');
  }

  private updateDraft(responseId: string, doing: string, change: (draft: DraftRecord) => void): Promise<void> {
    return this.run(doing, async (db) => {
      const tx = db.transaction('drafts', 'readwrite', STRICT);
      const draft = await tx.store.get(responseId);
      if (!draft) {
        await tx.done;
        throw new StoreError('not-found', 'These answers are no longer on this device.');
      }
      change(draft);
      draft.revision += 1;
      await tx.store.put(draft);
      await tx.done;
    });
  }

  private updateEntry(
    responseId: string,
    durability: IDBTransactionOptions,
    change: (entry: OutboxRecord) => void,
  ): Promise<number> {
    return this.run('update the outbox', async (db) => {
      const tx = db.transaction('outbox', 'readwrite', durability);
      const entry = await tx.store.get(responseId);
      if (!entry) {
        await tx.done;
        throw new StoreError('not-found', 'This response is no longer in the outbox.');
      }
      change(entry);
      await tx.store.put(entry);
      await tx.done;
      return entry.attempts;
    });
  }

  private forget(connection: Promise<IDBPDatabase<PupilVoiceStoreDB>>): void {
    if (this.connection === connection) this.connection = undefined;
  }

  /**
   * Runs one storage operation, reopening once if the connection turned out to be closed
   * (InvalidStateError from `transaction()`: nothing was written, so retrying is safe).
   * Every other failure becomes a StoreError; nothing already saved is touched.
   */
  private async run<T>(doing: string, operation: (db: IDBPDatabase<PupilVoiceStoreDB>) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      const connection = this.database();
      const db = await connection;
      try {
        return await operation(db);
      } catch (error) {
        if (error instanceof DraftMovedOn) throw error;
        if (attempt === 0 && !this.closed && isClosedConnection(error)) {
          this.forget(connection);
          continue;
        }
        throw toStoreError(error, doing);
      }
    }
  }
}

/**
 * Issues a transaction's writes and waits for its commit. A write that throws synchronously
 * (a quota or clone error raised by the request itself) aborts the whole transaction, so an
 * earlier write in it (say, deleting the outbox entry) is never committed alone.
 */
async function commitWrites(
  tx: { abort(): void; done: Promise<void> },
  writes: (() => Promise<unknown>)[],
): Promise<void> {
  const issued: Promise<unknown>[] = [];
  try {
    for (const write of writes) issued.push(write());
  } catch (error) {
    // The writes already issued now fail with AbortError; that is the point, not news.
    for (const request of [...issued, tx.done]) request.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished: nothing was issued, so nothing can commit half-way.
    }
    throw error;
  }
  await Promise.all([...issued, tx.done]);
}

/** A transaction could not start because the connection is closed or closing. */
function isClosedConnection(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'InvalidStateError';
}

// Typed listeners for the store's events.
export interface ResponseStore {
  addEventListener<K extends keyof ResponseStoreEventMap>(
    type: K,
    listener: (event: ResponseStoreEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ResponseStoreEventMap>(
    type: K,
    listener: (event: ResponseStoreEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}
