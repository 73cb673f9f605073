/**
 * `@pupil-voice/schema`: what every package must agree on. No DOM, no Node imports.
 */
export {
  AUDIENCES,
  PUPIL_AUDIENCES,
  isAudience,
  resolveAudience,
  resolveAudienceText,
  definitionAudiences,
  type Audience,
} from './audience.js';
