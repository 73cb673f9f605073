import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';

/**
 * Native option lists for choice questions (radiogroup, checkbox, boolean, and any element that
 * shows a list of radios or checkboxes: imagepicker, rating, matrix rows).
 *
 * Why native inputs: radios that share a `name` already behave as the ARIA radiogroup pattern
 * in every browser. Chromium makes the group one tab stop (the checked radio, else the first),
 * moves and selects with the arrow keys, wraps from last to first, skips disabled radios, and
 * swaps Left/Right when the computed direction is `rtl` (checked in
 * radiogroup-question.test.ts), so no script keeps a roving tabindex in step. Checkboxes keep
 * one tab stop each, as the checkbox pattern expects. Screen readers announce the role, the
 * label and "n of m" without any ARIA on the options.
 *
 * These helpers only render; the caller decides what a change means for its model and renders
 * the group container's ARIA (see `renderChoiceGroup`).
 */

/** One native radio or checkbox with its label. */
export interface ChoiceOption {
  /** Id of the `<input>`; unique within the survey's shadow root. */
  readonly id: string;
  /** The input's `value` attribute. Handlers receive the option, so this is informational. */
  readonly value: string;
  /** The label's content: use `renderLocString` for survey text. */
  readonly label: TemplateResult | string | typeof nothing;
  readonly checked: boolean;
  readonly disabled: boolean;
  /**
   * Rendered below the option and outside its `<label>` (so clicking it does not toggle the
   * option): the description box of "Other", a hint. Stays next to its option in every layout.
   */
  readonly detail?: TemplateResult | typeof nothing;
  /** Extra space-separated part names for the option's `<label>`, after `option`. */
  readonly part?: string;
}

/** Called when the respondent changes an option; `input.checked` is the new state. */
export type ChoiceChangeHandler<O extends ChoiceOption = ChoiceOption> = (
  option: O,
  input: HTMLInputElement,
  event: Event,
) => void;

/**
 * How options are laid out: `0` flows them in a row that wraps (survey-core's `colCount: 0`),
 * `1` stacks them, `n > 1` fills `n` columns top to bottom, the same order survey-core's
 * default `itemFlowDirection` uses. DOM order is always the reading and arrow-key order.
 * Columns fall back to one stack when the group is narrower than about 30rem.
 */
export type ChoiceColumns = number;

/** Renders one option: `<label class="pv-option"><input> text</label>` and its detail. */
export function renderChoiceOption<O extends ChoiceOption>(
  type: 'radio' | 'checkbox',
  name: string,
  option: O,
  onChange: ChoiceChangeHandler<O>,
): TemplateResult {
  const part = option.part ? `option ${option.part}` : 'option';
  return html`<div class="pv-choice ${option.checked ? 'pv-choice--checked' : ''}">
    <label class="pv-option" part=${part}>
      <input
        type=${type}
        id=${option.id}
        name=${name}
        .value=${option.value}
        .checked=${live(option.checked)}
        ?disabled=${option.disabled}
        @change=${(event: Event) => onChange(option, event.currentTarget as HTMLInputElement, event)}
      />
      <span class="pv-option-label">${option.label}</span>
    </label>
    ${option.detail ?? nothing}
  </div>`;
}

/** The container's ARIA and the options of a choice group. */
export interface ChoiceGroup<O extends ChoiceOption = ChoiceOption> {
  /** `radiogroup` for single choice, `group` for multiple choice. */
  readonly role: 'radiogroup' | 'group';
  /** Native input type: radios for a radiogroup, checkboxes for a group. */
  readonly type: 'radio' | 'checkbox';
  /** Shared `name`; for radios it makes the browser treat them as one group (one tab stop). */
  readonly name: string;
  /** Id of the question title (the group's accessible name). */
  readonly labelledBy: string;
  readonly describedBy?: string | typeof nothing;
  /** Sets `aria-required`; only valid on `radiogroup`, ignored for `group`. */
  readonly required?: boolean;
  /** Sets `aria-invalid` on a `radiogroup` (ARIA does not allow it on `group`). */
  readonly invalid?: boolean;
  /** Options before the main list, outside the columns (survey-core's "Select All"). */
  readonly head?: readonly O[];
  readonly options: readonly O[];
  /** Options after the main list, outside the columns ("None", "Other"). */
  readonly foot?: readonly O[];
  readonly columns?: ChoiceColumns;
  readonly onChange: ChoiceChangeHandler<O>;
  /**
   * Called on `mousedown` inside the group: survey-core's radiogroup advances to the next page
   * automatically (`autoAdvanceEnabled`) only for pointer answers, which it learns from
   * `question.onMouseDown()`; arrow keys must not jump pages.
   */
  readonly onPointerAnswer?: () => void;
  /** Called on `keydown` inside the group (e.g. survey-core's Enter-to-advance for radios). */
  readonly onKeyDown?: (event: KeyboardEvent) => void;
  /** Part name of the container. */
  readonly part?: string;
}

