import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StreamTickets } from './stream-tickets.js';

describe('stream tickets', () => {
  it('open one stream of their survey, within their lifetime (an injected clock, no waiting)', () => {
    let now = 1_000_000;
    const tickets = new StreamTickets(() => now, 60_000);
    const { ticket } = tickets.issue('closed');
    now += 59_999;
    assert.doesNotThrow(() => tickets.redeem(ticket, 'closed'));
    assert.throws(() => tickets.redeem(ticket, 'closed'), /stream ticket is not valid/, 'spent');

    const late = tickets.issue('closed').ticket;
    now += 60_000;
    assert.throws(() => tickets.redeem(late, 'closed'), /not valid/, 'expired');

    const elsewhere = tickets.issue('closed').ticket;
    assert.throws(() => tickets.redeem(elsewhere, 'other'), /not valid/, 'another survey');
    assert.throws(() => tickets.redeem(elsewhere, 'closed'), /not valid/, 'spent by the wrong try');
  });

  it('forgets expired tickets and never holds more than a thousand', () => {
    let now = 0;
    const tickets = new StreamTickets(() => now, 60_000);
    for (let i = 0; i < 1_500; i++) tickets.issue('closed');
    assert.equal(tickets.size, 1_000);
    now = 60_000;
    tickets.issue('closed');
    assert.equal(tickets.size, 1);
  });
});
