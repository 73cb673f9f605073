/**
 * Asked by a `<pv-term>` that was given no explanation: whoever holds a glossary (the
 * `<pv-survey>` around it) sets `explanation`. The same request-and-answer shape as the
 * Web Components context protocol, so a term written in a definition's HTML finds its survey's
 * glossary without a page-global registry.
 */
export class PvTermLookupEvent extends Event {
  static readonly eventName = 'pv-term-lookup';
  /** The answer: the explanation in the asking element's language, if there is one. */
  explanation?: string;
  constructor(
    readonly term: string,
    readonly lang: string,
  ) {
    super(PvTermLookupEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pv-term-lookup': PvTermLookupEvent;
  }
}
