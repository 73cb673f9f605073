import { html, type TemplateResult } from 'lit';

/** Beyond this many questions the steps become a bar: a row of 40 dots is not a picture. */
const MAX_STEPS = 15;

/**
 * Progress for young children, in pictures and words: a row of steps (done ones ticked, the
 * current one a star) and "Question 2 of 6". The steps are a picture only (hidden from screen
 * readers); the progressbar says the same words. Flex order follows the reading direction, so
 * in Urdu and Arabic the steps run right to left.
 */
export function renderPictureProgress(position: number, total: number, label: string, words: string): TemplateResult {
  const steps = Array.from({ length: total }, (_, index) => index + 1);
  return html`<div class="pv-progress pv-progress--pictures" part="progress">
    <div
      class="pv-steps-frame"
      role="progressbar"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax=${total}
      aria-valuenow=${position}
      aria-valuetext=${words}
    >
      ${total <= MAX_STEPS
        ? html`<ol class="pv-steps" aria-hidden="true">
            ${steps.map(
              (step) =>
                html`<li class="pv-step ${step < position ? 'pv-step--done' : step === position ? 'pv-step--current' : ''}">
                  ${step < position ? '✓' : step === position ? '★' : ''}
                </li>`,
            )}
          </ol>`
        : html`<div class="pv-progress-track" aria-hidden="true">
            <div class="pv-progress-fill" style="inline-size: ${Math.round((position / total) * 100)}%"></div>
          </div>`}
    </div>
    <p class="pv-progress-text pv-progress-words" aria-hidden="true">${words}</p>
  </div>`;
}
