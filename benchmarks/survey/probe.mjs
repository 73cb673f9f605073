// Code that runs inside the page under test. Both renderers are observed the same way: by the
// text a pupil sees and the controls a pupil can reach, looking through shadow roots, so
// neither side needs hooks of its own.

/**
 * An init script (runs before any page script) that records, on each animation frame, when
 * the first question's title is present and visible, and when the first answer control can
 * take focus. Times are `performance.now()`, i.e. milliseconds from navigation start.
 */
export function probeScript(firstTitle) {
  return `(${probe.toString()})(${JSON.stringify(firstTitle)});`;
}

function probe(firstTitle) {
  const result = { titleMs: null, interactiveMs: null };
  window.__bench = result;
  // Input lag as the browser itself measures it (Event Timing: from the input to the next
  // paint after its handlers ran), for every event of 16 ms or more.
  // Key presses are recorded by their event time, so each entry can be given to the press it
  // belongs to (Event Timing's startTime is the event's timeStamp).
  window.__benchEvents = [];
  window.__benchKeys = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchEvents.push({ name: entry.name, start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    // Event Timing is not available: the lag column stays empty.
  }
  addEventListener('keydown', (event) => window.__benchKeys.push({ key: event.key, time: event.timeStamp }), { capture: true });
  const CONTROL = 'input:not([type=hidden]):not([type=button]):not([type=submit]),select,textarea,[role=radio],[role=checkbox],[role=combobox],[role=slider]';

  /** Every element under `root`, in document order, entering open shadow roots. */
  function* deep(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      yield node;
      if (node.shadowRoot) yield* deep(node.shadowRoot);
    }
  }

  function findTitle() {
    for (const element of deep(document.body ?? document.documentElement)) {
      for (const child of element.childNodes) {
        if (child.nodeType === Node.TEXT_NODE && child.data.includes(firstTitle)) return element;
      }
    }
    return null;
  }

  function visible(element) {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 &&
      element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  }

  function deepActive() {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active;
  }

  function focusable() {
    for (const element of deep(document.body)) {
      if (!element.matches(CONTROL) || element.disabled) continue;
      element.focus({ preventScroll: true });
      const ok = deepActive() === element;
      if (ok) element.blur();
      return ok;
    }
    return false;
  }

  function frame() {
    const now = performance.now();
    if (result.titleMs === null) {
      const title = findTitle();
      if (title && visible(title)) result.titleMs = now;
    }
    if (result.titleMs !== null && result.interactiveMs === null && focusable()) result.interactiveMs = now;
    if (result.interactiveMs === null) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
}

/**
 * Answers every question through the page's own controls (a click on a native radio or
 * checkbox per question), presses Continue/Submit by its label, and waits after each press
 * until the next page or the completed text is on screen. Runs in the page.
 * @returns {Promise<{ ms: number, clicks: number, answered: number, pages: number }>}
 */
export async function completeSurvey(completedText) {
  const host = document.querySelector('pv-survey');
  const model = host ? host.model : window.__benchModel;
  const root = host ? host.shadowRoot : document;
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const waitFor = async (condition, what) => {
    const start = performance.now();
    while (!condition()) {
      if (performance.now() - start > 60000) throw new Error(`timed out waiting for ${what}`);
      await tick();
    }
  };
  const questionElement = (question) =>
    root.querySelector(`[data-qid="${question.id}"]`) ?? root.getElementById(question.id);
  const textPresent = (text) => {
    const walk = (node) => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeType === Node.TEXT_NODE && n.data.includes(text)) return true;
        if (n.shadowRoot && walk(n.shadowRoot)) return true;
      }
      return false;
    };
    return walk(document.body);
  };
  const navButton = (label) => {
    for (const element of root.querySelectorAll('button, input[type=button], input[type=submit]')) {
      const text = (element.value || element.textContent || '').trim();
      if (text === label && element.offsetParent !== null) return element;
    }
    return null;
  };

  let clicks = 0;
  let pages = 0;
  const start = performance.now();
  while (model.state === 'running') {
    const page = model.currentPage;
    const questions = page.questions.filter((q) => q.isVisible);
    questions.forEach((question, index) => {
      const element = questionElement(question);
      if (!element) throw new Error(`question ${question.name} is not rendered`);
      const controls = element.querySelectorAll('input[type=radio], input[type=checkbox]');
      const control = controls[question.getType() === 'boolean' ? 0 : (index + 1) % controls.length];
      if (!control) throw new Error(`question ${question.name} has no radio or checkbox`);
      control.click();
      clicks += 1;
    });
    const last = model.isLastPage;
    const button = navButton(last ? model.completeText : model.pageNextText);
    if (!button) throw new Error(`no ${last ? 'Submit' : 'Continue'} button on page ${page.name}`);
    button.click();
    pages += 1;
    if (last) {
      await waitFor(() => model.state === 'completed' && textPresent(completedText), 'the completed page');
    } else {
      await waitFor(() => model.currentPage !== page, `leaving page ${page.name} (is an answer missing?)`);
      const first = model.currentPage.questions.find((q) => q.isVisible);
      await waitFor(() => first && questionElement(first), `page ${model.currentPage.name} to render`);
    }
  }
  const ms = performance.now() - start;
  return { ms, clicks, pages, answered: Object.keys(model.data).length };
}

