// The page every browser test runs in is shown. Hidden, it gets no animation frames, no
// ResizeObserver callbacks and throttled timers, and tests that need them hang until mocha's
// timeout (web-test-runner.config.mjs gives each test page its own window; scripts/wtr-windows.mjs).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

describe('the browser test page', () => {
  it('is shown', () => {
    expect(document.visibilityState).to.equal('visible');
  });

  it('has its window to itself, so no other test page hides it', async () => {
    // Tabs of one window would pass the test above whenever this page is the front tab.
    expect(await executeServerCommand<number, undefined>('pv-window-sharers')).to.equal(0);
  });

  it('gets animation frames', async () => {
    const time = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    expect(time).to.be.a('number');
  });

  it('runs ResizeObserver callbacks', async () => {
    const box = document.createElement('div');
    document.body.append(box);
    try {
      const width = await new Promise<number>((resolve) => {
        const observer = new ResizeObserver(([entry]) => {
          if (entry!.contentRect.width !== 120) return;
          observer.disconnect();
          resolve(entry!.contentRect.width);
        });
        observer.observe(box);
        box.style.width = '120px';
      });
      expect(width).to.equal(120);
    } finally {
      box.remove();
    }
  });
});
