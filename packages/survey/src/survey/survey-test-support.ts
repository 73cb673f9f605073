// Shared by the survey-level browser tests (not exported from the package): real keyboard
// helpers and a watch on uncaught errors.
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Question } from 'survey-core';
import { $, deepActiveElement, modelOf, settle } from '../test-helpers.js';
import type { PvSurvey } from './survey.js';

/** Presses one key (e.g. `Enter`, `ArrowDown`, `Shift+Tab`) and lets the survey re-render. */
export async function press(el: PvSurvey, key: string): Promise<void> {
  if (key.startsWith('Shift+')) {
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: key.slice('Shift+'.length) });
    await sendKeys({ up: 'Shift' });
  } else {
    await sendKeys({ press: key });
  }
  await settle(el);
}

/**
 * Clicks an element with the real mouse (so focus moves and the previous field blurs, as it
 * does for a respondent), at its centre after scrolling it into view.
 */
export async function clickWithMouse(el: PvSurvey, target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
  await settle(el);
}

/** Types text into whatever has focus, as a respondent would. */
export async function type(el: PvSurvey, text: string): Promise<void> {
  await sendKeys({ type: text });
  await settle(el);
}

/**
 * Presses Tab (or Shift+Tab) until `matches` accepts the focused element. Fails with the
 * focus path when the element is not reachable by keyboard.
 */
export async function tabUntil(
  el: PvSurvey,
  matches: (focused: Element) => boolean,
  { backwards = false, limit = 60 } = {},
): Promise<Element> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    await press(el, backwards ? 'Shift+Tab' : 'Tab');
    const focused = deepActiveElement();
    if (focused && matches(focused)) return focused;
    seen.push(describe(focused));
  }
  throw new Error(`not reachable with Tab; focus went through: ${seen.join(' → ')}`);
}

/** Tabs to the element with this id inside the survey (e.g. a question's control). */
export function tabToId(el: PvSurvey, id: string): Promise<Element> {
  return tabUntil(el, (focused) => focused.id === id);
}

/** Tabs to a navigation button by its part (`next-button`, `back-button`, `submit-button`, `start-button`). */
export function tabToButton(el: PvSurvey, part: string): Promise<Element> {
  return tabUntil(el, (focused) => focused.getAttribute('part')?.split(/\s+/).includes(part) ?? false);
}

/** The navigation button with this part, or null. */
export function button(el: PvSurvey, part: string): HTMLButtonElement | null {
  return $<HTMLButtonElement>(el, `button[part~="${part}"]`);
}

/**
 * Waits, task by task, until something asynchronous (a locale or a fetch) has shown up in the
 * survey. Fails after `tasks` turns rather than hanging the run.
 */
export async function waitFor(el: PvSurvey, condition: () => boolean, tasks = 500): Promise<void> {
  for (let i = 0; i < tasks; i += 1) {
    await settle(el);
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the survey never reached the expected state');
}

/** Id of a question's first control (the error summary's link target). */
export function inputIdOf(el: PvSurvey, name: string): string {
  const question = modelOf(el).getQuestionByName(name) as Question | null;
  if (!question) throw new Error(`no question named ${name}`);
  return question.inputId;
}

/** A short description of an element for failure messages. */
export function describe(element: Element | null): string {
  if (!element) return '(nothing)';
  const id = element.id ? `#${element.id}` : '';
  const part = element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : '';
  return `${element.localName}${id}${part}`;
}

/**
 * Records uncaught exceptions and unhandled rejections from the moment it is created; the
 * survey must report problems through `pv-error` and its own alert, never by throwing.
 */
export class UncaughtErrors {
  readonly errors: string[] = [];
  private readonly onError = (event: ErrorEvent) => this.errors.push(String(event.error ?? event.message));
  private readonly onRejection = (event: PromiseRejectionEvent) => this.errors.push(String(event.reason));

  constructor() {
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onRejection);
  }

  stop(): string[] {
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onRejection);
    return this.errors;
  }
}
