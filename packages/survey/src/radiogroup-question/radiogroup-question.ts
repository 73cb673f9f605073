import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ItemValue, QuestionRadiogroupModel } from 'survey-core';
import { choiceSections, selectBaseOptionWithComment, type SelectBaseOption } from '../choice-comment.js';
import { choiceOptionStyles, renderChoiceGroup } from '../choice-options.js';
import { agreeScalePositions } from '../audience/agree-scale.js';
import { locText } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { faceAt, smileyIcon } from '../rating-question/rating-icons.js';
import { styles } from './radiogroup-question.styles.js';

/**
 * A SurveyJS `radiogroup` question: native radios sharing one `name` inside
 * `role="radiogroup"`, labelled by the question title and described by its description and
 * errors. The browser provides the roving tab stop: Tab reaches the group once (the checked
 * radio, else the first), arrow keys move and select, wrap from last to first, and Left/Right
 * follow the reading direction in a right-to-left survey.
 *
 * Choices come from survey-core's `renderedChoices`, so `choicesVisibleIf`, `choicesEnableIf`,
 * "None" and "Other" follow the model's logic live. Selecting goes through
 * `clickItemHandler`, as in SurveyJS's own renderers. "Other" (and any choice with
 * `showCommentArea`) reveals a labelled box for the description; `showClearButton` adds a Clear
 * button once the question is answered; `colCount` lays the choices out in columns.
 *
 * @summary A single choice from a list of radio buttons.
 *
 * @csspart question - the question container
 * @csspart choices - the radiogroup
 * @csspart option - each choice's label (with its radio)
 * @csspart comment - the description box of "Other"
 * @csspart clear-button - the Clear button
 */
export class PvRadiogroupQuestion extends PvQuestionElement<QuestionRadiogroupModel> {
  static override styles = [choiceOptionStyles, styles];

  /** Set by Clear: the button disappears, so focus returns to the group. */
  private focusAfterClear = false;

  /** Id of the Clear button. */
  get clearButtonId(): string {
    return `${this.question.id}_clear`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Choices are model objects of their own: their visibility, enabled state and text change
    // without the question reporting it.
    if (this.question) this.model.observe(this.question, ...this.question.visibleChoices);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusAfterClear) {
      this.focusAfterClear = false;
      this.focusControl();
    }
  }

  /** Focuses the group's tab stop: the checked radio, else the first enabled one. */
  override focusControl(): void {
    const radios = Array.from(this.querySelectorAll<HTMLInputElement>('input[type="radio"]:not(:disabled)'));
    (radios.find((radio) => radio.checked) ?? radios[0])?.focus();
  }

  private option(item: ItemValue, faces?: Map<ItemValue, number>): SelectBaseOption {
    const option = selectBaseOptionWithComment(this.question, item, {
      commentLabel: this.localize.t.otherCommentLabel,
      describedBy: this.describedBy,
      invalid: this.hasErrors,
      disabled: this.isDisabled,
    });
    const face = faces?.get(item);
    // The face is decoration beside the words: the words stay the radio's name.
    return face === undefined
      ? option
      : { ...option, label: html`<span class="pv-face">${smileyIcon(faceAt(face))}</span>${option.label}`, part: 'face-option' };
  }

  /**
   * With `renderAs: "faces"` (set by the primary preset on agree/disagree questions, or by an
   * author), each answer on the scale gets a face from frown to smile.
   */
  private faces(): Map<ItemValue, number> | undefined {
    const q = this.question;
    if (q.renderAs !== 'faces') return undefined;
    const items = q.visibleChoices;
    const positions = agreeScalePositions(
      items.map((item) => [String(item.value), item.locText.getLocaleText('') || '', locText(item.locText)]),
    );
    if (!positions) return undefined;
    const faces = new Map<ItemValue, number>();
    items.forEach((item, index) => {
      const position = positions[index];
      if (position !== undefined) faces.set(item, position);
    });
    return faces;
  }

  private readonly onChange = (option: SelectBaseOption, input: HTMLInputElement): void => {
    if (input.checked) this.question.clickItemHandler(option.item);
  };

  private readonly onPointerAnswer = (): void => this.question.onMouseDown();
  private readonly onKeyDown = (event: KeyboardEvent): void => this.question.onKeyDown(event);

  private readonly onClear = (): void => {
    this.question.clearValueFromUI();
    this.focusAfterClear = true;
    this.requestUpdate();
  };

  protected override renderControl(): TemplateResult {
    const q = this.question;
    const faces = this.faces();
    const group = renderChoiceGroup<SelectBaseOption>({
      role: 'radiogroup',
      type: 'radio',
      name: q.id,
      labelledBy: this.titleId,
      describedBy: this.describedBy,
      required: q.isRequired,
      invalid: this.hasErrors,
      ...choiceSections(q, (item) => this.option(item, faces)),
      columns: q.colCount,
      onChange: this.onChange,
      onPointerAnswer: this.onPointerAnswer,
      onKeyDown: this.onKeyDown,
    });
    const clear =
      q.canShowClearButton && !q.isEmpty()
        ? html`<button
            type="button"
            class="pv-button pv-button--secondary pv-clear-button"
            part="clear-button"
            id=${this.clearButtonId}
            aria-labelledby="${this.clearButtonId} ${this.titleId}"
            @click=${this.onClear}
          >
            ${q.clearButtonCaption}
          </button>`
        : nothing;
    return html`${group}${clear}`;
  }
}
