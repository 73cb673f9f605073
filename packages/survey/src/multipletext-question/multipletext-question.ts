import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MultipleTextItemModel, QuestionMultipleTextModel } from 'survey-core';
import { renderLocString } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { styles } from './multipletext-question.styles.js';

type TextEditor = MultipleTextItemModel['editor'];

/**
 * Several short text answers under one question (survey-core `multipletext`), such as first
 * name and class. A `role="group"` named by the title holds one labelled `<input>` per item,
 * with the item's `inputType`, placeholder and limits. Each item's editor is a survey-core
 * text question, so its validators and required flag run in the model; its errors are shown
 * beside the input and linked with `aria-describedby`.
 *
 * Answers are committed on `change` (blur or Enter), or on every keystroke when the survey
 * sets `textUpdateMode: "onTyping"`, as survey-core's own renderers do.
 *
 * @summary A group of labelled text inputs.
 *
 * @csspart question - the question frame
 * @csspart items - the group of inputs
 * @csspart item - one label, its errors and its input
 * @csspart item-label - the label of an item
 * @csspart input - each input
 *
 * @cssproperty --pv-multipletext-min-item-width - Narrowest an item gets before items wrap (default 14rem).
 */
export class PvMultipleTextQuestion extends PvQuestionElement<QuestionMultipleTextModel> {
  static override styles = styles;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const q = this.question;
    if (!q) return;
    // Each editor keeps its own errors and value.
    this.model.observe(q, ...q.items.map((item) => item.editor));
  }

  /** Focuses the first item with an error, else the first item. */
  override focusControl(): void {
    const target =
      this.querySelector<HTMLInputElement>('input[aria-invalid="true"]') ?? this.querySelector<HTMLInputElement>('input');
    target?.focus();
  }

  private itemErrorsId(editor: TextEditor): string {
    return `${editor.id}_errors`;
  }

  protected override renderControl(): TemplateResult {
    const q = this.question;
    return html`<div
      class="pv-multipletext"
      part="items"
      role="group"
      aria-labelledby=${this.titleId}
      aria-describedby=${this.describedBy}
    >
      ${q.items.map((item) => this.renderItem(item))}
    </div>`;
  }

  private renderItem(item: MultipleTextItemModel): TemplateResult {
    const editor = item.editor;
    const errors = editor.errors;
    const errorsId = this.itemErrorsId(editor);
    const commit = (event: Event): void => {
      const value = (event.target as HTMLInputElement).value;
      if (!this.isDisabled) editor.inputValue = value;
    };
    const maxLength = editor.getMaxLength() as number | null | undefined;
    const min = editor.renderedMin as string | number | undefined;
    const max = editor.renderedMax as string | number | undefined;
    const step = editor.renderedStep as string | undefined;
    return html`<div class="pv-multipletext-item ${errors.length ? 'pv-multipletext-item--invalid' : ''}" part="item">
      <label class="pv-multipletext-label" part="item-label" for=${editor.inputId}>
        ${renderLocString(item.locTitle)}${item.isRequired
          ? html`<span class="pv-required" aria-hidden="true"> *</span>`
          : nothing}
      </label>
      ${errors.length
        ? html`<div class="pv-errors" id=${errorsId}>
            ${errors.map(
              (error) => html`<p class="pv-error-message">
                <span class="pv-visually-hidden">${this.localize.t.errorPrefix}</span> ${error.getText()}
              </p>`,
            )}
          </div>`
        : nothing}
      <input
        id=${editor.inputId}
        part="input"
        type=${item.inputType || 'text'}
        .value=${live(String(editor.inputValue ?? ''))}
        placeholder=${editor.renderedPlaceholder || nothing}
        maxlength=${maxLength && maxLength > 0 ? maxLength : nothing}
        min=${min ?? nothing}
        max=${max ?? nothing}
        step=${step ?? nothing}
        ?disabled=${this.isDisabled}
        aria-required=${item.isRequired ? 'true' : nothing}
        aria-invalid=${errors.length ? 'true' : nothing}
        aria-describedby=${errors.length ? errorsId : nothing}
        autocomplete=${editor.autocomplete || nothing}
        @change=${commit}
        @input=${(event: Event) => {
          if (editor.isInputTextUpdate) commit(event);
        }}
      />
    </div>`;
  }
}
