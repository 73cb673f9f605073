/**
 * `@pupil-voice/aggregate`: tallies of survey responses that merge, export and (with the
 * suppression and comparison modules) publish safely. Pure TypeScript: runs in a page, a
 * worker and Node.
 */
export * from './types.js';
