import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly interval = 5000,
    private readonly now: () => number = () => performance.now(),
  ) {
    host.addController(this);
  }

  /** Queue a message; said now if the last one was at least `interval` ago. */
  announce(text: string): void {
    const wait = this.last + this.interval - this.now();
    if (wait <= 0) {
      this.say(text);
      return;
    }
    this.pending = text;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (this.pending !== undefined) this.say(this.pending);
    }, wait);
  }

  private say(text: string): void {
    this.pending = undefined;
    this.message = text;
    this.last = this.now();
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }
}
