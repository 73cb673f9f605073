import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ItemValue, QuestionRankingModel } from 'survey-core';
import { locText } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { styles } from './ranking-question.styles.js';

/** Which control should have focus after the list re-renders. */
interface PendingFocus {
  value: unknown;
  action: 'up' | 'down' | 'add' | 'remove';
}

/**
 * A SurveyJS `ranking` question without drag and drop: an ordered list where every item has
 * "Move up" and "Move down" buttons named after it, and a polite live region says where the
 * item now is ("“Science” is now 2 of 5"). Buttons at the ends stay focusable
 * (`aria-disabled`) so focus never drops to the page when an item reaches the top.
 * With `selectToRankEnabled` there are two lists: items to add to the ranking, and the
 * ranking itself. The value is the ordered array of choice values, as survey-core expects;
 * as in SurveyJS, the default order counts as an answer only once the respondent moves an item.
 *
 * @summary Put choices in order with buttons.
 *
 * @csspart question - the question container
 * @csspart list - the ranked list
 * @csspart item - each item
 * @csspart button - the move, add and remove buttons
 * @csspart unranked - the list of items not yet ranked (select-to-rank)
 */
export class PvRankingQuestion extends PvQuestionElement<QuestionRankingModel> {
  static override styles = styles;

  /** The last move, said by the live region. */
  @state() private announcement = '';

  private pendingFocus: PendingFocus | undefined;

  get statusId(): string {
    return `${this.question.id}_status`;
  }

  private text(item: ItemValue): string {
    return locText(item.locText);
  }

  protected override renderControl(): TemplateResult {
    const q = this.question;
    return html`<div
      class="pv-ranking ${q.selectToRankEnabled ? 'pv-ranking--select' : ''}"
      role="group"
      aria-labelledby=${this.titleId}
      aria-describedby=${this.describedBy}
    >
      ${q.selectToRankEnabled ? this.renderSelectToRank() : this.renderRanked(q.rankingChoices, false)}
      <p class="pv-visually-hidden" role="status" id=${this.statusId}>${this.announcement}</p>
    </div>`;
  }

  private renderRanked(items: ItemValue[], removable: boolean): TemplateResult {
    const q = this.question;
    const t = this.localize.t;
    const numbered = !q.isEmpty();
    const last = items.length - 1;
    return html`<ol class="pv-ranking-list" part="list">
      ${repeat(
        items,
        (item) => item.value,
        (item, index) => {
          const text = this.text(item);
          return html`<li class="pv-ranking-item" part="item" data-value=${String(item.value)}>
            <span class="pv-ranking-number" aria-hidden="true">${numbered ? index + 1 : ''}</span>
            <span class="pv-ranking-text">${text}</span>
            <span class="pv-ranking-buttons">
              ${this.renderButton('up', item, index, t.moveUp(text), index === 0, '↑')}
              ${this.renderButton('down', item, index, t.moveDown(text), index === last, '↓')}
              ${removable ? this.renderButton('remove', item, index, t.rankingRemove(text), false, '×') : nothing}
            </span>
          </li>`;
        },
      )}
    </ol>`;
  }

  private renderButton(
    action: PendingFocus['action'],
    item: ItemValue,
    index: number,
    label: string,
    atEnd: boolean,
    symbol: string,
  ): TemplateResult {
    const disabled = this.isDisabled || atEnd;
    return html`<button
      type="button"
      class="pv-ranking-button"
      part="button"
      data-action=${action}
      id=${index === 0 && action === 'up' ? this.controlId : nothing}
      aria-label=${label}
      aria-disabled=${disabled ? 'true' : 'false'}
      @click=${() => this.act(action, item)}
    >
      <span aria-hidden="true">${symbol}</span>
    </button>`;
  }

  private renderSelectToRank(): TemplateResult {
    const q = this.question;
    const t = this.localize.t;
    const full = !q.checkMaxSelectedChoicesUnreached();
    return html`<div class="pv-ranking-area">
        <h5 class="pv-ranking-heading" id="${q.id}_unranked">${t.unrankedChoices}</h5>
        <ul class="pv-ranking-list pv-ranking-list--unranked" part="unranked" aria-labelledby="${q.id}_unranked">
          ${repeat(
            q.unRankingChoices,
            (item) => item.value,
            (item, index) => {
              const text = this.text(item);
              const disabled = this.isDisabled || full || !item.isEnabled;
              return html`<li class="pv-ranking-item" part="item" data-value=${String(item.value)}>
                <span class="pv-ranking-text">${text}</span>
                <button
                  type="button"
                  class="pv-ranking-button"
                  part="button"
                  data-action="add"
                  id=${index === 0 ? `${this.controlId}_add` : nothing}
                  aria-label=${t.rankingAdd(text)}
                  aria-disabled=${disabled ? 'true' : 'false'}
                  @click=${() => this.act('add', item)}
                >
                  <span aria-hidden="true">+</span>
                </button>
              </li>`;
            },
          )}
        </ul>
      </div>
      <div class="pv-ranking-area">
        <h5 class="pv-ranking-heading" id="${q.id}_ranked">${t.rankedChoices}</h5>
        ${q.rankingChoices.length
          ? this.renderRanked(q.rankingChoices, true)
          : html`<p class="pv-ranking-empty">${locText(q.locSelectToRankEmptyRankedAreaText)}</p>`}
      </div>`;
  }

  /** The focus target for the error summary: the first enabled button. */
  override focusControl(): void {
    const target = this.querySelector<HTMLElement>('.pv-ranking-button[aria-disabled="false"]');
    if (target) target.focus();
    else super.focusControl();
  }

  private act(action: PendingFocus['action'], item: ItemValue): void {
    const q = this.question;
    if (this.isDisabled) return;
    const ranked = q.rankingChoices.map((choice) => choice.value as unknown);
    const from = ranked.indexOf(item.value);
    const t = this.localize.t;
    const text = this.text(item);
    let next: unknown[];
    if (action === 'up' || action === 'down') {
      const to = action === 'up' ? from - 1 : from + 1;
      if (from < 0 || to < 0 || to >= ranked.length) return;
      next = [...ranked];
      next.splice(from, 1);
      next.splice(to, 0, item.value);
      this.announcement = t.rankingMoved(text, to + 1, next.length);
    } else if (action === 'add') {
      if (!q.checkMaxSelectedChoicesUnreached() || !item.isEnabled) return;
      next = [...ranked, item.value];
      this.announcement = t.rankingMoved(text, next.length, next.length);
    } else {
      next = ranked.filter((value) => value !== item.value);
      this.announcement = t.rankingRemoved(text);
    }
    this.pendingFocus = { value: item.value, action };
    q.value = next;
    q.isValueSetByUser = true;
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const pending = this.pendingFocus;
    if (!pending) return;
    this.pendingFocus = undefined;
    // Re-ordering moves list items in the DOM, which drops focus; put it back on the item's
    // button, or on the other button once the item reaches an end.
    const items = Array.from(this.querySelectorAll<HTMLElement>('.pv-ranking-item'));
    const row = items.find((li) => li.dataset.value === String(pending.value));
    if (!row) return;
    const order: Array<PendingFocus['action']> =
      pending.action === 'up' ? ['up', 'down'] : pending.action === 'down' ? ['down', 'up'] : ['remove', 'add', 'up', 'down'];
    for (const action of order) {
      const button = row.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
      if (button && button.getAttribute('aria-disabled') !== 'true') {
        button.focus();
        return;
      }
    }
    row.querySelector<HTMLButtonElement>('button')?.focus();
  }
}
