import { isAudience, resolveAudience, AUDIENCES, type Audience } from '@pupil-voice/schema';
import { audienceCy } from '../strings/audience-cy.js';
import { audienceEn } from '../strings/audience-en.js';
import type { AudienceTranslation, NavigationText } from '../strings/audience-translation.js';
import { agreeScalePositions } from './agree-scale.js';
import { requestedAudience } from './requested-audience.js';

/**
 * What an audience changes about the survey. Behaviour, not colours: the school's theme stays.
 */
export interface AudiencePreset {
  readonly audience: Audience;
  /** Pupil safeguarding defaults: skipping is offered, required sensitive questions are warned about. */
  readonly pupil: boolean;
  /** One question per page (the definition's pages are split). */
  readonly questionPerPage: boolean;
  /** Ratings and agree/disagree questions drawn as faces. */
  readonly faces: boolean;
  /** A "Read aloud" button on every question, where the browser has a voice. */
  readonly readAloud: boolean;
  /** Progress as pictures and words ("Question 2 of 6" with a row of steps). */
  readonly pictureProgress: boolean;
  /** Text and target size: `large` for young children, `dense` for older students. */
  readonly scale: 'large' | 'standard' | 'dense';
}

export const AUDIENCE_PRESETS: Readonly<Record<Audience, AudiencePreset>> = {
  primary: {
    audience: 'primary',
    pupil: true,
    questionPerPage: true,
    faces: true,
    readAloud: true,
    pictureProgress: true,
    scale: 'large',
  },
  secondary: {
    audience: 'secondary',
    pupil: true,
    questionPerPage: false,
    faces: false,
    readAloud: false,
    pictureProgress: false,
    scale: 'standard',
  },
  post16: {
    audience: 'post16',
    pupil: true,
    questionPerPage: false,
    faces: false,
    readAloud: false,
    pictureProgress: false,
    scale: 'dense',
  },
  parent: {
    audience: 'parent',
    pupil: false,
    questionPerPage: false,
    faces: false,
    readAloud: false,
    pictureProgress: false,
    scale: 'standard',
  },
  staff: {
    audience: 'staff',
    pupil: false,
    questionPerPage: false,
    faces: false,
    readAloud: false,
    pictureProgress: false,
    scale: 'standard',
  },
};

/** The audience a survey is shown to, and the preset it gets. */
export interface AudienceChoice {
  /** The audience as given (attribute, else the definition's `audience`), for `meta`. */
  readonly requested: string;
  readonly preset: AudiencePreset;
  /** Set when the requested audience is unknown and the secondary preset stands in. */
  readonly warning?: string;
}

/**
 * Chooses the preset: the element's `audience` attribute wins over the definition's own
 * `audience`. No audience at all means no preset (a plain SurveyJS survey, as before). An
 * unknown audience gets the secondary preset and a warning naming the known ones.
 */
export function chooseAudience(attribute: string | undefined | null, definition: unknown): AudienceChoice | undefined {
  const requested = requestedAudience(attribute, definition);
  if (!requested) return undefined;
  if (isAudience(requested)) return { requested, preset: AUDIENCE_PRESETS[requested] };
  return {
    requested,
    preset: AUDIENCE_PRESETS.secondary,
    warning: `<pv-survey>: unknown audience "${requested}"; expected one of ${AUDIENCES.join(', ')}. Showing the secondary preset.`,
  };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const TRANSLATIONS: Record<string, AudienceTranslation> = { en: audienceEn, cy: audienceCy };

/** Our navigation word in each language we ship, as SurveyJS localisable texts. */
export function navigationTexts(key: keyof NavigationText, audience: Audience, defaultLocale: string): Record<string, string> {
  const defaultLanguage = defaultLocale.toLowerCase().split('-')[0] || 'en';
  const text: Record<string, string> = {
    default: (TRANSLATIONS[defaultLanguage] ?? audienceEn).navigation[audience][key],
  };
  for (const [language, translation] of Object.entries(TRANSLATIONS)) {
    if (language !== defaultLanguage) text[language] = translation.navigation[audience][key];
  }
  return text;
}

/** The pages of a definition (SurveyJS also allows `elements` or `questions` at the top). */
function pagesOf(definition: Json): Json[] {
  if (Array.isArray(definition['pages'])) return definition['pages'].filter(isObject);
  const elements = definition['elements'] ?? definition['questions'];
  return Array.isArray(elements) ? [{ name: 'page1', elements }] : [];
}

/** Every text of a localisable value (a string, or the strings of a `{ default, cy }` object). */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (isObject(value)) return Object.values(value).filter((v): v is string => typeof v === 'string');
  return [];
}

/** Number of points on a rating scale as survey-core would draw it. */
function ratingCount(question: Json): number {
  if (Array.isArray(question['rateValues']) && question['rateValues'].length > 0) return question['rateValues'].length;
  if (typeof question['rateCount'] === 'number') return question['rateCount'];
  const min = typeof question['rateMin'] === 'number' ? question['rateMin'] : 1;
  const max = typeof question['rateMax'] === 'number' ? question['rateMax'] : 5;
  const step = typeof question['rateStep'] === 'number' && question['rateStep'] > 0 ? question['rateStep'] : 1;
  return Math.floor((max - min) / step) + 1;
}

