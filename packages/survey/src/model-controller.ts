import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Base } from 'survey-core';

type Listener = (sender: Base, options: unknown) => void;

/**
 * The one bridge from survey-core to Lit. survey-core keeps every piece of state in each model
 * object's property hash and reports writes through per-object property and array callbacks,
 * the same hooks its React and Angular renderers subscribe to. This controller subscribes to
 * the objects a host renders and asks the host to update; Lit batches the updates per
 * microtask, as Angular's renderer does with `queueMicrotask`.
 *
 * Whatever `hostConnected` subscribes, `hostDisconnected` unsubscribes, so a detached element
 * never keeps a model (or the model the element) alive.
 */
export class SurveyModelController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private models: readonly Base[] = [];
  private connected = false;
  private readonly onChange: Listener = () => this.host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** Replaces the set of model objects the host renders. Undefined entries are ignored. */
  observe(...models: ReadonlyArray<Base | undefined | null>): void {
    const next = models.filter((model): model is Base => model != null);
    if (next.length === this.models.length && next.every((model, i) => model === this.models[i])) {
      return;
    }
    if (this.connected) this.unsubscribe();
    this.models = next;
    if (this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe();
  }

  private subscribe(): void {
    for (const model of this.models) {
      model.addOnPropertyValueChangedCallback(this.onChange);
      model.addOnArrayChangedCallback(this.onChange);
    }
  }

  private unsubscribe(): void {
    for (const model of this.models) {
      model.removeOnPropertyValueChangedCallback(this.onChange);
      model.removeOnArrayChangedCallback(this.onChange);
    }
  }
}
