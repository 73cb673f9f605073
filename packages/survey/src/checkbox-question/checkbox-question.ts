import { type PropertyValues, type TemplateResult } from 'lit';
import type { ItemValue, QuestionCheckboxModel } from 'survey-core';
import { choiceSections, selectBaseOptionWithComment, type SelectBaseOption } from '../choice-comment.js';
import { choiceOptionStyles, renderChoiceGroup } from '../choice-options.js';
import { PvQuestionElement } from '../question/question-element.js';
import { styles } from './checkbox-question.styles.js';

/**
 * A SurveyJS `checkbox` question: native checkboxes in a `role="group"` labelled by the
 * question title and described by its description and errors. Each checkbox is its own tab
 * stop and Space toggles it, as the checkbox pattern expects.
 *
 * Every change goes through survey-core's `clickItemHandler(item, checked)`, so "Select All",
 * "None" (which clears the others), `maxSelectedChoices` (which disables the unchecked choices
 * once the limit is reached), `choicesVisibleIf` and `choicesEnableIf` behave as in SurveyJS.
 * "Other" reveals a labelled box for the description; `colCount` lays choices out in columns.
 *
 * @summary Several choices from a list of checkboxes.
 *
 * @csspart question - the question container
 * @csspart choices - the group
 * @csspart option - each choice's label (with its checkbox)
 * @csspart comment - the description box of "Other"
 */
export class PvCheckboxQuestion extends PvQuestionElement<QuestionCheckboxModel> {
  static override styles = [choiceOptionStyles, styles];

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Choices change their own enabled state (maxSelectedChoices, choicesEnableIf) and text.
    if (this.question) this.model.observe(this.question, ...this.question.visibleChoices);
  }

  /** Focuses the first enabled checkbox (the error summary's target). */
  override focusControl(): void {
    this.querySelector<HTMLInputElement>('input[type="checkbox"]:not(:disabled)')?.focus();
  }

  private option(item: ItemValue): SelectBaseOption {
    const option = selectBaseOptionWithComment(this.question, item, {
      commentLabel: this.localize.t.otherCommentLabel,
      describedBy: this.describedBy,
      invalid: this.hasErrors,
      disabled: this.isDisabled,
    });
    return this.question.isSelectAllItem(item) ? { ...option, part: 'select-all' } : option;
  }

  private readonly onChange = (option: SelectBaseOption, input: HTMLInputElement): void => {
    this.question.clickItemHandler(option.item, input.checked);
    // survey-core may refuse or widen the change (None clears the rest); show what it kept.
    this.requestUpdate();
  };

  protected override renderControl(): TemplateResult {
    const q = this.question;
    return renderChoiceGroup<SelectBaseOption>({
      role: 'group',
      type: 'checkbox',
      name: q.id,
      labelledBy: this.titleId,
      describedBy: this.describedBy,
      ...choiceSections(q, (item) => this.option(item)),
      columns: q.colCount,
      onChange: this.onChange,
    });
  }
}
