import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PanelModel, QuestionPanelDynamicModel } from 'survey-core';
import { locText, renderLocString } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { elementsDrawn } from '../question/elements-drawn.js';
import { renderElements } from '../question/render-element.js';
import { styles } from './paneldynamic-question.styles.js';

const FOCUSABLE_CONTROL =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * A repeatable set of questions (survey-core `paneldynamic`), such as "tell us about each club
 * you go to". Every entry is a `role="group"` named by its heading: the definition's
 * `templateTitle` (with `{panelIndex}` and piped answers) or "Entry N". The nested questions
 * are rendered through the same dispatch as a page, so every question type works inside.
 *
 * The Add and Remove buttons use the model's own texts (`panelAddText`, `panelRemoveText`) and
 * appear only while survey-core allows them (`minPanelCount`, `maxPanelCount`,
 * `allowAddPanel`, `allowRemovePanel`, read-only). Each Remove button's accessible name also
 * names its entry. Focus follows the change: after Add it moves to the new entry's first
 * control; after Remove, to the heading of the entry that took its place (or the one before),
 * or to the Add button when no entries are left.
 *
 * Every entry is shown as a list; the carousel and tab display modes render as a list too.
 *
 * @summary Repeated groups of questions with Add and Remove.
 *
 * @csspart question - the question frame
 * @csspart entries - the list of entries
 * @csspart entry - one entry (a group)
 * @csspart entry-heading - the heading of an entry
 * @csspart add-button - the Add button
 * @csspart remove-button - each Remove button
 *
 * @cssproperty --pv-paneldynamic-entry-border - Border of each entry.
 */
export class PvPanelDynamicQuestion extends PvQuestionElement<QuestionPanelDynamicModel> {
  static override styles = styles;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const q = this.question;
    if (!q) return;
    this.model.observe(q, ...q.visiblePanels);
  }

  override focusControl(): void {
    const target =
      this.querySelector<HTMLElement>('[aria-invalid="true"]:not([disabled])') ??
      this.querySelector<HTMLElement>(FOCUSABLE_CONTROL);
    (target ?? this.querySelector<HTMLElement>('.pv-paneldynamic'))?.focus();
  }

  private headingId(panel: PanelModel): string {
    return `${panel.id}_heading`;
  }

  /** The entry's name: the definition's templateTitle when it has one, else "Entry N". */
  private entryTitle(panel: PanelModel, index: number): TemplateResult | string | typeof nothing {
    return panel.hasTitle ? renderLocString(panel.locTitle) : this.localize.t.panelHeading(index + 1);
  }

  private entryTitleText(panel: PanelModel, index: number): string {
    return panel.hasTitle ? locText(panel.locTitle) : this.localize.t.panelHeading(index + 1);
  }

  protected override renderControl(): TemplateResult {
    const q = this.question;
    const panels = q.visiblePanels;
    return html`<div
      class="pv-paneldynamic"
      part="entries"
      role="group"
      tabindex="-1"
      aria-labelledby=${this.titleId}
      aria-describedby=${this.describedBy}
    >
      ${panels.length === 0
        ? html`<p class="pv-paneldynamic-empty">${renderLocString(q.locNoEntriesText)}</p>`
        : nothing}
      ${repeat(
        panels,
        (panel) => panel.id,
        (panel, index) => this.renderEntry(panel, index),
      )}
      ${q.canAddPanel
        ? html`<button
            type="button"
            class="pv-button pv-button--secondary pv-paneldynamic-add"
            part="add-button"
            @click=${() => void this.addEntry()}
          >
            ${q.panelAddText || this.localize.t.addPanel}
          </button>`
        : nothing}
    </div>`;
  }

  private renderEntry(panel: PanelModel, index: number): TemplateResult {
    const q = this.question;
    const headingId = this.headingId(panel);
    return html`<section
      class="pv-dynamic-panel"
      part="entry"
      role="group"
      aria-labelledby=${headingId}
      data-panel-id=${panel.id}
    >
      <h5 class="pv-dynamic-panel-heading" part="entry-heading" id=${headingId} tabindex="-1">
        ${this.entryTitle(panel, index)}
      </h5>
      ${panel.hasDescription
        ? html`<div class="pv-description">${renderLocString(panel.locDescription)}</div>`
        : nothing}
      ${renderElements(panel, this.revision)}
      ${q.canRemovePanel
        ? html`<button
            type="button"
            class="pv-button pv-button--secondary pv-paneldynamic-remove"
            part="remove-button"
            @click=${() => void this.removeEntry(panel)}
          >
            ${q.panelRemoveText
              ? html`${q.panelRemoveText}<span class="pv-visually-hidden">: ${this.entryTitleText(panel, index)}</span>`
              : this.localize.t.removePanel(index + 1)}
          </button>`
        : nothing}
    </section>`;
  }

  /** Waits until this element and everything rendered inside `root` has finished updating. */
  private async settled(root: ParentNode): Promise<void> {
    await this.updateComplete;
    await elementsDrawn(root);
  }

  private async addEntry(): Promise<void> {
    const panel = this.question.addPanelUI();
    if (!panel) return;
    await this.updateComplete;
    const entry = this.querySelector<HTMLElement>(`[data-panel-id="${CSS.escape(panel.id)}"]`);
    if (!entry) return;
    await this.settled(entry);
    const target =
      Array.from(entry.querySelectorAll<HTMLElement>(FOCUSABLE_CONTROL)).find(
        (control) => !control.classList.contains('pv-paneldynamic-remove'),
      ) ?? entry.querySelector<HTMLElement>('.pv-dynamic-panel-heading');
    target?.focus();
    target?.scrollIntoView?.({ block: 'nearest' });
  }

  private async removeEntry(panel: PanelModel): Promise<void> {
    const q = this.question;
    const position = q.visiblePanels.indexOf(panel);
    q.removePanelUI(panel);
    await this.updateComplete;
    // A definition with confirmDelete may keep the entry (the respondent said no).
    if (q.visiblePanels.includes(panel)) return;
    const panels = q.visiblePanels;
    const neighbour = panels[position] ?? panels[position - 1];
    const target = neighbour
      ? this.querySelector<HTMLElement>(`#${CSS.escape(this.headingId(neighbour))}`)
      : (this.querySelector<HTMLElement>('.pv-paneldynamic-add') ?? this.querySelector<HTMLElement>('.pv-paneldynamic'));
    target?.focus();
  }
}
