// Two notes this device keeps in localStorage beside each survey's drafts, readable at once
// (IndexedDB is not): the page the draft was last saved on, and a wipe a quick exit owes. Only a
// page number and a flag, never an answer. Kept apart from the persistence controller so the
// embed's first statements (survey/early-boot.ts) can read them before the rest evaluates.

/** The localStorage key noting that this survey's drafts must be wiped before anything else. */
export function owedWipeKey(storeName: string, surveyKey: string): string {
  return `pv-owed-wipe:${storeName}:${surveyKey}`;
}

/** The localStorage key noting the page this survey's draft was last saved on. */
export function draftPageKey(storeName: string, surveyKey: string): string {
  return `pv-draft-page:${storeName}:${surveyKey}`;
}

// localStorage may be missing or throw (storage off, sandboxed frames); then the notes are
// simply absent: the wipe itself is all there is, and the early page reads the draft to know.
export function writeNote(key: string, value: string | undefined): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Nothing more can be done here.
  }
}

export function readNote(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function setOwedWipe(key: string, owed: boolean): void {
  writeNote(key, owed ? '1' : undefined);
}

export function isWipeOwed(key: string): boolean {
  return readNote(key) !== undefined;
}

/** The store `<pv-survey>` keeps drafts in unless `store-name` says another. */
export const DEFAULT_STORE_NAME = 'pupil-voice';

/**
 * Where a survey's drafts and responses are kept on the device: its `survey-id`, else the path
 * of its `src` URL; undefined for a survey given only as a `definition` with no `survey-id`.
 */
export function surveyStorageKey(surveyId: string | null | undefined, src: string | null | undefined): string | undefined {
  if (surveyId) return surveyId;
  if (src) return new URL(src, document.baseURI).pathname;
  return undefined;
}

/**
 * Whether this survey's draft was last saved on a later page than the first, as far as this
 * device remembers without opening the store (see `ResponsePersistenceController`).
 */
export function draftPastFirstPage(storeName: string, surveyKey: string): boolean {
  return Number(readNote(draftPageKey(storeName, surveyKey)) ?? 0) > 0;
}
