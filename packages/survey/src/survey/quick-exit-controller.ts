import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PvQuickExitEvent } from '../events.js';

/** The neutral page used when `quick-exit` is given without a URL. */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';

/**
 * How long leaving may wait for the device to be wiped. A deletion normally commits in a few
 * milliseconds; a device under load gets longer, but leaving fast still matters more, and a
 * wipe that misses this is finished when the survey is next opened (see `wipe` in the
 * persistence controller).
 */
export const QUICK_EXIT_MAX_WAIT_MS = 1500;

/** What the quick exit needs, given explicitly by its host. */
export interface QuickExitConfig {
  /** The page to leave for, or undefined when the survey has no quick exit. */
  url(): string | undefined;
  /** Removes this respondent's answers from the device; resolves once that is committed. */
  wipe(): Promise<void>;
}

/**
 * The quick exit, for surveys about harm: a button and Shift pressed 3 times hide the page at
 * once, wipe the respondent's answers from the device (waiting at most
 * `QUICK_EXIT_MAX_WAIT_MS` for the commit), then replace the page so Back does not return.
 */
export class QuickExitController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly config: QuickExitConfig;
  private shiftPresses: number[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, config: QuickExitConfig) {
    this.host = host;
    this.config = config;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onKey, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKey, true);
    this.shiftPresses = [];
  }

  /**
   * Leaves: the page is hidden at once, the wipe gets its bounded wait, then `pv-quick-exit`
   * fires and (unless cancelled) the page is replaced.
   */
  async leave(): Promise<void> {
    const url = this.config.url() || DEFAULT_QUICK_EXIT_URL;
    // Nobody nearby should see the survey, or the school's page about it, even for a moment.
    this.host.style.visibility = 'hidden';
    const root = document.documentElement.style;
    const previous = root.getPropertyValue('visibility');
    root.setProperty('visibility', 'hidden', 'important');
    // Navigating away can abort a pending IndexedDB transaction, so the wipe is awaited first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      this.config.wipe().catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, QUICK_EXIT_MAX_WAIT_MS))),
    ]);
    clearTimeout(timer);
    if (this.host.dispatchEvent(new PvQuickExitEvent(url))) {
      window.location.replace(url);
    } else {
      // The integrator navigates itself; the survey stays hidden, the rest of its page is theirs.
      root.setProperty('visibility', previous);
    }
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (this.config.url() === undefined || event.key !== 'Shift' || event.repeat) return;
    const now = event.timeStamp;
    this.shiftPresses = [...this.shiftPresses.filter((t) => now - t < 1000), now];
    if (this.shiftPresses.length >= 3) {
      this.shiftPresses = [];
      void this.leave();
    }
  };
}
