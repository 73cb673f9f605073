import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizableString } from 'survey-core';
import { renderLocString } from '../loc-string.js';
import type { Glossary } from './glossary.js';
import { splitAtTerms } from './split-at-terms.js';

/**
 * Renders a survey string with its glossary terms as `<pv-term>` (first occurrence of each).
 * Plain strings only: HTML strings are rendered as before, and an author who writes HTML can
 * mark terms with `<pv-term>` directly. Without a glossary this is `renderLocString`.
 */
export function renderWithTerms(
  str: LocalizableString | undefined | null,
  glossary: Glossary | undefined,
  lang: string,
): TemplateResult | string | typeof nothing {
  if (!str) return nothing;
  if (!glossary || glossary.terms.length === 0 || str.hasHtml) return renderLocString(str);
  const text = str.renderedHtml ?? '';
  const segments = splitAtTerms(text, glossary.terms);
  if (segments.length === 1) return text;
  return html`${segments.map((segment) =>
    segment.term
      ? html`<pv-term term=${segment.term} .explanation=${glossary.explain(segment.term, lang)}>${segment.text}</pv-term>`
      : segment.text,
  )}`;
}
