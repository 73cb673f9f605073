import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  IdleTimeout,
  OutboxWaitingEvent,
  ResponseFailedEvent,
  ResponseSentEvent,
  RetryScheduledEvent,
  StoreError,
  type Draft,
} from '@pupil-voice/store';
import type { SurveyModel } from 'survey-core';
import { sharedDelivery, type SharedDelivery } from '../delivery/shared-delivery.js';
import { afterNextPaint } from './after-next-paint.js';
import { draftPageKey, draftPastFirstPage, isWipeOwed, owedWipeKey, setOwedWipe, writeNote } from './draft-notes.js';
import {
  PvAnswerSavedEvent,
  PvErrorEvent,
  PvOutboxWaitingEvent,
  PvResponseFailedEvent,
  PvResponseQueuedEvent,
  PvResponseSentEvent,
  PvStartOverEvent,
} from '../events.js';

/**
 * Everything the persistence controller needs to know, given explicitly by its host (and
 * given again whenever one of these changes).
 */
export interface PersistenceConfig {
  /** Where this survey's drafts live on the device; without one nothing is kept. */
  readonly storageKey: string | undefined;
  /** The IndexedDB database. */
  readonly storeName: string;
  readonly endpoint: string | undefined;
  readonly kiosk: boolean;
  /** An RSA-OAEP public key as JWK JSON: the outbox then holds ciphertext only. */
  readonly publicKey: string | undefined;
  /** Sent with the response (never anything that identifies the respondent). */
  readonly meta: { readonly audience?: string; readonly school?: string; readonly wave?: string };
  /** Kiosk: seconds without input before the survey is wiped. */
  readonly idleTimeout: number;
  /** Kiosk: seconds the thank-you stays before the survey is wiped. */
  readonly kioskReset: number;
}

const OFF: PersistenceConfig = {
  storageKey: undefined,
  storeName: 'pupil-voice',
  endpoint: undefined,
  kiosk: false,
  publicKey: undefined,
  meta: {},
  idleTimeout: 0,
  kioskReset: 0,
};

/** Where saving stands, for the element's status line. */
export type SaveState = 'off' | 'saving' | 'saved' | 'failed' | 'unavailable';

/**
 * Where the completed response stands, for the thank-you page: `queued` until the first try,
 * `waiting` when a try failed (offline, the service down) and another is scheduled, `sent`
 * once the collector acknowledged it, `refused` when it refused it for good. `none` before
 * completion, or when the survey has no endpoint (an integrator collecting the outbox
 * another way says what happens).
 */
export type SendState = 'none' | 'queued' | 'waiting' | 'sent' | 'refused';

/** What a draft write stores. */
interface DraftContent {
  readonly answers: Record<string, unknown>;
  readonly page: number;
}

/** One respondent's draft, bound to one model, in one database. */
interface Session {
  readonly model: SurveyModel;
  readonly draft: Draft;
  readonly delivery: SharedDelivery;
  readonly key: string;
}

/**
 * Keeps every answer on the device until the collector has it. Each change is written to the
 * draft (transaction complete) before `pv-answer-saved` fires. The write begins just after the
 * next paint, not inside the input's own task, so answering stays quick however big the survey
 * is; answers given before it begins (a burst of keys) go into that same write. A page being
 * hidden or left (`visibilitychange`, `pagehide`) and completing begin it at once. Completing moves the draft to
 * the outbox before the thank-you page can show; the page's send loop delivers it. In kiosk
 * mode nothing is resumed across respondents, and an idle or finished survey is wiped
 * (`pv-start-over` tells the host to start afresh).
 *
 * The session (model, draft, store) outlives a disconnection: whatever `hostConnected`
 * subscribes (model callbacks, the send loop's events, kiosk timers), `hostDisconnected`
 * unsubscribes, and the next `hostConnected` subscribes again, so an element moved in the page
 * (a tab widget, a framework re-render) keeps saving.
 */
