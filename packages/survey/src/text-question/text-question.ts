import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { QuestionTextModel } from 'survey-core';
import { PvQuestionElement } from '../question/question-element.js';
import { styles } from './text-question.styles.js';

/**
 * `inputType` values that Chromium, Firefox and Safari all render as a native control. Anything
 * else (a typo, a type from a newer SurveyJS) becomes a plain text box rather than an input the
 * browser silently turns into one anyway.
 */
const NATIVE_INPUT_TYPES: ReadonlySet<string> = new Set([
  'text',
  'number',
  'range',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
  'email',
  'tel',
  'url',
  'password',
  'search',
  'color',
]);

/** A value from survey-core (number, string, Date-ish string) as an attribute, or nothing. */
function attribute(value: unknown): string | typeof nothing {
  if (value === undefined || value === null || value === '') return nothing;
  return String(value);
}

/**
 * A SurveyJS `text` question: one native `<input>` of the model's `inputType` (number, date,
 * email, tel, range, url, password, colour…), labelled by the question title.
 *
 * The DOM handlers are survey-core's own (`onChange`, `onBlur`, `onKeyUp`, `onKeyDown`,
 * `onCompositionUpdate`), wired to the events its React renderer uses, so the value reaches
 * the model exactly when SurveyJS would send it: on blur (or Enter) by default, on every
 * keystroke with `textUpdateMode: "onTyping"`. survey-core also converts the text: typing 12
 * in a number box stores the number 12. Input masks work because the model is given the
 * `<input>` (`afterRenderQuestionElement`).
 *
 * A range slider shows its value beside it and, until the respondent moves it, tells screen
 * readers it is not answered yet (a native slider otherwise announces its midpoint).
 *
 * @summary A single-line answer in a native input.
 *
 * @csspart question - the question container
 * @csspart input - the `<input>`
 * @csspart range-value - the value shown beside a range slider
 *
 * @cssproperty --pv-text-width - Width of text-like inputs (defaults to 100%, up to 30rem).
 */
export class PvTextQuestion extends PvQuestionElement<QuestionTextModel> {
  static override styles = styles;

  /**
   * What the respondent has entered that the model has not received yet (a range slider being
   * moved before blur); shown beside the slider so it never lags behind the thumb.
   */
  @state() private draftText?: string;

  /** The model text last written to (or read from) the input. */
  private reflectedText?: string;
  /** The input survey-core was given in `afterRenderQuestionElement`. */
  private boundInput?: HTMLInputElement;

  protected override get titleLabelsControl(): boolean {
    return true;
  }

  /** The `type` of the native input: survey-core's `inputType`, or `text` when no browser has it. */
  get nativeInputType(): string {
    const type = (this.question.inputType || 'text').toLowerCase();
    return NATIVE_INPUT_TYPES.has(type) ? type : 'text';
  }

  private get input(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>('input.pv-input');
  }

  /** The model's text for the input (masked when a mask is set), '' when empty. */
  private get modelText(): string {
    const value: unknown = this.question.inputValue;
    return value === undefined || value === null ? '' : String(value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reattached after a move: give survey-core the input again (updated() does the first time).
    if (this.hasUpdated) this.bindInput();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbindInput();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('question') && changed.get('question')) {
      this.unbindInput();
      this.reflectedText = undefined;
      this.draftText = undefined;
    }
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.bindInput();
    this.reflectModelText();
  }

  private bindInput(): void {
    const input = this.input;
    if (!input || input === this.boundInput) return;
    this.unbindInput();
    this.boundInput = input;
    this.question.afterRenderQuestionElement(input);
  }

  private unbindInput(): void {
    if (!this.boundInput) return;
    this.question?.beforeDestroyQuestionElement(this.boundInput);
    this.boundInput = undefined;
  }

  /**
   * Writes the model's text into the input when the model changed without the respondent
   * (code set `question.value`, a `setValueExpression` ran, the survey was cleared). Text the
   * respondent is typing is never overwritten: the handlers mark the model's text after their
   * own updates as already shown.
   */
  private reflectModelText(): void {
    const input = this.input;
    if (!input) return;
    const text = this.modelText;
    if (text === this.reflectedText) return;
    this.reflectedText = text;
    this.draftText = undefined;
    if (input.value !== text) input.value = text;
  }

  /**
   * Runs one of survey-core's DOM handlers and notes that the input already shows the result.
   * `edits` marks the events that change the input's text (input, change).
   */
  private handle(handler: (event: Event) => void, event: Event, edits = false): void {
    handler(event);
    this.reflectedText = this.modelText;
    if (edits && this.nativeInputType === 'range') {
      const value = (event.target as HTMLInputElement).value;
      this.draftText = value === this.modelText ? undefined : value;
    }
  }

  private readonly onInput = (event: Event) => this.handle(this.question.onChange, event, true);
  private readonly onKeyUp = (event: Event) => this.handle(this.question.onKeyUp, event);
  private readonly onKeyDown = (event: Event) => this.handle(this.question.onKeyDown, event);
  private readonly onComposition = (event: Event) => this.handle(this.question.onCompositionUpdate, event);
  private readonly onFocus = (event: Event) => this.handle((e) => this.question.onFocus(e), event);
  private readonly onBlur = (event: Event) => {
    // survey-core stores the input's text on blur. An untouched slider still has a text (its
    // midpoint), and tabbing past it must not answer the question.
    if (this.nativeInputType === 'range' && this.draftText === undefined) return;
    this.handle((e) => this.question.onBlur(e), event);
  };

  protected override renderControl(): TemplateResult {
    const q = this.question;
    const type = this.nativeInputType;
    const isRange = type === 'range';
    const maxLength = q.getMaxLength() as number | null;
    const dataListId = q.dataListId;
    const rangeAnswered = !q.isEmpty() || this.draftText !== undefined;
    return html`<div class="pv-text pv-text--${type} ${isRange && !rangeAnswered ? 'pv-text--unanswered' : ''}">
      <input
        class="pv-input"
        part="input"
        id=${this.controlId}
        type=${type}
        placeholder=${attribute(q.renderedPlaceholder)}
        maxlength=${maxLength && maxLength > 0 ? maxLength : nothing}
        min=${attribute(q.renderedMin)}
        max=${attribute(q.renderedMax)}
        step=${attribute(q.renderedStep)}
        size=${attribute(q.renderedInputSize)}
        autocomplete=${attribute(q.autocomplete)}
        list=${attribute(dataListId)}
        ?disabled=${this.isDisabled}
        aria-required=${q.isRequired ? 'true' : 'false'}
        aria-invalid=${this.hasErrors ? 'true' : 'false'}
        aria-describedby=${this.describedBy}
        aria-valuetext=${isRange && !rangeAnswered ? this.localize.t.rangeNotAnswered : nothing}
        @input=${this.onInput}
        @change=${this.onInput}
        @keyup=${this.onKeyUp}
        @keydown=${this.onKeyDown}
        @compositionupdate=${this.onComposition}
        @blur=${this.onBlur}
        @focus=${this.onFocus}
      />
      ${isRange
        ? html`<output class="pv-range-value" part="range-value" for=${this.controlId} aria-hidden="true"
            >${rangeAnswered ? (this.draftText ?? this.modelText) : this.localize.t.rangeNotAnswered}</output
          >`
        : nothing}
      ${dataListId
        ? html`<datalist id=${dataListId}>
            ${(q.dataList ?? []).map((entry) => html`<option value=${entry}></option>`)}
          </datalist>`
        : nothing}
    </div>`;
  }
}
