import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  IdleTimeout,
  OutboxWaitingEvent,
  ResponseFailedEvent,
  ResponseSentEvent,
  StoreError,
  type Draft,
} from '@pupil-voice/store';
import type { SurveyModel } from 'survey-core';
import { sharedDelivery, type SharedDelivery } from '../delivery/shared-delivery.js';
import {
  PvAnswerSavedEvent,
  PvErrorEvent,
  PvOutboxWaitingEvent,
  PvResponseFailedEvent,
  PvResponseQueuedEvent,
  PvResponseSentEvent,
} from '../events.js';

/** What the persistence controller needs from `<pv-survey>`. */
export interface PersistenceHost extends ReactiveControllerHost, HTMLElement {
  readonly storageKey: string | undefined;
  readonly endpoint: string | undefined;
  readonly kiosk: boolean;
  readonly publicKey: string | undefined;
  readonly audience: string | undefined;
  readonly school: string | undefined;
  readonly wave: string | undefined;
  readonly storeName: string;
  readonly idleTimeout: number;
  readonly kioskReset: number;
  /** Replaces the model with a fresh one (kiosk: the next respondent). */
  restart(): void;
}

/** Where saving stands, for the element's status line. */
export type SaveState = 'off' | 'saving' | 'saved' | 'failed' | 'unavailable';

/**
 * Keeps every answer on the device until the collector has it. Each change is written to the
 * draft (transaction complete) before `pv-answer-saved` fires; completing moves the draft to
 * the outbox before the thank-you page can show; the page's send loop delivers it. In kiosk
 * mode nothing is resumed across respondents, and an idle or finished survey is wiped.
 */
export class ResponsePersistenceController implements ReactiveController {
  private readonly host: PersistenceHost;
  private delivery?: SharedDelivery;
  private draft?: Draft;
  private model?: SurveyModel;
  private idle?: IdleTimeout;
  private kioskTimer?: ReturnType<typeof setTimeout>;
  private saving: Promise<void> = Promise.resolve();
  private pendingSaves = 0;
  private readonly cleanups: Array<() => void> = [];

  /** Saving state, shown in the survey's status line. */
  state: SaveState = 'off';
  /** The error behind `failed`/`unavailable` (or a refused completion). */
  error?: StoreError;
  /** Set when completing could not write the outbox; the answers stay on screen. */
  completionError?: StoreError;

  constructor(host: PersistenceHost) {
    this.host = host;
    host.addController(this);
  }

  /** The response id (the idempotency key) of the current respondent, once a draft exists. */
  get responseId(): string | undefined {
    return this.draft?.responseId;
  }

  hostConnected(): void {
    for (const type of ['keydown', 'pointerdown', 'input'] as const) {
      this.host.addEventListener(type, this.onActivity, { capture: true });
    }
  }

  hostDisconnected(): void {
    for (const type of ['keydown', 'pointerdown', 'input'] as const) {
      this.host.removeEventListener(type, this.onActivity, { capture: true });
    }
    this.detach();
  }

  /**
   * Opens the store, restores the respondent's draft into the model (unless kiosk), and starts
   * saving. Never throws: without storage the survey still works, and says answers are not kept.
   */
  async attach(model: SurveyModel): Promise<void> {
    this.detach();
    this.model = model;
    this.completionError = undefined;
    const key = this.host.storageKey;
    if (!key) {
      this.setState('off');
      return;
    }
    try {
      this.delivery = await sharedDelivery(this.host.storeName);
      this.delivery.setEndpoint(key, this.host.endpoint);
      this.draft = await this.delivery.store.startDraft(key, { kiosk: this.host.kiosk });
    } catch (cause) {
      this.fail('unavailable', cause);
      return;
    }
    if (this.model !== model) return;
    this.restore(model, this.draft);
    this.listen(model, this.delivery);
    this.setState('saved');
    if (this.host.kiosk && this.host.idleTimeout > 0) {
      this.idle = new IdleTimeout({ timeoutMs: this.host.idleTimeout * 1000, onIdle: () => void this.startOver() });
      this.idle.activity();
    }
  }

  /** Discards the current respondent's draft and starts a fresh survey (quick exit, kiosk). */
  async startOver(): Promise<void> {
    const id = this.draft?.responseId;
    if (id && this.delivery) {
      await this.delivery.store.discardDraft(id).catch(() => undefined);
    }
    this.draft = undefined;
    this.host.restart();
  }

  /** Deletes the current respondent's draft without starting again (quick exit). */
  async discard(): Promise<void> {
    const id = this.draft?.responseId;
    this.detach();
    this.draft = undefined;
    if (id && this.delivery) await this.delivery.store.discardDraft(id).catch(() => undefined);
  }

  /** Resolves once every answer given so far is durably saved (or has failed). */
  whenSaved(): Promise<void> {
    return this.saving;
  }

  private restore(model: SurveyModel, draft: Draft): void {
    if (this.host.kiosk) return;
    const answers = draft.answers as Record<string, unknown>;
    if (Object.keys(answers).length > 0) model.data = answers;
    const pages = model.visiblePages.length;
    if (draft.page > 0 && draft.page < pages) model.currentPageNo = draft.page;
  }

