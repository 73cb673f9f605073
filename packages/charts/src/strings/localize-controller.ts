import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cy } from './cy.js';
import { en } from './en.js';
import type { ChartTranslation } from './translation.js';

const TRANSLATIONS: Record<string, ChartTranslation> = { en, cy };

/** The translation for a language tag, falling back to English. */
export function chartTranslationFor(lang: string | null | undefined): ChartTranslation {
  const primary = (lang ?? '').toLowerCase().split('-')[0] ?? '';
  return TRANSLATIONS[primary] ?? en;
}

/**
 * Gives a chart element its words in the language of the nearest `lang` attribute (its own,
 * an ancestor's across shadow roots, then `<html lang>`); no page-global setting.
 */
export class ChartLocalizeController implements ReactiveController {
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get lang(): string {
    let node: Node | null = this.host;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? 'en';
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return document.documentElement.lang || 'en';
  }

  get t(): ChartTranslation {
    return chartTranslationFor(this.lang);
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
