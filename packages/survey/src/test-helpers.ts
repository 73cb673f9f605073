// Shared by the browser tests (not exported from the package).
import { fixture, html, oneEvent } from '@open-wc/testing';
import type { Question, SurveyModel } from 'survey-core';
import type { PvSurvey } from './survey/survey.js';
import './define.js';
import { settle } from './test-dom.js';

export { $, $$, settle } from './test-dom.js';

/** Renders `<pv-survey>` with a definition and waits until the model and first page exist. */
export async function renderSurvey(definition: unknown, attributes: Record<string, string> = {}): Promise<PvSurvey> {
  const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const ready = oneEvent(el, 'pv-ready');
  el.definition = definition;
  await ready;
  await settle(el);
  return el;
}

/** The survey's model (throws if not loaded). */
export function modelOf(el: PvSurvey): SurveyModel {
  if (!el.model) throw new Error('survey model not loaded');
  return el.model;
}

/** The element rendering a question, found by question name. */
export function questionElement<T extends HTMLElement = HTMLElement>(el: PvSurvey, name: string): T {
  const question = modelOf(el).getQuestionByName(name) as Question | null;
  if (!question) throw new Error(`no question named ${name}`);
  const found = el.shadowRoot!.querySelector<T>(`[data-qid="${question.id}"]`);
  if (!found) throw new Error(`question ${name} is not rendered`);
  return found;
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
