import type { Audience } from '@pupil-voice/schema';

/** The intro screen's words for one audience. Every field is plain text. */
export interface IntroText {
  /** The heading of the intro screen. */
  heading: string;
  /** What the survey is for. */
  purpose: string;
  anonymityHeading: string;
  /** Anonymous, and what that means: no name, nothing about the device kept. */
  anonymity: string;
  choiceHeading: string;
  /** Any question can be skipped; stop at any time. */
  choice: string;
  /** "What happens if I tell?" */
  tellHeading: string;
  tell: string;
}

/** Navigation words a preset uses when the definition gives none. */
export interface NavigationText {
  start: string;
  next: string;
  back: string;
  finish: string;
}

/**
 * The words the audience features add (intro, help, glossary, read aloud, presets), per
 * language. Kept apart from `Translation` so each concern owns its strings; read through the
 * same `LocalizeController` language.
 */
export interface AudienceTranslation {
  /** BCP 47 tag of this translation (for `lang` on our own text inside a survey in another language). */
  lang: string;
  intro: Record<Audience, IntroText>;
  navigation: Record<Audience, NavigationText>;
  /** The "Get help" button and panel heading: other checks rely on this exact name in English. */
  getHelp: string;
  /** Closes the help panel. */
  closeHelp: string;
  helpIntro: Record<Audience, string>;
  /** Heading over the school's own named contacts. */
  schoolContacts: string;
  /** Heading over the national helplines. */
  helplines: string;
  /** How to reach a helpline: the link text. */
  callNumber: (number: string) => string;
  textNumber: (number: string, keyword: string | undefined) => string;
  /** Shown when the helpline list could not be loaded. */
  helplinesUnavailable: string;
  /** The emergency line, always shown even when the list cannot be loaded. */
  emergency: string;
  /** The plain note about browser history, shown with quick exit on the intro and in help. */
  historyNote: Record<Audience, string>;
  /** The accessible name of each question's read-aloud button: starts with "Read aloud" in English. */
  readAloud: string;
  /** Words read before the answers, between the question and its choices. */
  readAloudAnswers: string;
  /** The picture-and-words progress: "Question 2 of 6". */
  questionOf: (position: number, total: number) => string;
  /** Said of the glossary button: "What does this mean?" */
  termExplain: (term: string) => string;
  /** Shown at the end beside the help: you can talk to someone. */
  afterSurvey: Record<Audience, string>;
}
