const EVENT_INIT: EventInit = { bubbles: true, composed: true };

/** Fired when a vote is kept on the device and offered to the collector (or the channel). */
export class PvVoteQueuedEvent extends Event {
  static readonly eventName = 'pv-vote-queued';
  constructor(readonly pollId: string) {
    super(PvVoteQueuedEvent.eventName, EVENT_INIT);
  }
}

/** Fired once the collector (or, with no collector, a results view) acknowledged the vote. */
export class PvVoteCountedEvent extends Event {
  static readonly eventName = 'pv-vote-counted';
  constructor(readonly pollId: string) {
    super(PvVoteCountedEvent.eventName, EVENT_INIT);
  }
}

/**
 * Fired when the vote will never count: `already-voted` (this device voted in this poll
 * before) or `refused` (the collector said no, e.g. the poll changed); `reason` says why.
 */
export class PvVoteRefusedEvent extends Event {
  static readonly eventName = 'pv-vote-refused';
  constructor(
    readonly pollId: string,
    readonly kind: 'already-voted' | 'refused',
    readonly reason: string,
  ) {
    super(PvVoteRefusedEvent.eventName, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pv-vote-queued': PvVoteQueuedEvent;
    'pv-vote-counted': PvVoteCountedEvent;
    'pv-vote-refused': PvVoteRefusedEvent;
  }
}