export class ResponsePersistenceController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private config: PersistenceConfig = OFF;
  private session?: Session;
  /** The model whose draft is being opened; a newer attach (or a wipe) supersedes it. */
  private attaching?: SurveyModel;
  private connected = false;
  /** The draft `open` started before the model existed, for `attach` to continue with. */
  private opened?: { key: string; storeName: string; kiosk: boolean; result: Promise<{ delivery: SharedDelivery; draft: Draft }> };
  /** Answers saved from the early page, where, and the page the model is to open on. */
  private early?: { delivery: SharedDelivery; responseId: string; answers: Record<string, unknown>; page: number };
  private idle?: IdleTimeout;
  private kioskTimer?: ReturnType<typeof setTimeout>;
  private saving: Promise<void> = Promise.resolve();
  private pendingSaves = 0;
  /** Wipes so far: a draft opened across one is not used (see `open`). */
  private wipes = 0;
  /** The session with a draft write scheduled but not begun; it reads the answers when it begins. */
  private queued?: Session;
  /** Begins the scheduled write now rather than after the next paint. */
  private beginQueued?: () => void;
  private readonly unsubscribes: Array<() => void> = [];
  /** The draft page last noted in localStorage (written only when it changes). */
  private notedPage?: { key: string; page: string | undefined };

  /** Saving state, shown in the survey's status line. */
  state: SaveState = 'off';
  /** The error behind `failed`/`unavailable` (or a refused completion). */
  error?: StoreError;
  /** Set when completing could not write the outbox; the answers stay on screen. */
  completionError?: StoreError;
  /** Where the completed response stands. */
  sendState: SendState = 'none';

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  /**
   * The response id (the idempotency key) of the current respondent, once a draft exists:
   * from the early page's draft until the model takes it over (the same draft).
   */
  get responseId(): string | undefined {
    return this.session?.draft.responseId ?? this.early?.responseId;
  }

  /** Takes the host's current settings; the endpoint applies at once to waiting responses. */
  configure(config: PersistenceConfig): void {
    const endpointChanged = config.endpoint !== this.config.endpoint;
    this.config = config;
    if (endpointChanged && this.session) this.session.delivery.setEndpoint(this.session.key, config.endpoint);
  }

  hostConnected(): void {
    this.connected = true;
    for (const type of ['keydown', 'pointerdown', 'input'] as const) {
      this.host.addEventListener(type, this.onActivity, { capture: true });
    }
    document.addEventListener('visibilitychange', this.onLeaving);
    window.addEventListener('pagehide', this.onLeaving);
    if (this.session) {
      this.subscribe(this.session);
      // Anything set on the model while the element was out of the page is written now.
      if (this.session.model.state === 'running') this.save(this.session);
    }
  }

  hostDisconnected(): void {
    this.connected = false;
    for (const type of ['keydown', 'pointerdown', 'input'] as const) {
      this.host.removeEventListener(type, this.onActivity, { capture: true });
    }
    document.removeEventListener('visibilitychange', this.onLeaving);
    window.removeEventListener('pagehide', this.onLeaving);
    this.unsubscribe();
  }

  /**
   * Opens the store, restores the respondent's draft into the model (unless kiosk), and starts
   * saving. Never throws: without storage the survey still works, and says answers are not kept.
   */
  async attach(model: SurveyModel): Promise<void> {
    this.unsubscribe();
    this.session = undefined;
    this.completionError = undefined;
    this.sendState = 'none';
    const { storageKey: key, kiosk } = this.config;
    if (!key) {
      this.opened = undefined;
      this.setState('off');
      return;
    }
    this.attaching = model;
    let delivery: SharedDelivery;
    let draft: Draft;
    try {
      ({ delivery, draft } = await this.openDraft(key));
    } catch (cause) {
      if (this.attaching === model) this.fail('unavailable', cause);
      return;
    }
    if (this.attaching !== model) return;
    this.attaching = undefined;
    // The draft may have been opened before the model, and saved into since: restore what it
    // holds now.
    const early = draft.responseId === this.early?.responseId ? this.early : undefined;
    if (!kiosk) restoreDraft(model, early ? { ...draft, answers: early.answers, page: early.page } : draft);
    this.early = undefined;
    this.session = { model, draft, delivery, key };
    this.setState('saved');
    if (this.connected) this.subscribe(this.session);
  }

  /**
   * Opens (or starts) the respondent's draft before the model exists, so the page drawn from
   * the JSON can show answers a returning respondent already gave and save new ones at once;
   * `attach` then continues with this same draft (in kiosk mode too, where opening a draft
   * replaces any other). Resolves with the draft, or undefined when nothing is kept on this
   * device or storage is unavailable (which `attach` reports).
   */
  async open(): Promise<Draft | undefined> {
    const key = this.config.storageKey;
    if (!key) return undefined;
    const wipes = this.wipes;
    try {
      const { delivery, draft } = await this.openDraft(key, true);
      // A quick exit while the draft was being opened: nothing may be written after its wipe.
      if (this.config.storageKey !== key || this.wipes !== wipes) return undefined;
      const { kiosk } = this.config;
      this.early = {
        delivery,
        responseId: draft.responseId,
        answers: kiosk ? {} : { ...(draft.answers as Record<string, unknown>) },
        page: kiosk ? 0 : draft.page,
      };
      this.setState('saved');
      return kiosk ? { ...draft, answers: {}, page: 0 } : draft;
    } catch {
      return undefined;
    }
  }

  /**
   * Writes the answers given on the early page (page one, before the model arrived) to the
   * draft `open` returned, with page one as the draft's page: the respondent is there, even if
   * the draft had been further on. `attach` gives both to the model. Chained like every save,
   * so `whenSaved` covers them.
   */
  saveEarly(answers: Readonly<Record<string, unknown>>): void {
    const early = this.early;
    if (!early) return;
    early.answers = { ...answers };
    early.page = 0;
    const saved = { answers: { ...answers }, page: 0 };
    this.write(early.delivery, early.responseId, Promise.resolve(), () => saved, () => this.early === early);
  }

  /**
   * Whether this respondent's draft was last saved on a later page than the first, as far as
   * this device remembers without opening the store: the early page (page one) is then not
   * what they should see. A synchronous read of a note `write` keeps; kiosk drafts are never
   * resumed and keep none.
   */
  resumesPastFirstPage(): boolean {
    const { storageKey: key, storeName, kiosk } = this.config;
    if (!key || kiosk) return false;
    return draftPastFirstPage(storeName, key);
  }

  /**
   * The store and this respondent's draft: the one `open` started, if it was for this survey,
   * else a fresh start (finishing a wipe that a quick exit cut short, first).
   */
  private openDraft(key: string, keep = false): Promise<{ delivery: SharedDelivery; draft: Draft }> {
    const { storeName, kiosk, endpoint } = this.config;
    const opened = this.opened;
    if (opened && opened.key === key && opened.storeName === storeName && opened.kiosk === kiosk) {
      if (!keep) this.opened = undefined;
      return opened.result;
    }
    const result = (async () => {
      const delivery = await sharedDelivery(storeName);
      delivery.setEndpoint(key, endpoint);
      const owed = owedWipeKey(storeName, key);
      if (isWipeOwed(owed)) {
        await delivery.store.wipeForNextRespondent(key);
        setOwedWipe(owed, false);
      }
      const draft = await delivery.store.startDraft(key, { kiosk });
      return { delivery, draft };
    })();
    this.opened = keep ? { key, storeName, kiosk, result } : undefined;
    return result;
  }

  /**
   * Deletes every draft of this survey on the device (this respondent's, and any left
   * unfinished earlier on this device) and stops saving. Resolves once the deletion has
   * committed. Completed responses waiting in the outbox are kept (see README, "Quick exit and
   * Clear my answers"): they were sent by the respondent and no screen shows them again.
   *
   * A note that the wipe is owed is written synchronously first, so a wipe cut short (the quick
   * exit navigating away mid-transaction) is finished before any draft of this survey is
   * opened again.
   */
  async wipe(): Promise<void> {
    this.wipes += 1;
    const session = this.session;
    const key = session?.key ?? this.config.storageKey;
    this.unsubscribe();
    this.session = undefined;
    this.attaching = undefined;
    this.opened = undefined;
    this.early = undefined;
    this.setState('off');
    if (!key) return;
    const owed = owedWipeKey(this.config.storeName, key);
    setOwedWipe(owed, true);
    this.noteDraftPage(this.config.storeName, key, undefined);
    const delivery = session?.delivery ?? (await sharedDelivery(this.config.storeName));
    // Saves already chained finish first (IndexedDB runs them in order); later ones find no draft.
    await delivery.store.wipeForNextRespondent(key);
    setOwedWipe(owed, false);
  }

  /** Resolves once every answer given so far is durably saved (or has failed). */
  whenSaved(): Promise<void> {
    return this.saving;
  }

  private subscribe(session: Session): void {
    if (this.unsubscribes.length > 0) return;
    const { model, delivery } = session;
    const responseId = session.draft.responseId;
    const save = () => this.save(session);
    model.onValueChanged.add(save);
    model.onCurrentPageChanged.add(save);
    model.onStarted.add(save);
    const completing = (_: SurveyModel, options: { allow: boolean }) => this.complete(session, options);
    model.onCompleting.add(completing);
    const completed = () => this.afterComplete();
    model.onComplete.add(completed);

    const sent = (event: Event) => {
      const { responseId: id } = event as ResponseSentEvent;
      if (id !== responseId) return;
      this.setSendState('sent');
      this.host.dispatchEvent(new PvResponseSentEvent(id));
    };
    const failed = (event: Event) => {
      const { responseId: id, reason, httpStatus } = event as ResponseFailedEvent;
      if (id !== responseId) return;
      this.setSendState('refused');
      this.host.dispatchEvent(new PvResponseFailedEvent(id, reason, httpStatus));
    };
    const retrying = (event: Event) => {
      if ((event as RetryScheduledEvent).responseId === responseId && this.sendState === 'queued') {
        this.setSendState('waiting');
      }
    };
    const waiting = (event: Event) => {
      if (!this.config.endpoint) this.host.dispatchEvent(new PvOutboxWaitingEvent((event as OutboxWaitingEvent).waiting));
    };
    delivery.loop.addEventListener(ResponseSentEvent.eventName, sent);
    delivery.loop.addEventListener(ResponseFailedEvent.eventName, failed);
    delivery.loop.addEventListener(OutboxWaitingEvent.eventName, waiting);
    delivery.loop.addEventListener(RetryScheduledEvent.eventName, retrying);
    this.unsubscribes.push(() => {
      model.onValueChanged.remove(save);
      model.onCurrentPageChanged.remove(save);
      model.onStarted.remove(save);
      model.onCompleting.remove(completing);
      model.onComplete.remove(completed);
      delivery.loop.removeEventListener(ResponseSentEvent.eventName, sent);
      delivery.loop.removeEventListener(ResponseFailedEvent.eventName, failed);
      delivery.loop.removeEventListener(OutboxWaitingEvent.eventName, waiting);
      delivery.loop.removeEventListener(RetryScheduledEvent.eventName, retrying);
    });

    const { kiosk, idleTimeout, kioskReset } = this.config;
    if (kiosk && model.state === 'completed') {
      this.kioskTimer = setTimeout(() => this.startOver('completed'), kioskReset * 1000);
    } else if (kiosk && idleTimeout > 0) {
      this.idle = new IdleTimeout({ timeoutMs: idleTimeout * 1000, onIdle: () => this.startOver('idle') });
      this.idle.activity();
    }
  }

  private unsubscribe(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.idle?.stop();
    this.idle = undefined;
    if (this.kioskTimer) clearTimeout(this.kioskTimer);
    this.kioskTimer = undefined;
  }

  /**
   * Saves the whole draft (answers, comments, the page) after a change. The copy of the
   * answers and the IndexedDB write begin after the next paint (or at once when the page is
   * hidden or left, or the respondent submits), so neither delays what the respondent sees;
   * while a write is scheduled and not begun, further changes join it. Writes are chained so
   * they land in order; each resolves only after its transaction completed.
   */
  private save(session: Session): void {
    const { model, draft, delivery } = session;
    if (model.state === 'completed' || this.queued === session) return;
    this.queued = session;
    let taken: DraftContent | undefined | null = null;
    const take = (): DraftContent | undefined => {
      if (taken !== null) return taken;
      if (this.queued === session) {
        this.queued = undefined;
        this.beginQueued = undefined;
      }
      // Wiped, or another respondent since (kiosk, Clear my answers): nothing of this one is written.
      taken =
        this.session !== session || model.state === 'completed'
          ? undefined
          : { answers: { ...(model.data as Record<string, unknown>) }, page: draftPage(model) };
      return taken;
    };
    // Begun early (flushed): the answers are read at once; later ones go into a write of their own.
    const begin = afterNextPaint((now) => (this.beginQueued = () => (take(), now())));
    this.write(delivery, draft.responseId, begin, take, () => this.session === session);
  }

  /** Begins a scheduled draft write now (the page is being hidden or left, or the respondent submits). */
  private flush(): void {
    this.beginQueued?.();
  }

  private readonly onLeaving = (event: Event): void => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') this.flush();
  };

  /**
   * One chained draft write: it begins once `begin` has resolved and the writes before it have
   * landed, and only then reads what to write (`take`; undefined skips the write). `current`
   * says whether a failure still concerns this respondent.
   */
  private write(
    delivery: SharedDelivery,
    responseId: string,
    begin: Promise<void>,
    take: () => DraftContent | undefined,
    current: () => boolean,
  ): void {
    this.pendingSaves += 1;
    this.setState('saving');
    const { storeName, storageKey: key, kiosk } = this.config;
    this.saving = Promise.all([this.saving, begin])
      .then(() => {
        const saved = take();
        return saved ? delivery.store.saveDraft(responseId, saved).then(() => saved) : undefined;
      })
      .then(
        (saved) => {
          this.pendingSaves -= 1;
          if (saved && key && !kiosk && current()) this.noteDraftPage(storeName, key, saved.page);
          if (this.pendingSaves === 0 && this.state === 'saving') this.setState('saved');
          if (saved) this.host.dispatchEvent(new PvAnswerSavedEvent(responseId));
        },
        (cause: unknown) => {
          this.pendingSaves -= 1;
          // After a wipe the draft is meant to be gone: a save that finds it gone is no failure.
          if (current()) this.fail('failed', cause);
        },
      );
  }

  /**
   * survey-core awaits this (onCompleting is an async event): the response is in the outbox
   * before the thank-you page appears. If the write fails, completion is refused and the
   * answers stay on screen with a message.
   */
  private async complete({ model, draft, delivery }: Session, options: { allow: boolean }): Promise<void> {
    this.completionError = undefined;
    try {
      this.flush();
      await this.saving;
      const { publicKey: key, meta } = this.config;
      const publicKey = key ? (JSON.parse(key) as JsonWebKey) : undefined;
      const result = await delivery.store.completeResponse(draft.responseId, {
        data: model.data as Record<string, unknown>,
        meta: { ...meta },
        publicKey,
      });
      if (this.config.storageKey) this.noteDraftPage(this.config.storeName, this.config.storageKey, undefined);
      // Offline now means the first try will fail: say so at once rather than after it has.
      if (this.config.endpoint) this.sendState = navigator.onLine ? 'queued' : 'waiting';
      this.host.dispatchEvent(new PvResponseQueuedEvent(draft.responseId, result.encrypted));
    } catch (cause) {
      options.allow = false;
      this.completionError = cause instanceof StoreError ? cause : new StoreError('unknown', String(cause), { cause });
      this.host.dispatchEvent(new PvErrorEvent('storage-failed', this.completionError.message, cause));
      this.host.requestUpdate();
    }
  }

  private afterComplete(): void {
    this.idle?.stop();
    this.idle = undefined;
    if (this.config.kiosk) {
      this.kioskTimer = setTimeout(() => this.startOver('completed'), this.config.kioskReset * 1000);
    }
  }

  /** Kiosk: the next person must see nothing of this one. */
  private startOver(reason: 'idle' | 'completed'): void {
    const session = this.session;
    this.unsubscribe();
    this.session = undefined;
    const done = () => this.host.dispatchEvent(new PvStartOverEvent(reason));
    if (session) {
      session.delivery.store.discardDraft(session.draft.responseId).then(done, done);
    } else {
      done();
    }
  }

  private readonly onActivity = (): void => {
    this.idle?.activity();
  };

  /**
   * Keeps (or, with undefined, forgets) the page of this survey's draft in localStorage, so
   * the next visit knows before the store is opened whether page one is where the respondent
   * resumes (see `resumesPastFirstPage`). Only a page number, never an answer; written only
   * when it changes, and forgotten by a wipe (quick exit, Clear my answers) and on completion.
   */
  private noteDraftPage(storeName: string, key: string, page: number | undefined): void {
    const noted = page === undefined ? undefined : String(page);
    const noteKey = draftPageKey(storeName, key);
    if (this.notedPage?.key === noteKey && this.notedPage.page === noted) return;
    this.notedPage = { key: noteKey, page: noted };
    writeNote(noteKey, noted);
  }

  private fail(state: 'failed' | 'unavailable', cause: unknown): void {
    this.error = cause instanceof StoreError ? cause : new StoreError('unknown', String(cause), { cause });
    this.setState(state);
    this.host.dispatchEvent(new PvErrorEvent('storage-failed', this.error.message, cause));
  }

  private setSendState(state: SendState): void {
    if (this.sendState === state || this.sendState === 'none') return;
    this.sendState = state;
    this.host.requestUpdate();
  }

  private setState(state: SaveState): void {
    if (this.state === state) return;
    this.state = state;
    this.host.requestUpdate();
  }
}

/**
 * The page a draft records. With a start page (`firstPageIsStartPage`) survey-core numbers the
 * pages after it from 0, the same number as the start page itself, so the draft counts the
 * start page as 0 and the survey's pages from 1: a pupil who pressed Start comes back past it.
 */
function draftPage(model: SurveyModel): number {
  if (!model.firstPageIsStartPage) return model.currentPageNo;
  return model.state === 'starting' ? 0 : model.currentPageNo + 1;
}

function restoreDraft(model: SurveyModel, draft: Draft): void {
  const answers = draft.answers as Record<string, unknown>;
  if (Object.keys(answers).length > 0) model.data = answers;
  let page = draft.page;
  if (model.firstPageIsStartPage) {
    if (page <= 0) return;
    model.start();
    page -= 1;
  }
  if (page > 0 && page < model.visiblePages.length) model.currentPageNo = page;
}
