import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { LocalizableString } from 'survey-core';
import { sanitizeHtml } from './sanitize.js';

/**
 * Renders a survey-core string. Plain strings (the normal case) go through a Lit text binding,
 * so `<b>` in a title is shown as text. Only when survey-core reports HTML (markdown handled by
 * the integrator through `onTextMarkdown`) is it injected, and then only after sanitising.
 */
export function renderLocString(
  str: LocalizableString | undefined | null,
): TemplateResult | string | typeof nothing {
  if (!str) return nothing;
  const text = str.renderedHtml ?? '';
  if (str.hasHtml) return html`${unsafeHTML(sanitizeHtml(text))}`;
  return text;
}

/** The plain text of a survey-core string, for attributes such as `aria-label` and `alt`. */
export function locText(str: LocalizableString | undefined | null): string {
  if (!str) return '';
  const text = str.renderedHtml ?? '';
  if (!str.hasHtml) return text;
  const doc = new DOMParser().parseFromString(sanitizeHtml(text), 'text/html');
  return doc.body.textContent ?? '';
}
