import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

/**
 * The markup of a dropdown question's native `<select>`, from plain values, as
 * `<pv-dropdown-question>` draws it from survey-core. The early page writes the same markup as
 * text (survey/early-markup.ts); first-paint.test.ts holds the two equal. No survey-core here.
 */
export interface SelectMarkup {
  readonly id: string;
  readonly required: boolean;
  readonly invalid: boolean;
  readonly disabled: boolean;
  readonly describedBy: string | typeof nothing;
  /** The first option's text: a prompt, and "no answer" when the answer may be cleared. */
  readonly placeholder: string;
  /** Whether choosing the prompt again is refused (no `allowClear`, and answered). */
  readonly placeholderDisabled: boolean;
  /** No answer yet: the prompt is selected. */
  readonly empty: boolean;
  readonly options: ReadonlyArray<{ readonly label: string; readonly disabled: boolean; readonly selected: boolean }>;
  /** Called with the chosen option's index, or undefined for the prompt. */
  readonly onChange: (index: number | undefined, event: Event) => void;
}

/** `<div class="pv-dropdown"><select>…</select></div>`; option values are indexes. */
export function renderSelect(select: SelectMarkup): TemplateResult {
  return html`<div class="pv-dropdown">
    <select
      id=${select.id}
      part="select"
      ?disabled=${select.disabled}
      aria-required=${select.required ? 'true' : 'false'}
      aria-invalid=${select.invalid ? 'true' : 'false'}
      aria-describedby=${select.describedBy}
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        select.onChange(value === '' ? undefined : Number(value), event);
      }}
    >
      <option value="" ?disabled=${select.placeholderDisabled} .selected=${live(select.empty)}>${select.placeholder}</option>
      ${select.options.map(
        (option, index) =>
          html`<option value=${String(index)} ?disabled=${option.disabled} .selected=${live(option.selected)}>
            ${option.label}
          </option>`,
      )}
    </select>
  </div>`;
}
