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
