import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ImageItemValue, QuestionImagePickerModel } from 'survey-core';
import { locText } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { isSafeImageUrl } from '../sanitize.js';
import { styles } from './imagepicker-question.styles.js';

/**
 * A SurveyJS `imagepicker` question: pictures to choose from. Each picture sits in the label
 * of a native radio button (or checkbox with `multiSelect`), so it is operated like any other
 * choice question: one Tab stop and arrow keys for radios, Space for checkboxes. The image's
 * `alt` is the choice text, and when `showLabel` is off the text is still the option's name.
 * Image URLs that fail `isSafeImageUrl` are not loaded; the option keeps its text.
 *
 * @summary Choose one or more pictures.
 *
 * @csspart question - the question container
 * @csspart options - the grid of pictures
 * @csspart option - each picture choice
 * @csspart image - each picture
 *
 * @cssproperty --pv-imagepicker-selected-color - Border of a chosen picture.
 */
export class PvImagepickerQuestion extends PvQuestionElement<QuestionImagePickerModel> {
  static override styles = styles;

  protected override renderControl(): TemplateResult {
    const q = this.question;
    const multi = q.multiSelect;
    const choices = q.visibleChoices as ImageItemValue[];
    return html`<div
      class="pv-imagepicker"
      part="options"
      role=${multi ? 'group' : 'radiogroup'}
      aria-labelledby=${this.titleId}
      aria-describedby=${this.describedBy}
      aria-required=${!multi && q.isRequired ? 'true' : nothing}
      aria-invalid=${!multi && this.hasErrors ? 'true' : nothing}
    >
      ${choices.map((item, index) => this.renderChoice(item, index, multi))}
    </div>`;
  }

  private renderChoice(item: ImageItemValue, index: number, multi: boolean): TemplateResult {
    const q = this.question;
    const text = locText(item.locText);
    const selected = q.isItemSelected(item);
    const url = item.imageLink ?? '';
    const hasImage = url !== '' && isSafeImageUrl(url);
    const size = {
      width: q.renderedImageWidth ? `${q.renderedImageWidth}px` : undefined,
      height: q.renderedImageHeight ? `${q.renderedImageHeight}px` : undefined,
      'object-fit': q.imageFit || undefined,
    };
    return html`<label class="pv-image-choice ${selected ? 'pv-image-choice--selected' : ''}" part="option">
      <input
        type=${multi ? 'checkbox' : 'radio'}
        name=${q.id}
        value=${String(index)}
        id=${index === 0 ? this.controlId : nothing}
        .checked=${live(selected)}
        ?disabled=${this.isDisabled || !item.isEnabled}
        @change=${(event: Event) => this.toggle(item, (event.target as HTMLInputElement).checked)}
      />
      ${hasImage
        ? html`<img class="pv-image-choice-image" part="image" src=${url} alt=${text} style=${styleMap(size)} />`
        : html`<span class="pv-image-choice-missing" style=${styleMap(size)} aria-hidden="true"></span>`}
      ${hasImage
        ? // The image's alt already names the option; a visible caption would repeat it.
          q.showLabel
          ? html`<span class="pv-image-choice-text" aria-hidden="true">${text}</span>`
          : nothing
        : html`<span class=${q.showLabel ? 'pv-image-choice-text' : 'pv-visually-hidden'}>${text}</span>`}
    </label>`;
  }

  private toggle(item: ImageItemValue, checked: boolean): void {
    const q = this.question;
    if (this.isDisabled) return;
    if (!q.multiSelect) {
      q.value = item.value;
      return;
    }
    const current: unknown[] = Array.isArray(q.value) ? [...(q.value as unknown[])] : [];
    const at = current.findIndex((v) => sameValue(v, item.value));
    if (checked && at < 0) current.push(item.value);
    if (!checked && at >= 0) current.splice(at, 1);
    q.value = current;
    this.requestUpdate();
  }
}

/** Choice values are usually strings or numbers; objects compare by their JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));
}
