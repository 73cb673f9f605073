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
 * A panel whose definition sets `state: "collapsed"` or `"expanded"` gets a disclosure button
 * in its title (`aria-expanded`, `aria-controls`); its questions are not rendered while it is
 * collapsed, as in survey-core's own renderers.
 *
 * @csspart panel - the group
 * @csspart panel-toggle - the title button of a collapsible panel
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
    .pv-panel-toggle {
      font: inherit;
      color: inherit;
      background: none;
      border: 0;
      padding: 0.25rem 0;
      min-height: var(--pv-target-size, 44px);
      width: 100%;
      text-align: start;
      cursor: pointer;
      display: flex;
      align-items: center;
      gap: var(--pv-space-s, 0.5rem);
    }
    .pv-panel-toggle::before {
      content: '';
      flex: none;
      width: 0.5rem;
      height: 0.5rem;
      border-right: 2px solid currentColor;
      border-bottom: 2px solid currentColor;
      transform: rotate(45deg);
      margin: 0 0.25rem;
    }
    .pv-panel-toggle[aria-expanded='false']::before {
      transform: rotate(-45deg);
    }
    .pv-panel-content[hidden] {
      display: none;
    }
  `;

  /** The survey-core panel to render. */
  @property({ attribute: false }) panel!: PanelModel;
  /** See PvQuestionElement.revision. */
  @property({ type: Number }) revision = 0;
  /** See PvQuestionElement.leaving. */
  leaving = false;

  private readonly model = new SurveyModelController(this);
  private readonly localize = new LocalizeController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return !this.leaving && super.shouldUpdate(changed);
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
    const descriptionId = `${panel.id}_description`;
    const errorsId = `${panel.id}_errors`;
    const contentId = `${panel.id}_content`;
    const hasTitle = panel.hasTitle;
    // A definition may make a panel collapsible (state "collapsed" or "expanded"); its title
    // then becomes a disclosure button.
    const collapsible = hasTitle && panel.state !== 'default' && !!panel.state;
    const collapsed = collapsible && panel.isCollapsed;
    const describedBy = [panel.hasDescription ? descriptionId : '', panel.errors.length ? errorsId : '']
      .filter(Boolean)
      .join(' ');
    const title = html`${panel.no ? html`<span class="pv-number">${panel.no}</span> ` : nothing}${renderLocString(
      panel.locTitle,
    )}${panel.isRequired
      ? html`<span class="pv-required" aria-hidden="true"> *</span><span class="pv-visually-hidden"> ${this.localize.t.requiredHint}</span>`
      : nothing}`;
    return html`<section
      class="pv-panel"
      part="panel"
      role="group"
      aria-labelledby=${hasTitle ? titleId : nothing}
      aria-describedby=${describedBy || nothing}
    >
      ${hasTitle
        ? html`<h4 class="pv-panel-title" id=${titleId}>
            ${collapsible
              ? html`<button
                  type="button"
                  class="pv-panel-toggle"
                  part="panel-toggle"
                  aria-expanded=${collapsed ? 'false' : 'true'}
                  aria-controls=${contentId}
                  @click=${() => panel.toggleState()}
                >
                  ${title}
                </button>`
              : title}
          </h4>`
        : nothing}
      ${panel.hasDescription
        ? html`<div class="pv-description" id=${descriptionId}>${renderLocString(panel.locDescription)}</div>`
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
      <div class="pv-panel-content" id=${contentId} ?hidden=${collapsed}>
        ${collapsed ? nothing : renderElements(panel, this.revision)}
      </div>
    </section>`;
  }
}