  private listen(model: SurveyModel, delivery: SharedDelivery): void {
    const responseId = this.draft!.responseId;
    const save = () => this.save(responseId, model, delivery);
    model.onValueChanged.add(save);
    model.onCurrentPageChanged.add(save);
    const completing = (_: SurveyModel, options: { allow: boolean }) => this.complete(responseId, model, delivery, options);
    model.onCompleting.add(completing);
    const completed = () => this.afterComplete();
    model.onComplete.add(completed);

    const sent = (event: Event) => {
      const { responseId: id } = event as ResponseSentEvent;
      if (id === responseId) this.host.dispatchEvent(new PvResponseSentEvent(id));
    };
    const failed = (event: Event) => {
      const { responseId: id, reason, httpStatus } = event as ResponseFailedEvent;
      if (id === responseId) this.host.dispatchEvent(new PvResponseFailedEvent(id, reason, httpStatus));
    };
    const waiting = (event: Event) => {
      if (!this.host.endpoint) this.host.dispatchEvent(new PvOutboxWaitingEvent((event as OutboxWaitingEvent).waiting));
    };
    delivery.loop.addEventListener(ResponseSentEvent.eventName, sent);
    delivery.loop.addEventListener(ResponseFailedEvent.eventName, failed);
    delivery.loop.addEventListener(OutboxWaitingEvent.eventName, waiting);
    this.cleanups.push(() => {
      model.onValueChanged.remove(save);
      model.onCurrentPageChanged.remove(save);
      model.onCompleting.remove(completing);
      model.onComplete.remove(completed);
      delivery.loop.removeEventListener(ResponseSentEvent.eventName, sent);
      delivery.loop.removeEventListener(ResponseFailedEvent.eventName, failed);
      delivery.loop.removeEventListener(OutboxWaitingEvent.eventName, waiting);
    });
  }

  /**
   * Saves the whole draft (answers, comments, the page) after each change. Writes are chained
   * so they land in order; each resolves only after its transaction completed.
   */
  private save(responseId: string, model: SurveyModel, delivery: SharedDelivery): void {
    if (model.state === 'completed') return;
    const answers = { ...(model.data as Record<string, unknown>) };
    const page = model.currentPageNo;
    this.pendingSaves += 1;
    this.setState('saving');
    this.saving = this.saving
      .then(() => delivery.store.saveDraft(responseId, { answers, page }))
      .then(
        () => {
          this.pendingSaves -= 1;
          if (this.pendingSaves === 0 && this.state === 'saving') this.setState('saved');
          this.host.dispatchEvent(new PvAnswerSavedEvent(responseId));
        },
        (cause: unknown) => {
          this.pendingSaves -= 1;
          this.fail('failed', cause);
        },
      );
  }

  /**
   * survey-core awaits this (onCompleting is an async event): the response is in the outbox
   * before the thank-you page appears. If the write fails, completion is refused and the
   * answers stay on screen with a message.
   */
  private async complete(
    responseId: string,
    model: SurveyModel,
    delivery: SharedDelivery,
    options: { allow: boolean },
  ): Promise<void> {
    this.completionError = undefined;
    try {
      await this.saving;
      const publicKey = this.host.publicKey ? (JSON.parse(this.host.publicKey) as JsonWebKey) : undefined;
      const meta = { audience: this.host.audience, school: this.host.school, wave: this.host.wave };
      const result = await delivery.store.completeResponse(responseId, {
        data: model.data as Record<string, unknown>,
        meta,
        publicKey,
      });
      this.host.dispatchEvent(new PvResponseQueuedEvent(responseId, result.encrypted));
    } catch (cause) {
      options.allow = false;
      this.completionError = cause instanceof StoreError ? cause : new StoreError('unknown', String(cause), { cause });
      this.host.dispatchEvent(
        new PvErrorEvent('storage-failed', this.completionError.message, cause),
      );
      this.host.requestUpdate();
    }
  }

  private afterComplete(): void {
    this.idle?.stop();
    if (this.host.kiosk) {
      this.kioskTimer = setTimeout(() => void this.startOver(), this.host.kioskReset * 1000);
    }
  }

  private readonly onActivity = (): void => {
    this.idle?.activity();
  };

  private fail(state: 'failed' | 'unavailable', cause: unknown): void {
    this.error = cause instanceof StoreError ? cause : new StoreError('unknown', String(cause), { cause });
    this.setState(state);
    this.host.dispatchEvent(new PvErrorEvent('storage-failed', this.error.message, cause));
  }

  private setState(state: SaveState): void {
    if (this.state === state) return;
    this.state = state;
    this.host.requestUpdate();
  }

  private detach(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.idle?.stop();
    this.idle = undefined;
    if (this.kioskTimer) clearTimeout(this.kioskTimer);
    this.kioskTimer = undefined;
    this.model = undefined;
  }
}
