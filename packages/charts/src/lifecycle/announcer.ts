import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The clock an announcer reads and schedules with (the page's own by default; tests inject one). */
export interface AnnouncerClock {
  now(): number;
  setTimeout(callback: () => void, delay: number): unknown;
  clearTimeout(handle: unknown): void;
}

const PAGE_CLOCK: AnnouncerClock = {
  now: () => performance.now(),
  setTimeout: (callback, delay) => setTimeout(callback, delay),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Polite live announcements, at most one per interval (default 5 s, as screen-reader users of
 * live charts ask): the first change is said at once, later ones wait and only the latest is
 * said. The host renders `message` in an `aria-live="polite"` region.
 */
export class PoliteAnnouncer implements ReactiveController {
  /** The text currently in the live region. */
  message = '';
  private last = Number.NEGATIVE_INFINITY;
  private pending: string | undefined;
  private timer: unknown;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly interval = 5000,
    private readonly clock: AnnouncerClock = PAGE_CLOCK,
  ) {
    host.addController(this);
  }

  /** Queue a message; said now if the last one was at least `interval` ago. */
  announce(text: string): void {
    const wait = this.last + this.interval - this.clock.now();
    if (wait <= 0 && this.timer === undefined) {
      this.say(text);
      return;
    }
    this.pending = text;
    this.timer ??= this.clock.setTimeout(() => {
      this.timer = undefined;
      if (this.pending !== undefined) this.say(this.pending);
    }, Math.max(0, wait));
  }

  private say(text: string): void {
    this.pending = undefined;
    this.message = text;
    this.last = this.clock.now();
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
