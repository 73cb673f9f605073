import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ItemValue, QuestionTagboxModel } from 'survey-core';
import { locText } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { styles } from './tagbox-question.styles.js';

/**
 * A SurveyJS `tagbox` question (choose several from a long list) without a custom combobox:
 * a text box filters a labelled group of native checkboxes, and the chosen answers are shown
 * above as chips, each a button that removes it ("Remove “Maths”"). Every part is a standard
 * control, so it works with any keyboard, switch or screen reader: Tab to the filter, type,
 * Tab into the list, Space to tick. Selection goes through survey-core's `clickItemHandler`,
 * so "None", `maxSelectedChoices` and `choicesVisibleIf` behave as in SurveyJS, and the value
 * is the array survey-core expects.
 *
 * @summary Several choices from a filterable checkbox list, shown as removable chips.
 *
 * @csspart question - the question container
 * @csspart chips - the list of chosen answers
 * @csspart chip - each remove button
 * @csspart filter - the filter text box
 * @csspart options - the checkbox list
 * @csspart option - each choice
 *
 * @cssproperty --pv-tagbox-list-height - Maximum height of the choice list before it scrolls.
 */
export class PvTagboxQuestion extends PvQuestionElement<QuestionTagboxModel> {
  static override styles = styles;

  /** What the respondent typed into the filter box. */
  @state() private filterText = '';

  /** Index of the chip removed last, so focus can stay in the chip row. */
  private removedChipIndex: number | undefined;

  get filterId(): string {
    return `${this.question.id}_filter`;
  }

  get listId(): string {
    return `${this.question.id}_list`;
  }

  /** Whether the filter box is shown (survey-core's `searchEnabled`, on by default). */
  get hasFilter(): boolean {
    return this.question.searchEnabled !== false;
  }

  private selectedItems(): ItemValue[] {
    const q = this.question;
    const value: unknown = q.value;
    const values: unknown[] = Array.isArray(value) ? value : [];
    const items: ItemValue[] = [];
    for (const v of values) {
      const item = q.visibleChoices.find((choice) => choice.value === v) ?? q.getItemByValue?.(v);
      if (item) items.push(item);
    }
    return items;
  }

  private matchesFilter(item: ItemValue): boolean {
    const needle = this.filterText.trim().toLocaleLowerCase();
    if (!needle) return true;
    const text = locText(item.locText).toLocaleLowerCase();
    return this.question.searchMode === 'startsWith' ? text.startsWith(needle) : text.includes(needle);
  }

  protected override renderControl(): TemplateResult {
    const q = this.question;
    const chosen = this.selectedItems();
    const shown = q.visibleChoices.filter(
      (item) => this.matchesFilter(item) && !(q.hideSelectedItems && q.isItemSelected(item)),
    );
    return html`<div
      class="pv-tagbox"
      role="group"
      aria-labelledby=${this.titleId}
      aria-describedby=${this.describedBy}
    >
      ${chosen.length ? this.renderChips(chosen) : nothing}
      ${this.hasFilter ? this.renderFilter() : nothing}
      <div class="pv-options pv-tagbox-options" part="options" id=${this.listId}>
        ${repeat(
          shown,
          (item) => item.value,
          (item, index) => this.renderOption(item, !this.hasFilter && index === 0),
        )}
      </div>
      <p class="pv-tagbox-status" role="status">
        ${shown.length === 0 && this.filterText ? this.localize.t.noChoicesMatch : ''}
      </p>
    </div>`;
  }

  private renderChips(chosen: ItemValue[]): TemplateResult {
    const t = this.localize.t;
    return html`<ul class="pv-tagbox-chips" part="chips" aria-label=${t.selectedChoices}>
      ${chosen.map((item, index) => {
        const text = locText(item.locText);
        return html`<li>
          <button
            type="button"
            class="pv-tagbox-chip"
            part="chip"
            data-index=${index}
            aria-label=${t.removeChoice(text)}
            ?disabled=${this.isDisabled}
            @click=${() => this.unchoose(item, index)}
          >
            <span>${text}</span><span class="pv-tagbox-chip-x" aria-hidden="true">×</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private renderFilter(): TemplateResult {
    return html`<div class="pv-tagbox-filter">
      <label for=${this.controlId}>${this.localize.t.filterChoices}</label>
      <input
        type="text"
        id=${this.controlId}
        part="filter"
        autocomplete="off"
        aria-controls=${this.listId}
        aria-invalid=${this.hasErrors ? 'true' : 'false'}
        .value=${live(this.filterText)}
        ?disabled=${this.isDisabled}
        @input=${(event: Event) => {
          this.filterText = (event.target as HTMLInputElement).value;
        }}
      />
    </div>`;
  }

  private renderOption(item: ItemValue, first: boolean): TemplateResult {
    const q = this.question;
    const checked = q.isItemSelected(item);
    return html`<label class="pv-option" part="option">
      <input
        type="checkbox"
        id=${first ? this.controlId : nothing}
        .checked=${live(checked)}
        ?disabled=${this.isDisabled || (!checked && !item.isEnabled)}
        @change=${(event: Event) => this.toggle(item, (event.target as HTMLInputElement).checked)}
      />
      <span>${locText(item.locText)}</span>
    </label>`;
  }

  private toggle(item: ItemValue, checked: boolean): void {
    if (this.isDisabled) return;
    this.question.clickItemHandler(item, checked);
    this.requestUpdate();
  }

  private unchoose(item: ItemValue, index: number): void {
    if (this.isDisabled) return;
    this.removedChipIndex = index;
    this.question.clickItemHandler(item, false);
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const index = this.removedChipIndex;
    if (index === undefined) return;
    this.removedChipIndex = undefined;
    // The pressed chip is gone: focus its neighbour, or the filter/list when none are left.
    const chips = Array.from(this.querySelectorAll<HTMLButtonElement>('.pv-tagbox-chip'));
    const next = chips[Math.min(index, chips.length - 1)];
    if (next) next.focus();
    else this.focusControl();
  }
}
