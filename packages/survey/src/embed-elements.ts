// The embed's elements, a chunk of their own: embed.ts loads it once the first pages it could
// draw are on screen (survey/early-boot.ts).
import './outbox-status/pv-outbox-status.js';
import './survey/pv-survey.js';
