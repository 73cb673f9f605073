import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cy } from './cy.js';
import { en } from './en.js';
import type { Translation } from './translation.js';

const TRANSLATIONS: Record<string, Translation> = { en, cy };

/** Picks the translation for a language tag, falling back to English. */
export function translationFor(lang: string | null | undefined): Translation {
  const primary = (lang ?? '').toLowerCase().split('-')[0] ?? '';
  return TRANSLATIONS[primary] ?? en;
}

/**
 * The language of the nearest `lang` attribute: the element's own, an ancestor's (across shadow
 * roots), then `<html lang>`, then English.
 */
export function languageOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? 'en';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}

/**
 * Gives an element its UI strings in the language of the nearest `lang` attribute: its own,
 * an ancestor's (across shadow roots), then `<html lang>`. There is no page-global setting:
 * two surveys on one page may speak different languages. A MutationObserver on `<html lang>`
 * catches a site's language switcher.
 */
export class LocalizeController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private observer?: MutationObserver;
  /** An explicit language (e.g. the survey's locale) that wins over the DOM. */
  override?: string;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  get lang(): string {
    return this.override || languageOf(this.host);
  }

  get t(): Translation {
    return translationFor(this.lang);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