/** The words of each choice (value and every text), for recognising an agree scale. */
function choiceWords(question: Json): string[][] {
  const choices = Array.isArray(question['choices']) ? question['choices'] : [];
  return choices.map((choice: unknown) =>
    isObject(choice) ? [...textsOf(choice['value']), ...textsOf(choice['text'])] : textsOf(choice),
  );
}

/** Faces where young children meet a scale: ratings become smileys, agree scales get faces. */
function withFaces(element: Json): Json {
  const type = element['type'];
  if (type === 'rating') {
    const rateType = element['rateType'] ?? element['rateDisplayMode'];
    const count = ratingCount(element);
    // survey-core draws at most 10 smileys; stars the author chose stay stars.
    if ((rateType === undefined || rateType === 'labels') && count >= 2 && count <= 10) {
      return { ...element, rateType: 'smileys', renderAs: element['renderAs'] ?? 'faces' };
    }
    return element;
  }
  if (type === 'radiogroup' && element['renderAs'] === undefined && agreeScalePositions(choiceWords(element))) {
    return { ...element, renderAs: 'faces' };
  }
  if (type === 'panel' && Array.isArray(element['elements'])) {
    return { ...element, elements: element['elements'].map((child: unknown) => (isObject(child) ? withFaces(child) : child)) };
  }
  return element;
}

/** One page per top-level element; the first keeps the page's title and description. */
function splitPage(page: Json, index: number): Json[] {
  const elements = Array.isArray(page['elements']) ? page['elements'] : [];
  if (elements.length <= 1) return [page];
  const name = typeof page['name'] === 'string' && page['name'] ? page['name'] : `page${index + 1}`;
  const shared: Json = {};
  for (const key of ['visibleIf', 'enableIf', 'readOnly', 'visible']) if (key in page) shared[key] = page[key];
  return elements.map((element: unknown, at: number) =>
    at === 0 ? { ...page, name, elements: [element] } : { ...shared, name: `${name}-${at + 1}`, elements: [element] },
  );
}

/**
 * The definition one audience sees: its wording resolved for the audience (see
 * docs/audience-wording.md), then the preset's behaviour. Question names, choice values and
 * logic never change, so answers stay comparable with every other audience and the collector
 * validates them against the original definition. The input is not changed.
 */
export function applyPreset(definition: unknown, preset: AudiencePreset): unknown {
  const resolved = resolveAudience(definition, preset.audience);
  if (!isObject(resolved)) return resolved;
  const out: Json = { ...resolved };
  if (preset.questionPerPage || preset.faces) {
    let pages = pagesOf(out);
    const start = out['firstPageIsStartPage'] === true && pages.length > 0 ? [pages[0]!] : [];
    if (start.length) pages = pages.slice(1);
    if (preset.faces) {
      pages = pages.map((page) => ({
        ...page,
        elements: Array.isArray(page['elements'])
          ? page['elements'].map((element: unknown) => (isObject(element) ? withFaces(element) : element))
          : page['elements'],
      }));
    }
    if (preset.questionPerPage) {
      pages = pages.flatMap((page, index) => splitPage(page, index));
      // We split the pages ourselves; survey-core's own mode would re-group them.
      delete out['questionsOnPageMode'];
    }
    delete out['elements'];
    delete out['questions'];
    out['pages'] = [...start, ...pages];
  }
  if (preset.pictureProgress && out['showProgressBar'] === undefined) out['showProgressBar'] = true;
  return out;
}

/**
 * Words that mark a question as sensitive for a pupil to be made to answer: harm, sex, abuse,
 * identity. A pupil must always be free to skip such a question.
 */
const SENSITIVE =
  /sexual|harass|abuse|assault|rape|self[- ]?harm|suicid|nude|naked|porn|bull(y|ied|ying)|violen|unsafe|hurt|touch|drug|alcohol|gender|sexuality|religio|ethnic|disabilit|rhywiol|aflonyddu|camdrin|cam-drin|bwlio|trais/i;

/**
 * Names of required questions a pupil could not skip although they ask about something
 * sensitive (by their words, or marked `"sensitive": true`): an authoring mistake in a pupil
 * survey, reported as a warning.
 */
export function requiredSensitiveQuestions(definition: unknown): string[] {
  const found: string[] = [];
  const visit = (element: unknown): void => {
    if (!isObject(element)) return;
    if (Array.isArray(element['elements'])) element['elements'].forEach(visit);
    if (Array.isArray(element['templateElements'])) element['templateElements'].forEach(visit);
    if (element['isRequired'] !== true || typeof element['name'] !== 'string') return;
    const words = [...textsOf(element['title']), ...textsOf(element['description']), element['name']];
    if (element['sensitive'] === true || words.some((word) => SENSITIVE.test(word))) found.push(element['name']);
  };
  if (isObject(definition)) pagesOf(definition).forEach(visit);
  return found;
}
