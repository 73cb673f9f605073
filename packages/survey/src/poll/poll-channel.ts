// With no collector, polls work between pages of one device (a presenter's laptop: one window
// on the projector, one passed round, or a tablet): votes and acknowledgements travel over a
// BroadcastChannel named after the poll. The results page acknowledges each vote id, so the
// voting page says "counted" only once a results view has really counted it.

/** A vote offered to the results views on this device. */
export interface ChannelVote {
  readonly type: 'vote';
  readonly id: string;
  readonly data: Record<string, unknown>;
}

/** A results view has counted (or had already counted) the vote with this id. */
export interface ChannelAck {
  readonly type: 'ack';
  readonly id: string;
}

export type ChannelMessage = ChannelVote | ChannelAck;

/** The channel shared by `<pv-poll>` and `<pv-poll-results>` for one poll. */
export function pollChannelName(pollId: string): string {
  return `pv-poll:${pollId}`;
}

/** Narrows a message from the channel; anything else on it is ignored. */
export function isChannelMessage(value: unknown): value is ChannelMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  if (typeof message.id !== 'string') return false;
  if (message.type === 'ack') return true;
  return message.type === 'vote' && typeof message.data === 'object' && message.data !== null;
}
