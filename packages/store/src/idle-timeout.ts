import type { LoopTimers } from './send-loop.js';

/** Options for {@link IdleTimeout}. */
export interface IdleTimeoutOptions {
  /** How long without activity before `onIdle` runs, in ms. */
  timeoutMs: number;
  /** Runs once per idle period, e.g. wipe the abandoned draft and show a fresh survey. */
  onIdle: () => void;
  timers?: LoopTimers;
}

/**
 * Kiosk helper: calls `onIdle` when nobody has touched the survey for `timeoutMs`, so a
 * pupil who walks away does not leave their answers for the next one. Plain class, no
 * controller: the survey element calls `activity()` on input and `stop()` on disconnect.
 */
export class IdleTimeout {
  private readonly options: IdleTimeoutOptions;
  private readonly timers: LoopTimers;
  private handle: unknown;

  constructor(options: IdleTimeoutOptions) {
    this.options = options;
    this.timers = options.timers ?? {
      setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
  }

  /** True while a countdown is armed. */
  get isArmed(): boolean {
    return this.handle !== undefined;
  }

  /** Starts (or restarts) the countdown; call on every answer, key press or tap. */
  activity(): void {
    this.stop();
    this.handle = this.timers.setTimeout(() => {
      this.handle = undefined;
      this.options.onIdle();
    }, this.options.timeoutMs);
  }

  /** Disarms the countdown (survey completed, element disconnected). */
  stop(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }
}