/** Renders the group container (role, name, description, state) and its options. */
export function renderChoiceGroup<O extends ChoiceOption>(group: ChoiceGroup<O>): TemplateResult {
  const columns = group.columns ?? 1;
  const layout = columns === 0 ? 'pv-options--row' : columns > 1 ? 'pv-options--columns' : '';
  const rows = columns > 1 ? Math.ceil(group.options.length / columns) : 1;
  const isRadiogroup = group.role === 'radiogroup';
  const render = (option: O) => renderChoiceOption(group.type, group.name, option, group.onChange);
  const list = (options: readonly O[] | undefined, extra: string) =>
    options?.length ? html`<div class="pv-options ${extra}">${options.map(render)}</div>` : nothing;
  return html`<div
    class="pv-choices"
    part=${group.part ?? 'choices'}
    role=${group.role}
    aria-labelledby=${group.labelledBy}
    aria-describedby=${group.describedBy ?? nothing}
    aria-required=${isRadiogroup && group.required ? 'true' : nothing}
    aria-invalid=${isRadiogroup && group.invalid ? 'true' : nothing}
    @mousedown=${group.onPointerAnswer ?? nothing}
    @keydown=${group.onKeyDown ?? nothing}
  >
    ${list(group.head, 'pv-options--head')}
    <div
      class="pv-options ${layout}"
      style=${styleMap({ '--pv-choice-columns': String(columns || 1), '--pv-choice-rows': String(rows) })}
    >
      ${group.options.map(render)}
    </div>
    ${list(group.foot, 'pv-options--foot')}
  </div>`;
}

/**
 * Styles for the markup above. Include them in the `static styles` of every element that uses
 * these helpers (`[choiceOptionStyles, styles]`); `<pv-survey>` adopts each sheet once.
 */
export const choiceOptionStyles = css`
  .pv-choices {
    container-type: inline-size;
    display: flex;
    flex-direction: column;
    gap: var(--_s, 0.5rem);
  }
  .pv-options--row {
    flex-direction: row;
    flex-wrap: wrap;
    column-gap: var(--_m, 1rem);
  }
  .pv-options--columns {
    display: grid;
    grid-auto-flow: column;
    grid-template-columns: repeat(var(--pv-choice-columns), minmax(0, 1fr));
    grid-template-rows: repeat(var(--pv-choice-rows), auto);
    column-gap: var(--_m, 1rem);
  }
  @container (max-width: 30rem) {
    .pv-options--columns {
      display: flex;
      flex-direction: column;
    }
  }
  .pv-options--head {
    padding-bottom: var(--_s, 0.5rem);
    border-bottom: 1px solid var(--_border, #6f777b);
  }
  .pv-options--foot {
    padding-top: var(--_s, 0.5rem);
    border-top: 1px solid var(--_border, #6f777b);
  }
  .pv-choice {
    display: flex;
    flex-direction: column;
    gap: var(--_s, 0.5rem);
    min-width: 0;
  }
  .pv-option:has(input:disabled) {
    cursor: default;
    color: var(--_muted, #484949);
  }
  .pv-option:has(input:disabled):hover {
    background: none;
  }
  .pv-option-label {
    overflow-wrap: anywhere;
  }
  .pv-choice-comment {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-inline-start: calc(1.5rem + var(--_s, 0.5rem) * 2);
  }
  .pv-choice-comment-label {
    font-size: 0.9375rem;
  }
`;
