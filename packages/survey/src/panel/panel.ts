import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { PanelModel } from 'survey-core';
import { renderLocString } from '../loc-string.js';
import { SurveyModelController } from '../model-controller.js';
import { renderElements } from '../question/render-element.js';
import { LocalizeController } from '../strings/localize-controller.js';

/**
 * A survey-core panel: a titled group of questions (`role="group"` labelled by its title).
 * Renders into its own light DOM inside `<pv-survey>`'s shadow root, like question elements.
 *
 * @csspart panel - the group
 */
export class PvPanel extends LitElement {
  static override styles = css`
    .pv-panel {
      border: 1px solid var(--pv-color-border, #b1b4b6);
      border-radius: var(--pv-radius, 6px);
      padding: var(--pv-space-m, 1rem);
      margin: 0 0 var(--pv-space-l, 1.5rem);
    }
    .pv-panel-title {
      font-size: 1.125rem;
      margin: 0 0 var(--pv-space-s, 0.5rem);
    }
  `;

  /** The survey-core panel to render. */
  @property({ attribute: false }) panel!: PanelModel;
  /** See PvQuestionElement.revision. */
  @property({ type: Number }) revision = 0;

  private readonly model = new SurveyModelController(this);
  private readonly localize = new LocalizeController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('panel')) this.model.observe(this.panel);
  }

  /** Focuses the first control inside the panel. */
  focusControl(): void {
    this.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    const panel = this.panel;
    if (!panel) return nothing;
    const titleId = `${panel.id}_title`;
    const hasTitle = panel.hasTitle;
    const errorsId = `${panel.id}_errors`;
    return html`<section
      class="pv-panel"
      part="panel"
      role="group"
      aria-labelledby=${hasTitle ? titleId : nothing}
      aria-describedby=${panel.errors.length ? errorsId : nothing}
    >
      ${hasTitle
        ? html`<h4 class="pv-panel-title" id=${titleId}>${renderLocString(panel.locTitle)}</h4>`
        : nothing}
      ${panel.hasDescription
        ? html`<div class="pv-description">${renderLocString(panel.locDescription)}</div>`
        : nothing}
      ${panel.errors.length
        ? html`<div class="pv-errors" id=${errorsId}>
            ${panel.errors.map(
              (error) => html`<p class="pv-error-message">
                <span class="pv-visually-hidden">${this.localize.t.errorPrefix}</span>
                ${error.getText()}
              </p>`,
            )}
          </div>`
        : nothing}
      ${renderElements(panel, this.revision)}
    </section>`;
  }
}
