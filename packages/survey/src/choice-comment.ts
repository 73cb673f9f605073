import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { ItemValue, QuestionSelectBase, TextAreaModel } from 'survey-core';
import type { ChoiceOption } from './choice-options.js';
import { locText, renderLocString } from './loc-string.js';

// survey-core's choices as the options of choice-options.ts, with the comment box a choice can
// ask for ("Other"). Only the question elements need this; the early page draws options from
// the JSON, so none of it is in the embed's entry.

/** A `ChoiceOption` for a survey-core choice, carrying the choice for the change handler. */
export interface SelectBaseOption extends ChoiceOption {
  readonly item: ItemValue;
}

/**
 * A survey-core choice as a `ChoiceOption`. The first visible choice takes the question's
 * `inputId`, the target of the error summary's link; the rest take `getItemId(item)`.
 */
export function selectBaseOption(
  question: QuestionSelectBase,
  item: ItemValue,
  disabled: boolean,
  detail?: TemplateResult | typeof nothing,
): SelectBaseOption {
  const index = (question.visibleChoices as ItemValue[]).indexOf(item);
  return {
    id: index === 0 ? question.inputId : question.getItemId(item),
    value: String(index),
    label: renderLocString(item.locText),
    checked: question.isItemSelected(item),
    disabled: disabled || !question.getItemEnabled(item),
    detail,
    item,
  };
}

/** What a choice's comment box needs besides the model. */
export interface ChoiceCommentOptions {
  /** Visible label, e.g. "Please describe (Other)". */
  readonly label: string;
  readonly describedBy?: string | typeof nothing;
  readonly invalid?: boolean;
  readonly disabled?: boolean;
}

const textAreaRefs = new WeakMap<TextAreaModel, (element?: Element) => void>();

/** One stable ref callback per model, so Lit does not detach and re-attach on every render. */
function textAreaRef(model: TextAreaModel): (element?: Element) => void {
  let callback = textAreaRefs.get(model);
  if (!callback) {
    callback = (element?: Element) => {
      if (element) model.setElement(element as HTMLTextAreaElement);
      else model.resetElement();
    };
    textAreaRefs.set(model, callback);
  }
  return callback;
}

/** Id of the comment box of a choice. */
export function choiceCommentId(question: QuestionSelectBase, item: ItemValue): string {
  return `${question.getItemId(item)}_comment`;
}

/**
 * The description box of a choice that asks for one ("Other", or a choice with
 * `showCommentArea`), bound to survey-core's own `TextAreaModel` for that choice: it supplies
 * rows, maxlength and placeholder, stores the text where survey-core expects it (the
 * `<name>-Comment` value, or the item's comment), follows `textUpdateMode`, and writes
 * programmatic changes back into the box. Render it only while
 * `question.isCommentShowing(item)`.
 */
export function renderChoiceComment(
  question: QuestionSelectBase,
  item: ItemValue,
  options: ChoiceCommentOptions,
): TemplateResult | typeof nothing {
  const model = question.getCommentTextAreaModel(item);
  if (!model) return nothing;
  const id = choiceCommentId(question, item);
  const required = (item as ItemValue & { isCommentRequired?: boolean }).isCommentRequired === true;
  return html`<div class="pv-choice-comment">
    <label class="pv-choice-comment-label" for=${id}>${options.label}</label>
    <textarea
      id=${id}
      part="comment"
      rows=${model.rows || 2}
      maxlength=${model.maxLength ?? nothing}
      placeholder=${model.placeholder || nothing}
      ?disabled=${options.disabled === true}
      aria-required=${required ? 'true' : nothing}
      aria-invalid=${options.invalid ? 'true' : nothing}
      aria-describedby=${options.describedBy ?? nothing}
      ${ref(textAreaRef(model))}
      @input=${(event: Event) => model.onTextAreaInput(event)}
      @focus=${(event: Event) => model.onTextAreaFocus(event)}
      @blur=${(event: Event) => model.onTextAreaBlur(event)}
      @keydown=${(event: Event) => model.onTextAreaKeyDown(event)}
    ></textarea>
  </div>`;
}

/** How a question frame describes a choice's comment box (see `selectBaseOptionWithComment`). */
export interface ChoiceCommentFrame {
  /** Label of the box for a choice's text, e.g. "Please describe (Other)". */
  readonly commentLabel: (choice: string) => string;
  readonly describedBy?: string | typeof nothing;
  readonly invalid: boolean;
  readonly disabled: boolean;
}

/**
 * A choice as an option, with the comment box survey-core shows below it ("Other", or a
 * choice with `showCommentArea`) as its detail. Shared by radio and checkbox groups.
 */
export function selectBaseOptionWithComment(
  question: QuestionSelectBase,
  item: ItemValue,
  frame: ChoiceCommentFrame,
): SelectBaseOption {
  const detail = question.isCommentShowing(item)
    ? renderChoiceComment(question, item, {
        label: frame.commentLabel(locText(item.locText)),
        describedBy: frame.describedBy,
        invalid: frame.invalid,
        disabled: frame.disabled,
      })
    : nothing;
  return selectBaseOption(question, item, frame.disabled, detail);
}

/**
 * A question's choices split as survey-core lays them out: "Select all" and similar head items,
 * the body, then "None"/"Other" foot items, each kept out of the column layout. Without head or
 * foot items everything is the body, in rendered order.
 */
export function choiceSections<O>(
  question: QuestionSelectBase,
  toOption: (item: ItemValue) => O,
): { head?: O[]; options: O[]; foot?: O[] } {
  if (!question.hasHeadItems && !question.hasFootItems) {
    return { options: (question.renderedChoices as ItemValue[]).map(toOption) };
  }
  return {
    head: (question.headItems as ItemValue[]).map(toOption),
    options: (question.bodyItems as ItemValue[]).map(toOption),
    foot: (question.footItems as ItemValue[]).map(toOption),
  };
}
