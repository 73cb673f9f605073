import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LocalizableString, QuestionBooleanModel } from 'survey-core';
import { choiceOptionStyles, renderChoiceGroup, type ChoiceOption } from '../choice-options.js';
import { renderLocString } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { styles } from './boolean-question.styles.js';

/** One of the two answers, as the model names it. */
interface BooleanOption extends ChoiceOption {
  readonly answer: boolean;
}

/**
 * A SurveyJS `boolean` question.
 *
 * Shown as two native radios in a `role="radiogroup"` labelled by the title, one for
 * `labelTrue` and one for `labelFalse` ("Yes" and "No" unless the definition renames them), in
 * survey-core's order (`swapOrder` puts "Yes" first). A pupil can answer with Tab and the arrow
 * keys or a click, and can see and hear that the question is still unanswered, which a single
 * switch cannot show. SurveyJS's toggle-switch look (`displayMode` "segmented" or "switch")
 * therefore renders as radios too.
 *
 * With `renderAs: "checkbox"` (`displayMode: "checkbox"`) it is one native checkbox labelled
 * by the title (or `label`), as in SurveyJS, where the title is not shown above it.
 *
 * Answers are written through `booleanValue`, so `valueTrue` and `valueFalse` are what the
 * survey data receives.
 *
 * @summary A yes/no answer as two radio buttons, or one checkbox.
 *
 * @csspart question - the question container
 * @csspart choices - the radiogroup
 * @csspart option - each answer's label (with its radio), or the checkbox's label
 */
export class PvBooleanQuestion extends PvQuestionElement<QuestionBooleanModel> {
  static override styles = [choiceOptionStyles, styles];

  /** True when the definition asks for a single checkbox. */
  get rendersAsCheckbox(): boolean {
    const q = this.question;
    return q.displayMode === 'checkbox' || q.renderAs === 'checkbox';
  }

  protected override renderTitle(): TemplateResult {
    // A single checkbox carries the title as its own label; a heading would say it twice.
    return this.rendersAsCheckbox ? html`` : super.renderTitle();
  }

  /** Focuses the checked radio (else the first), or the checkbox. */
  override focusControl(): void {
    const inputs = Array.from(this.querySelectorAll<HTMLInputElement>('input:not(:disabled)'));
    (inputs.find((input) => input.checked) ?? inputs[0])?.focus();
  }

  private readonly onRadioChange = (option: BooleanOption, input: HTMLInputElement): void => {
    if (input.checked) this.question.booleanValue = option.answer;
  };

  private readonly onCheckboxChange = (event: Event): void => {
    this.question.booleanValue = (event.currentTarget as HTMLInputElement).checked;
    this.requestUpdate();
  };

  protected override renderControl(): TemplateResult {
    return this.rendersAsCheckbox ? this.renderCheckbox() : this.renderRadios();
  }

  private renderRadios(): TemplateResult {
    const q = this.question;
    const current: unknown = q.booleanValue;
    // locLabelLeft/Right are labelFalse/labelTrue in survey-core's order (swapped by swapOrder).
    const leftIsTrue = q.swapOrder;
    const option = (answer: boolean, label: LocalizableString, first: boolean): BooleanOption => ({
      id: first ? this.controlId : `${this.controlId}_${answer ? 'true' : 'false'}`,
      value: answer ? 'true' : 'false',
      label: renderLocString(label),
      checked: current === answer,
      disabled: this.isDisabled,
      answer,
    });
    return renderChoiceGroup<BooleanOption>({
      role: 'radiogroup',
      type: 'radio',
      name: q.id,
      labelledBy: this.titleId,
      describedBy: this.describedBy,
      required: q.isRequired,
      invalid: this.hasErrors,
      options: [option(leftIsTrue, q.locLabelLeft, true), option(!leftIsTrue, q.locLabelRight, false)],
      columns: 0,
      onChange: this.onRadioChange,
    });
  }

  private renderCheckbox(): TemplateResult {
    const q = this.question;
    return html`<div class="pv-boolean-checkbox">
      <label class="pv-option" part="option" id=${this.titleId}>
        <input
          type="checkbox"
          id=${this.controlId}
          .checked=${live(q.booleanValue === true)}
          ?disabled=${this.isDisabled}
          aria-required=${q.isRequired ? 'true' : nothing}
          aria-invalid=${this.hasErrors ? 'true' : 'false'}
          aria-describedby=${this.describedBy}
          @change=${this.onCheckboxChange}
        />
        <span class="pv-option-label"
          >${renderLocString(q.locTitle)}${q.isRequired
            ? html`<span class="pv-required" aria-hidden="true"> *</span><span class="pv-visually-hidden">
                  ${this.localize.t.requiredHint}</span
                >`
            : nothing}</span
        >
      </label>
    </div>`;
  }
}
