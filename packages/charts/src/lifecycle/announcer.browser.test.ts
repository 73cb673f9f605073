/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PoliteAnnouncer, type AnnouncerClock } from './announcer.js';

/** A clock that moves only when the test says so: timers run in order of their due time. */
class TestClock implements AnnouncerClock {
  time = 0;
  private timers: Array<{ due: number; callback: () => void; handle: number }> = [];
  private next = 1;
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, delay: number): unknown {
    const handle = this.next++;
    this.timers.push({ due: this.time + delay, callback, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.handle !== handle);
  }
  get waiting(): number {
    return this.timers.length;
  }
  /** Moves to `time`, running every timer due by then. */
  advanceTo(time: number): void {
    for (;;) {
      const due = this.timers.filter((timer) => timer.due <= time).sort((a, b) => a.due - b.due)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.due;
      due.callback();
    }
    this.time = time;
  }
}

function host(): ReactiveControllerHost & { updates: number; controllers: ReactiveController[] } {
  return {
    updates: 0,
    controllers: [],
    addController(controller: ReactiveController) {
      this.controllers.push(controller);
    },
    removeController() {},
    requestUpdate() {
      this.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
}

describe('PoliteAnnouncer', () => {
  it('says the first change at once, then at most one message every 5 s, and only the latest of those waiting', () => {
    const clock = new TestClock();
    const page = host();
    const announcer = new PoliteAnnouncer(page, 5000, clock);
    clock.advanceTo(10_000);
    announcer.announce('first');
    expect(announcer.message).to.equal('first');
    expect(page.updates).to.equal(1);

    clock.advanceTo(11_000);
    announcer.announce('second');
    clock.advanceTo(12_000);
    announcer.announce('third');
    expect(announcer.message, 'nothing new within 5 s').to.equal('first');
    expect(clock.waiting, 'one timer for the waiting messages').to.equal(1);
    clock.advanceTo(14_999);
    expect(announcer.message).to.equal('first');
    clock.advanceTo(15_000);
    expect(announcer.message, 'the latest, 5 s after the first; "second" is never said').to.equal('third');
    expect(page.updates).to.equal(2);

    // A change after a quiet spell is said at once; one just after it waits its turn again.
    clock.advanceTo(30_000);
    announcer.announce('fourth');
    expect(announcer.message).to.equal('fourth');
    clock.advanceTo(30_001);
    announcer.announce('fifth');
    expect(announcer.message).to.equal('fourth');
    clock.advanceTo(34_999);
    expect(announcer.message).to.equal('fourth');
    clock.advanceTo(35_000);
    expect(announcer.message).to.equal('fifth');
  });

  it('never says two messages less than 5 s apart, whatever the pattern of changes', () => {
    const clock = new TestClock();
    const page = host();
    // The moment each message reaches the live region (the element re-renders it then).
    const said: number[] = [];
    page.requestUpdate = () => said.push(clock.now());
    const announcer = new PoliteAnnouncer(page, 5000, clock);
    // Changes at irregular times over about three minutes (a busy live poll).
    for (let i = 0; i < 400; i++) {
      clock.advanceTo(clock.time + ((i * 7919) % 900));
      announcer.announce(`update ${i}`);
    }
    clock.advanceTo(clock.time + 5000);
    expect(announcer.message, 'the last change is said in the end').to.equal('update 399');
    expect(said.length).to.be.above(10);
    for (let i = 1; i < said.length; i++) expect(said[i]! - said[i - 1]!).to.be.at.least(5000);
  });

  it('drops what is waiting when its element is disconnected', () => {
    const clock = new TestClock();
    const page = host();
    const announcer = new PoliteAnnouncer(page, 5000, clock);
    announcer.announce('first');
    clock.advanceTo(1000);
    announcer.announce('second');
    announcer.hostDisconnected();
    expect(clock.waiting).to.equal(0);
    clock.advanceTo(60_000);
    expect(announcer.message).to.equal('first');
  });
});
