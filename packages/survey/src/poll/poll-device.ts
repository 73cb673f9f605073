// What a device remembers about a poll, in localStorage under `pv-poll:<poll id>`:
//   { "ballot": "<16 random bytes, base64url>", "state": "pending" | "counted" | "already-voted",
//     "vote": { "id": "<uuid>", "data": { … } } }     ← only while pending
// The ballot is made for this one poll (so two polls' ballots cannot be matched) and is the
// only thing that makes "one vote per device" work: no cookie, no IP, no fingerprint. The vote
// (its id and answer) is kept only until the collector acknowledges it, then forgotten, so
// the device keeps no link from its ballot to its answer, and the collector keeps the ballot
// only as a poll-bound hash in a table that has no response id (see the collector README).

/** Where a device's vote in one poll stands. */
export type DeviceVoteState = 'pending' | 'counted' | 'already-voted';

/** A device's record for one poll. */
export interface DeviceVote {
  readonly ballot: string;
  readonly state: DeviceVoteState;
  /** The vote itself, kept only until it is acknowledged. */
  readonly vote?: { readonly id: string; readonly data: Record<string, unknown> };
}

/** The localStorage key of a poll's device record. */
export function deviceKey(pollId: string): string {
  return `pv-poll:${pollId}`;
}

/** A fresh ballot: 16 random bytes (128 bits) as base64url, what the collector accepts. */
export function newBallot(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function parse(text: string | null): DeviceVote | undefined {
  if (text === null) return undefined;
  try {
    const value = JSON.parse(text) as Partial<DeviceVote>;
    if (typeof value.ballot !== 'string') return undefined;
    if (value.state !== 'pending' && value.state !== 'counted' && value.state !== 'already-voted') return undefined;
    if (value.state === 'pending' && (typeof value.vote?.id !== 'string' || typeof value.vote.data !== 'object')) return undefined;
    return value as DeviceVote;
  } catch {
    return undefined;
  }
}

/**
 * The device's record for a poll, or undefined if this device has not voted. Storage that is
 * switched off (some private modes) reads as "not voted": the vote still works, but a reload
 * could vote again; the collector then refuses nothing, as there is no lasting ballot.
 */
export function readDeviceVote(pollId: string): DeviceVote | undefined {
  try {
    return parse(localStorage.getItem(deviceKey(pollId)));
  } catch {
    return undefined;
  }
}

/** Writes the device's record; false if the device cannot keep it. */
export function writeDeviceVote(pollId: string, record: DeviceVote): boolean {
  try {
    localStorage.setItem(deviceKey(pollId), JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/** Parses a `storage` event's new value for this poll (another tab voted). */
export function deviceVoteFromEvent(pollId: string, event: StorageEvent): DeviceVote | undefined | null {
  if (event.key !== deviceKey(pollId)) return null;
  return parse(event.newValue);
}

/** Removes the device's record (a refused vote: nothing was counted). */
export function forgetDeviceVote(pollId: string): void {
  try {
    localStorage.removeItem(deviceKey(pollId));
  } catch {
    // Storage switched off: there was nothing kept.
  }
}
