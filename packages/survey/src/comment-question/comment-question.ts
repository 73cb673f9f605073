import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { QuestionCommentModel, TextAreaModel } from 'survey-core';
import { PvQuestionElement } from '../question/question-element.js';
import { styles } from './comment-question.styles.js';

/**
 * How long typing must pause before the remaining-characters count is spoken. Announcing on
 * every keystroke would talk over the respondent's own typing echo (the GOV.UK character
 * count waits for a pause in the same way).
 */
const ANNOUNCE_DELAY_MS = 600;

/**
 * A SurveyJS `comment` question: a native `<textarea>` labelled by the question title, bound to
 * survey-core's own `TextAreaModel` (`question.textAreaModel`): it supplies rows, maxlength and
 * placeholder, commits the text on blur or while typing as `textUpdateMode` says, drops line
 * breaks when `acceptCarriageReturn` is off, and writes values set in code back into the box.
 *
 * With a `maxLength`, the limit is part of the description ("You can enter up to 200
 * characters"), a visible count shows what is left, and the same count is announced politely
 * once the respondent pauses.
 *
 * @summary A long answer in a native textarea.
 *
 * @csspart question - the question container
 * @csspart textarea - the `<textarea>`
 * @csspart character-count - the visible "characters remaining" count
 */
export class PvCommentQuestion extends PvQuestionElement<QuestionCommentModel> {
  static override styles = styles;

  /** Length of text the respondent has typed that the model has not received yet. */
  @state() private draftLength?: number;
  /** What the polite live region says; updated only after typing pauses. */
  @state() private announcement = '';

  private announceTimer?: ReturnType<typeof setTimeout>;
  private lastValue: unknown;
  /** The survey-core text area model that currently owns the `<textarea>`. */
  private boundModel?: TextAreaModel;

  protected override get titleLabelsControl(): boolean {
    return true;
  }

  /** Id of the (visually hidden) sentence stating the character limit. */
  get limitId(): string {
    return `${this.question.id}_limit`;
  }

  /** The maximum length, or 0 when there is none. */
  get maxLength(): number {
    const max = this.question.getMaxLength() as number | null;
    return max && max > 0 ? max : 0;
  }

  /** Characters the respondent may still type (meaningful only when `maxLength` is set). */
  get remaining(): number {
    const value: unknown = this.question.value;
    const length = this.draftLength ?? (typeof value === 'string' ? value.length : 0);
    return Math.max(0, this.maxLength - length);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.bindTextArea();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
    this.boundModel?.resetElement();
    this.boundModel = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.bindTextArea();
  }

  /** Hands the `<textarea>` to survey-core, which keeps its text in step with the value. */
  private bindTextArea(): void {
    const model = this.question?.textAreaModel;
    const element = this.querySelector<HTMLTextAreaElement>(`textarea#${CSS.escape(this.controlId)}`);
    if (!model || !element || model === this.boundModel) return;
    this.boundModel?.resetElement();
    this.boundModel = model;
    model.setElement(element);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The model caught up with the box (blur), or code changed the value: count from the model.
    const value: unknown = this.question?.value;
    if (value !== this.lastValue) {
      this.lastValue = value;
      this.draftLength = undefined;
    }
  }

  private readonly onInput = (event: Event): void => {
    this.question.textAreaModel.onTextAreaInput(event);
    if (!this.maxLength) return;
    this.draftLength = (event.target as HTMLTextAreaElement).value.length;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announcement = this.localize.t.charactersRemaining(this.remaining);
    }, ANNOUNCE_DELAY_MS);
  };

  private readonly onBlur = (event: Event): void => this.question.textAreaModel.onTextAreaBlur(event);
  private readonly onFocus = (event: Event): void => this.question.textAreaModel.onTextAreaFocus(event);
  private readonly onKeyDown = (event: Event): void => this.question.textAreaModel.onTextAreaKeyDown(event);

  protected override renderControl(): TemplateResult {
    const q = this.question;
    const textArea = q.textAreaModel;
    const max = this.maxLength;
    const describedBy = max ? [this.describedBy, this.limitId].filter((id) => id !== nothing).join(' ') : this.describedBy;
    return html`<div class="pv-comment">
      <textarea
        id=${this.controlId}
        part="textarea"
        rows=${textArea.rows || 4}
        maxlength=${max || nothing}
        placeholder=${textArea.placeholder || nothing}
        style=${styleMap({ resize: q.renderedAllowResize ? 'vertical' : 'none' })}
        ?disabled=${this.isDisabled}
        aria-required=${q.isRequired ? 'true' : 'false'}
        aria-invalid=${this.hasErrors ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${this.onInput}
        @blur=${this.onBlur}
        @focus=${this.onFocus}
        @keydown=${this.onKeyDown}
      ></textarea>
      ${max
        ? html`<p class="pv-visually-hidden" id=${this.limitId}>${this.localize.t.characterLimit(max)}</p>
            <p class="pv-character-count" part="character-count" aria-hidden="true">
              ${this.localize.t.charactersRemaining(this.remaining)}
            </p>
            <p class="pv-visually-hidden" role="status">${this.announcement}</p>`
        : nothing}
    </div>`;
  }
}