/**
 * The time from pressing Continue to the next page's first question on screen, for `count`
 * page changes: each page is answered by clicks first (not timed), then Continue is clicked
 * and the clock runs until the next page's first question is rendered and a frame has been
 * painted. Runs in the page; returns milliseconds per page change.
 */
export async function nextPageTimes(count) {
  const host = document.querySelector('pv-survey');
  const model = host ? host.model : window.__benchModel;
  const root = host ? host.shadowRoot : document;
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const questionElement = (question) =>
    root.querySelector(`[data-qid="${question.id}"]`) ?? root.getElementById(question.id);
  const navButton = (label) => {
    for (const element of root.querySelectorAll('button, input[type=button], input[type=submit]')) {
      const text = (element.value || element.textContent || '').trim();
      if (text === label && element.offsetParent !== null) return element;
    }
    return null;
  };
  const times = [];
  for (let change = 0; change < count && !model.isLastPage; change += 1) {
    const page = model.currentPage;
    page.questions.filter((q) => q.isVisible).forEach((question, index) => {
      const controls = questionElement(question)?.querySelectorAll('input[type=radio], input[type=checkbox]') ?? [];
      controls[(index + 1) % Math.max(1, controls.length)]?.click();
    });
    await painted();
    const button = navButton(model.pageNextText);
    if (!button) throw new Error(`no Continue button on page ${page.name}`);
    const start = performance.now();
    button.click();
    for (;;) {
      const first = model.currentPage !== page ? model.currentPage.questions.find((q) => q.isVisible) : undefined;
      const element = first && questionElement(first);
      if (element && element.getBoundingClientRect().height > 0) break;
      if (performance.now() - start > 60000) throw new Error(`page ${change + 2} never rendered`);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await painted();
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * The input lag of each key press since `__benchKeys` was last emptied: the longest Event Timing
 * entry (key, input, change, click) that started between this press and the next. A press whose
 * events all took under 16 ms (Event Timing's smallest threshold) has no entry: its lag is 0
 * here and means "under 16 ms". Runs in the page.
 * @returns {{ key: string, lag: number }[]}
 */
export function keyPressLags() {
  const keys = window.__benchKeys;
  const events = window.__benchEvents.filter((e) => /^key|^input|^change|^click|^pointer/.test(e.name));
  return keys.map((press, i) => {
    const next = i + 1 < keys.length ? keys[i + 1].time : Infinity;
    // timeStamp and startTime are the same clock; allow for their rounding.
    const mine = events.filter((e) => e.start >= press.time - 1 && e.start < next - 1);
    return { key: press.key, lag: Math.max(0, ...mine.map((e) => e.duration)) };
  });
}

/** Focuses the first answer control on the page (entering shadow roots). Runs in the page. */
export function focusFirstControl() {
  const CONTROL = 'input[type=radio],[role=radio]';
  const walk = (node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
    for (let element = walker.nextNode(); element; element = walker.nextNode()) {
      if (element.matches(CONTROL)) return element;
      if (element.shadowRoot) {
        const found = walk(element.shadowRoot);
        if (found) return found;
      }
    }
    return null;
  };
  const control = walk(document.body);
  control?.focus();
  return control !== null;
}
