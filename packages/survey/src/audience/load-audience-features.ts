/** The audience features module (audience-features.ts), once loaded. */
export type AudienceFeatures = typeof import('./audience-features.js');

let features: Promise<AudienceFeatures> | undefined;

/**
 * Loads the audience features (a chunk of their own in the embed). `<pv-survey>` calls this as
 * soon as a definition names an audience, so the chunk arrives alongside survey-core.
 */
export function loadAudienceFeatures(): Promise<AudienceFeatures> {
  if (!features) {
    features = import('./audience-features.js');
    // A failed download (offline) is tried again by the next survey that loads.
    features.catch(() => (features = undefined));
  }
  return features;
}
