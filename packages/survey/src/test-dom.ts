// Shared by the browser tests (not exported from the package), and defines no element: a test
// of the embed's entry imports this, not test-helpers.ts (which defines every element).
import { holdSurveyCore } from './survey-core-loader.js';
import type { PvSurvey } from './survey/survey.js';

/** Waits for the survey and every element inside its shadow root to finish rendering. */
export async function settle(el: PvSurvey): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await el.updateComplete;
    const children = Array.from(el.shadowRoot!.querySelectorAll('*')).filter(
      (node): node is HTMLElement & { updateComplete: Promise<unknown> } => 'updateComplete' in node,
    );
    await Promise.all(children.map((child) => child.updateComplete));
  }
}

/** querySelector inside the survey's shadow root. */
export function $<T extends Element = HTMLElement>(el: PvSurvey, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

/** querySelectorAll inside the survey's shadow root. */
export function $$<T extends Element = HTMLElement>(el: PvSurvey, selector: string): T[] {
  return Array.from(el.shadowRoot!.querySelectorAll<T>(selector));
}

/**
 * Holds survey-core back, as a slow network would, for surveys that start loading from now on
 * (the loader's own seam). Returns the release, which lets them through.
 */
export function holdSurveyCoreBack(): () => void {
  let open!: () => void;
  holdSurveyCore(new Promise<void>((resolve) => (open = resolve)));
  return () => {
    holdSurveyCore(undefined);
    open();
  };
}

/** The visible parts of a survey page whose places the hand-over tests compare. */
export const PAGE_PARTS =
  '.pv-survey-title, .pv-progress, .pv-page-heading, .pv-title, .pv-option, .pv-rating-item, .pv-input, textarea, .pv-navigation .pv-button, .pv-save-state, .pv-quick-exit';

/** Where the parts of the page `selector` names are, rounded to whole pixels. */
export function boxes(el: PvSurvey, selector = PAGE_PARTS): string[] {
  return $$(el, selector).map((node) => {
    const box = node.getBoundingClientRect();
    return `${node.className.split(' ')[0]} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
  });
}
