import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { LocalizableString, Question, SurveyError } from 'survey-core';
import { presentationOf, type SurveyPresentation } from '../audience/presentation.js';
import { locText, renderLocString } from '../loc-string.js';
import { SurveyModelController } from '../model-controller.js';
import { LocalizeController } from '../strings/localize-controller.js';

/**
 * Base of every question element. A question element renders into its own light DOM, which
 * sits inside `<pv-survey>`'s shadow root: ids referenced by `aria-labelledby`,
 * `aria-describedby` and the error summary's links all resolve within that one tree, and the
 * survey's stylesheet (which adopts every question element's `static styles`) styles it.
 *
 * Subclasses implement `renderControl()`; the frame (title with number and required marker,
 * description, errors) is shared so every type announces the same way.
 */
export abstract class PvQuestionElement<Q extends Question = Question> extends LitElement {
  /** The survey-core question this element renders. */
  @property({ attribute: false }) question!: Q;

  /**
   * Bumped by `<pv-survey>` whenever any answer changes. survey-core computes piped text
   * (`{name}` in a title) lazily without telling the question, so a value change anywhere
   * re-renders the visible page.
   */
  @property({ type: Number }) revision = 0;

  /**
   * Set by `<pv-survey>` while it replaces this element's page: the element is about to be
   * removed, so what changed meanwhile (validation on Continue marks every answer checked) is
   * not drawn for nothing. Cleared, with a render, if the element stays.
   */
  leaving = false;

  protected readonly model = new SurveyModelController(this);
  protected readonly localize = new LocalizeController(this);

  /** How the surrounding survey is presented (audience preset, glossary), if it has an audience. */
  protected get presentation(): SurveyPresentation | undefined {
    return presentationOf(this.question?.survey);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return !this.leaving && super.shouldUpdate(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('question')) this.model.observe(this.question);
  }

  /** Id of the element holding the question title; groups are labelled by it. */
  get titleId(): string {
    return `${this.question.id}_title`;
  }

  get descriptionId(): string {
    return `${this.question.id}_description`;
  }

  get errorsId(): string {
    return `${this.question.id}_errors`;
  }

  /** Id of the first control, the target of the error summary's link. */
  get controlId(): string {
    return this.question.inputId;
  }

  get hasErrors(): boolean {
    return this.question.errors.length > 0;
  }

  /** Space-separated ids for `aria-describedby`: the description, then any errors. */
  get describedBy(): string | typeof nothing {
    const ids: string[] = [];
    if (this.question.hasDescription) ids.push(this.descriptionId);
    if (this.hasErrors) ids.push(this.errorsId);
    return ids.length ? ids.join(' ') : nothing;
  }

  /** True when the respondent cannot change the answer (read-only survey, `enableIf`). */
  get isDisabled(): boolean {
    return this.question.isReadOnly;
  }

  /** The question title as plain text, for labels of nested controls. */
  get titleText(): string {
    return locText(this.question.locTitle);
  }

  /** Moves keyboard focus to the question's first control (used by the error summary). */
  focusControl(): void {
    const target =
      this.querySelector<HTMLElement>(`#${CSS.escape(this.controlId)}`) ??
      this.querySelector<HTMLElement>('input:not([disabled]):not([tabindex="-1"]), select, textarea, button, [tabindex="0"]');
    target?.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    const q = this.question;
    if (!q) return nothing;
    return html`<div
      class="pv-question ${this.hasErrors ? 'pv-question--invalid' : ''}"
      part="question"
      data-type=${q.getType()}
    >
      ${this.renderTitle()} ${this.renderReadAloud()} ${this.renderDescription()} ${this.renderErrors()}
      ${this.renderControl()}
    </div>`;
  }

  /** The answer control(s). */
  protected abstract renderControl(): TemplateResult | typeof nothing;

  /**
   * When true, the title is a `<label for=controlId>`; for single inputs (text, comment,
   * dropdown). Groups leave it false and point `aria-labelledby` at `titleId` instead.
   */
  protected get titleLabelsControl(): boolean {
    return false;
  }

  protected renderTitle(): TemplateResult {
    const q = this.question;
    const hidden = !q.hasTitle;
    const content = html`${q.no ? html`<span class="pv-number">${q.no}</span> ` : nothing}${this.renderText(q.locTitle)}${q.isRequired
      ? html`<span class="pv-required" aria-hidden="true"> *</span><span class="pv-visually-hidden"> ${this.localize.t.requiredHint}</span>`
      : nothing}`;
    return html`<h4 class="pv-title ${hidden ? 'pv-visually-hidden' : ''}" id=${this.titleId}>
      ${this.titleLabelsControl ? html`<label for=${this.controlId}>${content}</label>` : content}
    </h4>`;
  }

  protected renderDescription(): TemplateResult | typeof nothing {
    const q = this.question;
    if (!q.hasDescription) return nothing;
    return html`<div class="pv-description" id=${this.descriptionId} part="description">
      ${this.renderText(q.locDescription)}
    </div>`;
  }

  /**
   * A title or description: with glossary terms marked (`<pv-term>`) in a survey whose audience
   * has a glossary, else as it is.
   */
  protected renderText(str: LocalizableString | undefined | null): TemplateResult | string | typeof nothing {
    const presentation = this.presentation;
    if (presentation?.glossary) return presentation.renderWithTerms(str, presentation.glossary, this.localize.lang);
    return str ? renderLocString(str) : nothing;
  }

  /**
   * The "Read aloud" button of the primary preset: reads the title, the description and the
   * answers in the survey's language. Not shown when the browser has no voice for it.
   */
  protected renderReadAloud(): TemplateResult | typeof nothing {
    const q = this.question;
    const presentation = this.presentation;
    if (!presentation?.preset.readAloud || q.getType() === 'html') return nothing;
    const t = presentation.translationFor(this.localize.lang);
    return presentation.renderReadAloud(this, q, t, () => this.localize.lang, this.titleText);
  }

  protected renderErrors(): TemplateResult | typeof nothing {
    if (!this.hasErrors) return nothing;
    return html`<div class="pv-errors" id=${this.errorsId} part="errors">
      ${this.question.errors.map((error) => this.renderError(error))}
    </div>`;
  }

  protected renderError(error: SurveyError): TemplateResult {
    return html`<p class="pv-error-message">
      <span class="pv-visually-hidden">${this.localize.t.errorPrefix}</span> ${error.getText()}
    </p>`;
  }
}
