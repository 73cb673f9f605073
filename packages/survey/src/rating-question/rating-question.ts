import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ItemValue, QuestionRatingModel } from 'survey-core';
import { locText } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { smileyFaces, smileyIcon, starIcon } from './rating-icons.js';
import { styles } from './rating-question.styles.js';

/**
 * A SurveyJS `rating` question: numbers or labels, stars, or smileys. Each rate value is a
 * native radio button sharing one `name`, inside a `radiogroup` labelled by the title, so the
 * browser supplies the roving tabindex: one Tab stop, arrows move and select, and wrap. Stars
 * and smileys are drawn as icons while the value (or its text) stays the accessible name.
 * `minRateDescription` and `maxRateDescription` are shown at the ends and describe the first
 * and last options, so they are heard where they apply. With `displayMode: "dropdown"` the
 * scale is a native `<select>` instead.
 *
 * @summary A rating scale as a native radio group.
 *
 * @csspart question - the question container
 * @csspart scale - the row of rating options
 * @csspart option - each rating option
 * @csspart description - the minimum and maximum descriptions
 * @csspart select - the `<select>` in dropdown mode
 *
 * @cssproperty --pv-rating-size - Size of each option (at least the target size).
 * @cssproperty --pv-rating-star-color - Fill of selected stars.
 */
export class PvRatingQuestion extends PvQuestionElement<QuestionRatingModel> {
  static override styles = styles;

  /** In dropdown mode the title is the select's `<label>`. */
  protected override get titleLabelsControl(): boolean {
    return this.isDropdown;
  }

  /** True when the definition asks for a drop-down list instead of a scale. */
  get isDropdown(): boolean {
    return this.question.displayMode === 'dropdown';
  }

  get minDescriptionId(): string {
    return `${this.question.id}_min`;
  }

  get maxDescriptionId(): string {
    return `${this.question.id}_max`;
  }

  protected override renderControl(): TemplateResult {
    return this.isDropdown ? this.renderSelect() : this.renderScale();
  }

  private itemText(item: ItemValue): string {
    return locText(item.locText);
  }

  /**
   * An option's accessible name. A smiley is heard as what its face means ("Happy"), not as
   * its value ("4"), unless the definition gave the option its own text; when a long scale
   * shares faces, the value keeps the names apart.
   */
  private itemName(item: ItemValue, face: number | undefined, shared: boolean): string {
    const text = this.itemText(item);
    if (face === undefined || item.hasText) return text;
    const meaning = this.localize.t.smileyMeanings[face] ?? text;
    return shared ? `${meaning} (${text})` : meaning;
  }

  private renderScale(): TemplateResult {
    const q = this.question;
    const items = q.visibleRateValues;
    const kind = q.isStar ? 'stars' : q.isSmiley ? 'smileys' : 'labels';
    const selectedIndex = items.findIndex((item) => q.isItemSelected(item));
    const last = items.length - 1;
    // Faces for young children (`renderAs: "faces"`) keep their words under them (pictures and
    // words); a bare number under a face is not a word, so numbers stay for screen readers only.
    const wordsShown = !(q.isStar || q.isSmiley) || q.renderAs === 'faces';
    const faces = q.isSmiley ? smileyFaces(items.length) : [];
    const shared = new Set(faces).size < faces.length;
    // The frame is the size container: the end labels move under the scale when it is narrow.
    return html`<div class="pv-rating-frame"><div
      class="pv-rating pv-rating--${kind} ${q.renderAs === 'faces' ? 'pv-rating--faces' : ''}"
      role="radiogroup"
      aria-labelledby=${this.titleId}
      aria-describedby=${this.describedBy}
      aria-required=${q.isRequired ? 'true' : 'false'}
      aria-invalid=${this.hasErrors ? 'true' : 'false'}
    >
      ${q.hasMinLabel
        ? html`<span class="pv-rating-description pv-rating-description--min" part="description" id=${this.minDescriptionId}
            >${q.minRateDescription}</span
          >`
        : nothing}
      <div class="pv-rating-scale" part="scale">
        ${items.map((item, index) => {
          const selected = index === selectedIndex;
          const filled = q.isStar && selectedIndex >= 0 && index <= selectedIndex;
          const describedBy =
            index === 0 && q.hasMinLabel
              ? this.minDescriptionId
              : index === last && q.hasMaxLabel
                ? this.maxDescriptionId
                : nothing;
          return html`<label
            class="pv-rating-item ${selected ? 'pv-rating-item--selected' : ''} ${filled
              ? 'pv-rating-item--filled'
              : ''}"
            part="option"
          >
            <input
              type="radio"
              name=${q.id}
              value=${String(index)}
              id=${index === 0 ? this.controlId : nothing}
              .checked=${live(selected)}
              ?disabled=${this.isDisabled || !item.isEnabled}
              aria-describedby=${describedBy}
              @change=${() => this.choose(item)}
            />
            ${q.isStar ? starIcon() : nothing}
            ${q.isSmiley ? smileyIcon(faces[index]!) : nothing}
            <span class=${wordsShown ? 'pv-rating-text' : 'pv-visually-hidden'}
              >${this.itemName(item, faces[index], shared)}</span
            >
          </label>`;
        })}
      </div>
      ${q.hasMaxLabel
        ? html`<span class="pv-rating-description pv-rating-description--max" part="description" id=${this.maxDescriptionId}
            >${q.maxRateDescription}</span
          >`
        : nothing}
    </div></div>`;
  }

  private renderSelect(): TemplateResult {
    const q = this.question;
    const items = q.visibleRateValues;
    const empty = q.isEmpty();
    const faces = q.isSmiley ? smileyFaces(items.length) : [];
    const shared = new Set(faces).size < faces.length;
    return html`<select
      class="pv-rating-select"
      part="select"
      id=${this.controlId}
      ?disabled=${this.isDisabled}
      aria-required=${q.isRequired ? 'true' : 'false'}
      aria-invalid=${this.hasErrors ? 'true' : 'false'}
      aria-describedby=${this.describedBy}
      @change=${this.onSelectChange}
    >
      <option value="" .selected=${live(empty)}>${q.placeholder || this.localize.t.selectPlaceholder}</option>
      ${items.map(
        (item, index) =>
          html`<option value=${String(index)} .selected=${live(!empty && q.isItemSelected(item))}>
            ${this.itemName(item, faces[index], shared)}
          </option>`,
      )}
    </select>`;
  }

  private choose(item: ItemValue): void {
    if (this.isDisabled) return;
    this.question.value = item.value;
  }

  private readonly onSelectChange = (event: Event): void => {
    const index = (event.target as HTMLSelectElement).value;
    const item = index === '' ? undefined : this.question.visibleRateValues[Number(index)];
    if (item) this.choose(item);
    else this.question.clearValueFromUI();
  };
}
