import { html, nothing, type TemplateResult } from 'lit';
import type { ItemValue, QuestionDropdownModel } from 'survey-core';
import { renderChoiceComment } from '../choice-comment.js';
import { locText } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { renderSelect } from './dropdown-markup.js';
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
    const empty = q.isEmpty();
    return html`${renderSelect({
        id: this.controlId,
        required: q.isRequired,
        invalid: this.hasErrors,
        disabled: this.isDisabled,
        describedBy: this.describedBy,
        placeholder: q.placeholder || this.localize.t.selectPlaceholder,
        placeholderDisabled: !q.allowClear && !empty,
        empty,
        options: q.visibleChoices.map((item) => ({
          label: locText(item.locText),
          disabled: !item.isEnabled,
          selected: !empty && q.isItemSelected(item),
        })),
        onChange: this.onSelectChange,
      })}
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

  private readonly onSelectChange = (index: number | undefined): void => {
    const q = this.question;
    const item: ItemValue | undefined = index === undefined ? undefined : q.visibleChoices[index];
    if (item) q.renderedValue = item.value;
    else q.clearValueFromUI();
    this.requestUpdate();
  };
}
