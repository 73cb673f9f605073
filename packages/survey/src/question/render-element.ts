import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { IElement, PanelModelBase, Question } from 'survey-core';
import { defineQuestionElements, isPendingQuestionType } from './lazy-questions.js';
import { QUESTION_TAGS } from './question-tags.js';

/**
 * Renders one survey element: a panel, a question through its registered element, or the
 * "not supported" notice. Tag names come only from QUESTION_TAGS, never from the definition.
 */
export function renderElement(element: IElement, revision: number): TemplateResult {
  if (element.isPanel) {
    return html`<pv-panel .panel=${element as unknown as PanelModelBase} .revision=${revision}></pv-panel>`;
  }
  const question = element as unknown as Question;
  const type = question.getType();
  const tagName = QUESTION_TAGS[type];
  // `<pv-survey>` defines the on-demand elements its definition names before showing it; a
  // question added to the model later is defined now, and its element upgrades in place.
  if (tagName && isPendingQuestionType(type)) void defineQuestionElements([type]);
  else if (!tagName || !customElements.get(tagName)) {
    return html`<pv-unsupported-question
      .question=${question}
      .revision=${revision}
      data-qid=${question.id}
    ></pv-unsupported-question>`;
  }
  const tag = unsafeStatic(tagName);
  return staticHtml`<${tag} .question=${question} .revision=${revision} data-qid=${question.id}></${tag}>`;
}

/** Renders the visible elements of a page or panel in order, keyed by element id. */
export function renderElements(container: PanelModelBase, revision: number): TemplateResult {
  const visible = container.elements.filter((element) => element.isVisible);
  return html`${repeat(
    visible,
    (element) => (element as unknown as Question).id,
    (element) => renderElement(element, revision),
  )}`;
}
