/** What an authoring warning is about. */
export type PvAuthoringWarningKind = 'unknown-audience' | 'required-sensitive';

/**
 * A mistake in how the survey was set up that the respondent does not see but the author
 * should fix: an unknown audience, or a sensitive question a pupil is made to answer. Also
 * written to the console.
 */
export class PvAuthoringWarningEvent extends Event {
  static readonly eventName = 'pv-authoring-warning';
  constructor(
    readonly kind: PvAuthoringWarningKind,
    readonly message: string,
    /** The questions concerned, by name (for `required-sensitive`). */
    readonly questions: readonly string[] = [],
  ) {
    super(PvAuthoringWarningEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pv-authoring-warning': PvAuthoringWarningEvent;
  }
}
