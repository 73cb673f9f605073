import { QUESTION_ELEMENTS } from '@pupil-voice/schema';
import type { CSSResultGroup } from 'lit';
import { QUESTION_STYLES } from './question-styles.js';

/**
 * survey-core question type → the element that renders it, from `@pupil-voice/schema`, whose
 * question type descriptors use the same map (the collector accepts and aggregate tallies
 * exactly these types).
 * Only tag names live here, so the survey shell needs no import of any question module: a type
 * whose element is not defined on the page renders the "not supported" notice instead of a
 * silent gap.
 */
export const QUESTION_TAGS: Readonly<Record<string, string>> = QUESTION_ELEMENTS;

/** A style as Lit keeps it: a CSSResult (with its sheet) or, already, a sheet. */
type ElementStyle = { styleSheet?: CSSStyleSheet } | CSSStyleSheet;

/**
 * The stylesheets of every question element, for `<pv-survey>` to adopt: a defined element's
 * own, else (before the embed has loaded the common elements) the ones QUESTION_STYLES
 * lists for it, so the order of the sheets never changes when the elements arrive. With
 * `onlyTags`, the sheets of those elements alone (the embed's early page: only the kinds of
 * question on it), in the same order as among all of them, and no other sheet is built.
 */
export function definedQuestionStyles(onlyTags?: ReadonlySet<string>): CSSStyleSheet[] {
  const all: ElementStyle[] = [];
  const wanted = new Set<ElementStyle>();
  for (const tag of [...Object.values(QUESTION_TAGS), 'pv-panel', 'pv-unsupported-question']) {
    const element = customElements.get(tag) as (CustomElementConstructor & { elementStyles?: ElementStyle[] }) | undefined;
    const styles: readonly ElementStyle[] = element ? (element.elementStyles ?? []) : finalStyles(QUESTION_STYLES[tag]);
    for (const style of styles) {
      if (!all.includes(style)) all.push(style);
      if (!onlyTags || onlyTags.has(tag)) wanted.add(style);
    }
  }
  const sheets: CSSStyleSheet[] = [];
  for (const style of all) {
    if (!wanted.has(style)) continue;
    const sheet = style instanceof CSSStyleSheet ? style : style.styleSheet;
    if (sheet && !sheets.includes(sheet)) sheets.push(sheet);
  }
  return sheets;
}

/** A `static styles` value flattened as LitElement does (a repeated style counts where it last appears). */
function finalStyles(group: CSSResultGroup | undefined): ElementStyle[] {
  if (group === undefined) return [];
  const flat: ElementStyle[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const inner of value) visit(inner);
    else flat.push(value as ElementStyle);
  };
  visit(group);
  return [...new Set(flat.reverse())].reverse();
}
