import { expect } from '@open-wc/testing';
import { IdleTimeout } from './idle-timeout.js';
import type { LoopTimers } from './send-loop.js';

/** Timers the test advances by hand, so "five minutes idle" takes no time. */
class ManualTimers implements LoopTimers {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.pending.set(handle, { at: this.now + ms, callback });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [handle, timer] of [...this.pending]) {
      if (timer.at <= this.now) {
        this.pending.delete(handle);
        timer.callback();
      }
    }
  }
}

describe('IdleTimeout', () => {
  it('fires once after the idle period, and activity postpones it', () => {
    const timers = new ManualTimers();
    let idle = 0;
    const timeout = new IdleTimeout({ timeoutMs: 300_000, onIdle: () => (idle += 1), timers });
    timeout.activity();
    timers.advance(299_000);
    timeout.activity(); // the pupil answered a question
    timers.advance(299_000);
    expect(idle).to.equal(0);
    timers.advance(1_000);
    expect(idle).to.equal(1);
    expect(timeout.isArmed).to.equal(false);
    timers.advance(600_000);
    expect(idle, 'not again until there is new activity').to.equal(1);
  });

  it('never fires once stopped', () => {
    const timers = new ManualTimers();
    let idle = 0;
    const timeout = new IdleTimeout({ timeoutMs: 1000, onIdle: () => (idle += 1), timers });
    timeout.activity();
    timeout.stop();
    timers.advance(5000);
    expect(idle).to.equal(0);
  });
});
