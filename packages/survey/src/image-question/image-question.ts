import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { QuestionImageModel } from 'survey-core';
import { locText } from '../loc-string.js';
import { PvQuestionElement } from '../question/question-element.js';
import { isSafeImageUrl, isSafeLinkUrl } from '../sanitize.js';
import { styles } from './image-question.styles.js';

/**
 * Shows the picture of a SurveyJS `image` question. Its text alternative is the definition's
 * `altText`, else an explicit title; with neither the image is treated as decorative (`alt=""`).
 * Only URLs that pass `isSafeImageUrl` are loaded. Videos (`contentMode` video or YouTube) are
 * not embedded: the respondent gets a plain notice and, when the URL is safe, a link to watch
 * it in a new tab, so nothing plays or tracks inside the survey.
 *
 * @summary A non-answerable picture between questions.
 *
 * @csspart question - the question container
 * @csspart image - the `<img>`
 * @csspart video-notice - the notice shown instead of a video
 */
export class PvImageQuestion extends PvQuestionElement<QuestionImageModel> {
  static override styles = styles;

  /** An image has no visible title by default; an empty hidden heading would only be noise. */
  protected override renderTitle(): TemplateResult {
    return this.question.hasTitle ? super.renderTitle() : html``;
  }

  /** The text alternative: `altText`, else a title the author wrote (never the bare name). */
  get altText(): string {
    const q = this.question;
    const alt = q.renderedAltText ?? '';
    if (alt && alt !== q.name) return alt;
    return q.locTitle.isEmpty ? '' : locText(q.locTitle);
  }

  protected override renderControl(): TemplateResult | typeof nothing {
    const q = this.question;
    const url = q.imageLink ?? '';
    if (q.renderedMode === 'video' || q.renderedMode === 'youtube') return this.renderVideoNotice(url);
    if (!url || !isSafeImageUrl(url)) {
      const alt = this.altText;
      return alt ? html`<p class="pv-image-missing">${alt}</p>` : nothing;
    }
    const size = {
      width: q.renderedWidth ? `${q.renderedWidth}px` : undefined,
      height: q.renderedHeight ? `${q.renderedHeight}px` : undefined,
      'object-fit': q.imageFit || undefined,
    };
    return html`<img
      class="pv-image"
      part="image"
      id=${this.controlId}
      src=${url}
      alt=${this.altText}
      style=${styleMap(size)}
    />`;
  }

  private renderVideoNotice(url: string): TemplateResult {
    const t = this.localize.t;
    return html`<p class="pv-video-notice" part="video-notice" role="note" id=${this.controlId}>
      ${t.videoNotShown}
      ${url && isSafeLinkUrl(url) && /^https?:/i.test(url.trim())
        ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${t.watchVideo}</a>`
        : nothing}
    </p>`;
  }
}
