import { createHash, randomBytes } from 'node:crypto';
import { CollectorError } from '../errors.js';

/** How long a ticket may wait before it opens its stream. */
export const TICKET_LIFETIME_MS = 60_000;
/** Tickets waiting at once; the oldest goes first beyond this (only analysts can ask for one). */
const MAX_WAITING = 1_000;

/** The refusal of a stream ticket that is unknown, spent, expired or for another survey. */
export function ticketRefused(): CollectorError {
  return new CollectorError(
    401,
    'stream_ticket_invalid',
    'ticket',
    'this stream ticket is not valid (each opens one stream, within a minute of being issued): ask for a new one with POST /v1/polls/ID/ticket and Authorization: Bearer <analyst token>',
  );
}

const hashOf = (ticket: string): string => createHash('sha256').update(ticket, 'utf8').digest('hex');

/**
 * Short-lived, single-use tickets that let a browser's EventSource (which cannot send an
 * `Authorization` header) open a poll stream guarded by the analyst token. The page asks for
 * a ticket with the token in a header and puts only the ticket in the stream's URL, so the
 * long-lived token never lands in a URL, a server log or a proxy log, and a ticket that does
 * is spent (or expired) by then. Tickets live in this collector's memory: behind several
 * collectors, the ticket request and the stream must reach the same one (sticky sessions), or
 * the page falls back to asking again.
 */
export class StreamTickets {
  /** Hash of each waiting ticket → the survey it opens and when it expires. */
  private readonly waiting = new Map<string, { surveyId: string; expires: number }>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly lifetime = TICKET_LIFETIME_MS,
  ) {}

  /** A new ticket for one stream of this survey. */
  issue(surveyId: string): { ticket: string; expiresInSeconds: number } {
    this.prune();
    while (this.waiting.size >= MAX_WAITING) this.waiting.delete(this.waiting.keys().next().value!);
    const ticket = `pvs_${randomBytes(24).toString('base64url')}`;
    this.waiting.set(hashOf(ticket), { surveyId, expires: this.now() + this.lifetime });
    return { ticket, expiresInSeconds: Math.round(this.lifetime / 1000) };
  }

  /** Spends a ticket on a stream of `surveyId`; throws the 401 if it cannot open it. */
  redeem(ticket: string, surveyId: string): void {
    const hash = hashOf(ticket);
    const entry = this.waiting.get(hash);
    // Spent on any attempt, even a wrong one: a ticket is never tried twice.
    this.waiting.delete(hash);
    if (entry === undefined || entry.surveyId !== surveyId || entry.expires <= this.now()) throw ticketRefused();
  }

  /** Tickets waiting (for tests). */
  get size(): number {
    return this.waiting.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [hash, entry] of this.waiting) if (entry.expires <= now) this.waiting.delete(hash);
  }
}
