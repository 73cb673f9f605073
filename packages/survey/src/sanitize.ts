/**
 * survey-core does no sanitising: HTML questions, `completedHtml`, markdown output and answers
 * piped into them (`{name}`) reach the renderer raw. Everything HTML we put in the DOM goes
 * through this allowlist first. It parses with `DOMParser`, whose documents never run scripts
 * or fetch images, then rebuilds only the elements and attributes below.
 */

/** Elements kept as they are (their attributes are still filtered). */
const ALLOWED_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'div', 'dl', 'dt', 'em',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'li', 'mark',
  'ol', 'p', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
  // A glossary term: our own element, which renders its word and explanation as text.
  'pv-term',
]);

/** Elements dropped together with everything inside them. */
const DROPPED_ELEMENTS = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'noscript', 'noembed', 'textarea', 'select', 'option', 'form', 'input',
  'button', 'link', 'meta', 'base', 'title', 'head', 'video', 'audio', 'source', 'track',
  'canvas', 'dialog', 'portal', 'slot',
]);

const GLOBAL_ATTRIBUTES = new Set(['title', 'lang', 'dir']);
const ELEMENT_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  a: new Set(['href']),
  img: new Set(['src', 'alt', 'width', 'height']),
  td: new Set(['colspan', 'rowspan']),
  th: new Set(['colspan', 'rowspan', 'scope']),
  ol: new Set(['start']),
  abbr: new Set(['title']),
  'pv-term': new Set(['term']),
};

const SAFE_LINK = /^(?:https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:]*$)/i;
const SAFE_IMAGE = /^(?:https?:|\/|\.{0,2}\/|data:image\/(?:png|gif|jpe?g|webp);base64,|[^:]*$)/i;

/** True when a URL is safe to put in `href` (no `javascript:`, `data:` or other schemes). */
export function isSafeLinkUrl(url: string): boolean {
  return SAFE_LINK.test(normaliseUrl(url));
}

/** True when a URL is safe to put in an image `src`. */
export function isSafeImageUrl(url: string): boolean {
  return SAFE_IMAGE.test(normaliseUrl(url));
}

// Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
function normaliseUrl(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

function cleanChildren(source: Node, target: Node, doc: Document): void {
  for (const child of Array.from(source.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      target.appendChild(doc.createTextNode(child.textContent ?? ''));
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const element = child as Element;
      const tag = element.localName;
      if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml' || DROPPED_ELEMENTS.has(tag)) {
        continue;
      }
      if (!ALLOWED_ELEMENTS.has(tag)) {
        // Unknown but harmless wrappers (font, center, custom tags) keep their text.
        cleanChildren(element, target, doc);
        continue;
      }
      const clean = doc.createElement(tag);
      copySafeAttributes(element, clean);
      cleanChildren(element, clean, doc);
      target.appendChild(clean);
    }
    // Comments, processing instructions and CDATA are dropped.
  }
}

function copySafeAttributes(from: Element, to: Element): void {
  const allowed = ELEMENT_ATTRIBUTES[from.localName];
  for (const { name, value } of Array.from(from.attributes)) {
    if (!GLOBAL_ATTRIBUTES.has(name) && !allowed?.has(name)) continue;
    if (name === 'href' && !isSafeLinkUrl(value)) continue;
    if (name === 'src' && !isSafeImageUrl(value)) continue;
    if (name === 'dir' && !/^(?:ltr|rtl|auto)$/i.test(value)) continue;
    to.setAttribute(name, value);
  }
  if (from.localName === 'img' && !to.hasAttribute('alt')) {
    // An image the author gave no text is treated as decoration, not announced as a file name.
    to.setAttribute('alt', '');
  }
  if (from.localName === 'a' && to.hasAttribute('href')) {
    // Links leave the survey in a new tab so a half-finished survey is never navigated away.
    to.setAttribute('target', '_blank');
    to.setAttribute('rel', 'noopener noreferrer');
  }
}

/** Returns HTML containing only allowlisted elements and attributes, safe for `unsafeHTML`. */
export function sanitizeHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.implementation.createHTMLDocument('');
  const container = out.createElement('div');
  cleanChildren(parsed.body, container, out);
  return container.innerHTML;
}
