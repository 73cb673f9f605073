import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ItemValue, QuestionDropdownModel } from 'survey-core';
import { renderChoiceComment } from '../choice-options.js';
import { locText } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { styles } from './dropdown-question.styles.js';

/**
 * A SurveyJS `dropdown` question as a native `<select>`: every device already knows how to
 * operate one (type-ahead, arrows, the platform picker on phones), and screen readers announce
 * it with its label and value. The first option is the model's placeholder; it clears the
 * answer when `allowClear` is on and is otherwise only a prompt. "None", "Other" and
 * `choicesVisibleIf` come from `visibleChoices`, so they follow survey-core's logic live.
 * Choosing "Other" reveals a text box for the description, stored by survey-core as the
 * question's comment.
 *
 * @summary A single choice from a native select.
 *
 * @csspart question - the question container
 * @csspart select - the `<select>`
 * @csspart comment - the text box for the "Other" description
 *
 * @cssproperty --pv-dropdown-width - Width of the select (defaults to fit, up to 100%).
 */
export class PvDropdownQuestion extends PvQuestionElement<QuestionDropdownModel> {
  static override styles = styles;

  protected override get titleLabelsControl(): boolean {
    return true;
  }

  protected override renderControl(): TemplateResult {
    const q = this.question;
    const choices = q.visibleChoices;
    const empty = q.isEmpty();
    const placeholder = q.placeholder || this.localize.t.selectPlaceholder;
    return html`<div class="pv-dropdown">
        <select
          id=${this.controlId}
          part="select"
          ?disabled=${this.isDisabled}
          aria-required=${q.isRequired ? 'true' : 'false'}
          aria-invalid=${this.hasErrors ? 'true' : 'false'}
          aria-describedby=${this.describedBy}
          @change=${this.onSelectChange}
        >
          <option value="" ?disabled=${!q.allowClear && !empty} .selected=${live(empty)}>${placeholder}</option>
          ${choices.map(
            (item, index) =>
              html`<option
                value=${String(index)}
                ?disabled=${!item.isEnabled}
                .selected=${live(!empty && q.isItemSelected(item))}
              >
                ${locText(item.locText)}
              </option>`,
          )}
        </select>
      </div>
      ${q.isOtherSelected ? this.renderOther() : nothing}`;
  }

  /** The "Other" description box: the shared choice-comment box bound to survey-core. */
  private renderOther(): TemplateResult | typeof nothing {
    const q = this.question;
    return renderChoiceComment(q, q.otherItem, {
      label: this.localize.t.otherCommentLabel(locText(q.otherItem.locText)),
      describedBy: this.describedBy,
      invalid: this.hasErrors,
      disabled: this.isDisabled,
    });
  }

  private readonly onSelectChange = (event: Event): void => {
    const q = this.question;
    const select = event.target as HTMLSelectElement;
    const item: ItemValue | undefined = select.value === '' ? undefined : q.visibleChoices[Number(select.value)];
    if (item) q.renderedValue = item.value;
    else q.clearValueFromUI();
    this.requestUpdate();
  };
}
