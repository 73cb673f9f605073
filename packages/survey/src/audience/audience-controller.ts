import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SurveyModel } from 'survey-core';
import type { SchoolContact } from '../help-panel/help-panel.js';
import type { AudienceTranslation, IntroText } from '../strings/audience-translation.js';
import type { Glossary } from '../term/glossary.js';
import { PvTermLookupEvent } from '../term/term-events.js';
import type { AudienceChoice, AudiencePreset } from './audience-preset.js';
import { PvAuthoringWarningEvent } from './audience-events.js';
import { loadAudienceFeatures, type AudienceFeatures } from './load-audience-features.js';
import { setPresentation } from './presentation.js';
import { requestedAudience } from './requested-audience.js';

/**
 * The audience side of `<pv-survey>`: chooses the preset, prepares the definition for it
 * (wording, pages, faces), builds the glossary, remembers whether the intro is still to be
 * shown, and answers `<pv-term>` lookups from inside the survey. The element passes in what it
 * knows (its `audience` attribute, the definition, the model) and renders from the state here.
 *
 * The presets, words, intro, glossary and help panel are a chunk of their own
 * (`features`), loaded only for a survey that names an audience: a plain survey never
 * downloads them, and one with an audience gets them alongside survey-core.
 */
export class AudienceController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private choice?: AudienceChoice;
  private prepared?: unknown;

  /** The glossary for the current definition and audience. */
  glossary?: Glossary;
  /** The school's own contacts from the definition's `helpContacts`. */
  contacts: SchoolContact[] = [];
  /** True until the respondent presses Start on the intro screen. */
  introPending = false;
  /** The audience features, once a survey with an audience has loaded them. */
  features?: AudienceFeatures;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  /** The preset in force, or undefined for a survey with no audience. */
  get preset(): AudiencePreset | undefined {
    return this.choice?.preset;
  }

  /** The audience as requested (attribute, else definition), for the response's `meta`. */
  get requested(): string | undefined {
    return this.choice?.requested;
  }

  hostConnected(): void {
    this.host.addEventListener(PvTermLookupEvent.eventName, this.onTermLookup);
  }

  hostDisconnected(): void {
    this.host.removeEventListener(PvTermLookupEvent.eventName, this.onTermLookup);
  }

  private readonly onTermLookup = (event: PvTermLookupEvent): void => {
    if (!this.glossary) return;
    event.stopPropagation();
    event.explanation = this.glossary.explain(event.term, event.lang);
  };

  /** Starts loading the audience features if this definition (or attribute) names an audience. */
  preload(definition: unknown, attribute: string | undefined): void {
    if (requestedAudience(attribute, definition)) loadAudienceFeatures().catch(() => undefined);
  }

  /** The audience words for a language (the features are loaded whenever there is a preset). */
  translationFor(lang: string | null | undefined): AudienceTranslation {
    return this.features!.audienceTranslationFor(lang);
  }

  /**
   * The definition as this audience sees it, before the model is built. Reports an unknown
   * audience and required sensitive questions in a pupil survey as authoring warnings. Rejects
   * when the audience features could not be downloaded.
   */
  async prepare(definition: unknown, attribute: string | undefined): Promise<unknown> {
    this.choice = undefined;
    this.glossary = undefined;
    this.contacts = [];
    this.introPending = false;
    this.prepared = definition;
    if (!requestedAudience(attribute, definition)) return definition;
    const features = await loadAudienceFeatures();
    this.features = features;
    const { applyPreset, chooseAudience, createGlossary, parseSchoolContacts, requiredSensitiveQuestions } = features;
    this.choice = chooseAudience(attribute, definition);
    if (!this.choice) return definition;
    const { preset, warning } = this.choice;
    if (warning) this.warn(new PvAuthoringWarningEvent('unknown-audience', warning));
    const prepared = applyPreset(definition, preset);
    if (preset.pupil) {
      const required = requiredSensitiveQuestions(prepared);
      if (required.length > 0) {
        this.warn(
          new PvAuthoringWarningEvent(
            'required-sensitive',
            `<pv-survey>: ${required.join(', ')} ${required.length === 1 ? 'is' : 'are'} required but ${required.length === 1 ? 'asks' : 'ask'} about something sensitive; pupils must be able to skip ${required.length === 1 ? 'it' : 'them'}. Remove "isRequired" or add a "Prefer not to say" answer.`,
            required,
          ),
        );
      }
    }
    const settings = (typeof prepared === 'object' && prepared !== null ? prepared : {}) as {
      glossary?: unknown;
      helpContacts?: unknown;
    };
    this.glossary = createGlossary(settings.glossary, preset.audience);
    this.contacts = parseSchoolContacts(settings.helpContacts);
    this.prepared = prepared;
    return prepared;
  }

  private warn(event: PvAuthoringWarningEvent): void {
    console.warn(event.message);
    this.host.dispatchEvent(event);
  }

  /**
   * Connects a new model: its question elements find the preset and glossary through it, and
   * `{audience}` is set for `visibleIf`. The intro is shown unless the definition has its own
   * start page or the respondent is resuming a draft.
   */
  attach(model: SurveyModel, { resumed, poll }: { resumed: boolean; poll: boolean }): void {
    const preset = this.preset;
    if (!preset) return;
    const { audienceTranslationFor, navigationTexts, renderReadAloudButton, renderWithTerms } = this.features!;
    setPresentation(model, {
      preset,
      glossary: this.glossary,
      translationFor: audienceTranslationFor,
      renderReadAloud: renderReadAloudButton,
      renderWithTerms,
    });
    model.setVariable('audience', preset.audience);
    // Our words for Start, Next, Back and Finish where the definition has none. A poll keeps
    // its own one-tap word ("Vote").
    const words = [
      [model.locStartSurveyText, 'start'],
      [model.locPageNextText, 'next'],
      [model.locPagePrevText, 'back'],
      ...(poll ? [] : [[model.locCompleteText, 'finish']]),
    ] as const;
    for (const [text, key] of words) {
      // survey-core's `default` texts are English (its default locale), whatever `locale` shows.
      if (text.isEmpty) text.setJson(navigationTexts(key, preset.audience, 'en'));
    }
    this.introPending = !model.firstPageIsStartPage && !resumed && !poll;
  }

  /** The respondent pressed Start. */
  start(): void {
    this.introPending = false;
    this.host.requestUpdate();
  }

  /** The school's own intro text, if the definition has any, in the survey's language. */
  introOverrides(locale: string): Partial<IntroText> {
    return this.features!.introOverrides(this.prepared, locale);
  }
}

