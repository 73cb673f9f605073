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

/**
 * Question types whose element shows only the question's own state and its own texts: an
 * answer elsewhere changes what they show only through piped `{name}` text. survey-core reports
 * every other change (value, errors, read-only, visible choices, number) on the question
 * itself, which its element observes. Panels, dynamic panels, matrices with cell questions,
 * expressions and HTML always follow every answer.
 */
const SELF_CONTAINED_TYPES: ReadonlySet<string> = new Set([
  'radiogroup',
  'checkbox',
  'dropdown',
  'tagbox',
  'rating',
  'boolean',
  'matrix',
  'text',
  'comment',
  'ranking',
  'imagepicker',
]);

/**
 * Whether anything in the question's definition refers to other answers: `{` anywhere (piped
 * text in any language, conditions such as `visibleIf`/`enableIf`, which also hold `{name}`) or
 * choices taken from another question or a URL. Read once per question: definitions do not
 * change while a survey is shown.
 */
const followsAnswers = new WeakMap<Question, boolean>();

function refersToAnswers(json: unknown): boolean {
  if (typeof json === 'string') return json.includes('{');
  if (Array.isArray(json)) return json.some(refersToAnswers);
  if (json && typeof json === 'object') {
    return Object.entries(json).some(
      ([key, value]) => key === 'choicesFromQuestion' || key === 'choicesByUrl' || refersToAnswers(value),
    );
  }
  return false;
}

function mayChangeWithOtherAnswers(question: Question): boolean {
  let follows = followsAnswers.get(question);
  if (follows === undefined) {
    if (!SELF_CONTAINED_TYPES.has(question.getType())) follows = true;
    else follows = refersToAnswers(question.toJSON() as unknown);
    followsAnswers.set(question, follows);
  }
  return follows;
}

/**
 * Renders the visible elements of a page or panel in order, keyed by element id. `revision`
 * changes on every answer; `quietRevision` (defaults to `revision`) on every other change.
 * Questions that cannot show other answers get `quietRevision`, so an answer re-renders only
 * the elements that may show it. `limit` draws only the first so many (a new page's first
 * screen, see PageDrawing).
 */
export function renderElements(
  container: PanelModelBase,
  revision: number,
  quietRevision = revision,
  limit?: number,
): TemplateResult {
  const visible = container.elements.filter((element) => element.isVisible);
  return html`${repeat(
    limit === undefined ? visible : visible.slice(0, limit),
    (element) => (element as unknown as Question).id,
    (element) =>
      renderElement(
        element,
        element.isPanel || mayChangeWithOtherAnswers(element as unknown as Question) ? revision : quietRevision,
      ),
  )}`;
}
