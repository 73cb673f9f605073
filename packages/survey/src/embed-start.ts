// The embed entry's first statement (embed.ts imports this module before any other, so it runs
// before Lit and the rest of the entry evaluate): request the definitions the early pages need.
import { startEarlyFetches } from './survey/early-start.js';

startEarlyFetches();
