// Reads a poll's one question straight from SurveyJS JSON, without survey-core: a poll is a
// single choice question, and loading the survey engine (about 318 KB gzip) for one tap on a
// phone would be most of the page.

/** One answer a voter can pick: its stored value (as the definition gives it) and its label. */
export interface PollChoice {
  /** The value sent to the collector: a string, number or boolean, exactly as in the JSON. */
  readonly value: string | number | boolean;
  readonly label: string;
}

/** The question of a poll, as `<pv-poll>` shows it and `<pv-poll-results>` labels it. */
export interface PollQuestion {
  /** The data key votes are stored under (`valueName`, else `name`). */
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  /** `single`: one choice (radiogroup, dropdown, boolean, rating); `multi`: checkbox. */
  readonly mode: 'single' | 'multi';
  readonly choices: readonly PollChoice[];
}

/** Why a definition cannot be shown as a poll. */
export class PollDefinitionError extends Error {
  override readonly name = 'PollDefinitionError';
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A SurveyJS localisable string: plain text, or `{ "default": …, "cy": … }`. Poll text is
 * always shown as text (never HTML), so nothing from a definition can inject markup.
 */
export function pollText(value: unknown, lang: string, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (!isObject(value)) return fallback;
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  for (const key of [lang, primary, 'default', 'en']) {
    const text = value[key];
    if (typeof text === 'string' && text !== '') return text;
  }
  return fallback;
}

function choiceOf(item: unknown, lang: string): PollChoice | undefined {
  if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return { value: item, label: String(item) };
  if (!isObject(item)) return undefined;
  const value = item.value;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  return { value, label: pollText(item.text, lang, String(value)) };
}

function ratingChoices(question: Json, lang: string): PollChoice[] {
  let choices: PollChoice[];
  if (Array.isArray(question.rateValues) && question.rateValues.length > 0) {
    choices = question.rateValues.map((item) => choiceOf(item, lang)).filter((c): c is PollChoice => c !== undefined);
  } else {
    const min = typeof question.rateMin === 'number' ? question.rateMin : 1;
    const max = typeof question.rateMax === 'number' ? question.rateMax : 5;
    const step = typeof question.rateStep === 'number' && question.rateStep > 0 ? question.rateStep : 1;
    choices = [];
    for (let value = min; value <= max && choices.length < 20; value += step) choices.push({ value, label: String(value) });
  }
  const low = pollText(question.minRateDescription, lang);
  const high = pollText(question.maxRateDescription, lang);
  if (choices.length > 0 && low !== '') choices[0] = { ...choices[0]!, label: `${choices[0]!.label} – ${low}` };
  const last = choices.length - 1;
  if (last > 0 && high !== '') choices[last] = { ...choices[last]!, label: `${choices[last]!.label} – ${high}` };
  return choices;
}

/** The question types a poll can be, and how each lists its choices. */
const CHOICE_READERS: Record<string, (question: Json, lang: string, words: { yes: string; no: string }) => PollChoice[]> = {
  radiogroup: (q, lang) => listChoices(q, lang),
  dropdown: (q, lang) => listChoices(q, lang),
  checkbox: (q, lang) => {
    const choices = listChoices(q, lang);
    if (q.showNoneItem === true) choices.push({ value: 'none', label: pollText(q.noneText, lang, 'None') });
    return choices;
  },
  boolean: (q, lang, words) => [
    { value: isScalar(q.valueTrue) ? q.valueTrue : true, label: pollText(q.labelTrue, lang, words.yes) },
    { value: isScalar(q.valueFalse) ? q.valueFalse : false, label: pollText(q.labelFalse, lang, words.no) },
  ],
  rating: (q, lang) => ratingChoices(q, lang),
};

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function listChoices(question: Json, lang: string): PollChoice[] {
  if (!Array.isArray(question.choices)) return [];
  return question.choices.map((item) => choiceOf(item, lang)).filter((c): c is PollChoice => c !== undefined);
}

function* questionsOf(elements: unknown): Generator<Json> {
  if (!Array.isArray(elements)) return;
  for (const element of elements) {
    if (!isObject(element)) continue;
    if (element.type === 'panel') yield* questionsOf(element.elements);
    else yield element;
  }
}

/**
 * The first question of a definition that a poll can show (radiogroup, checkbox, boolean,
 * rating or dropdown), read from `elements` or the first page's. Throws
 * {@link PollDefinitionError} if there is none or it has no choices.
 */
export function readPollQuestion(definition: unknown, lang: string, words: { yes: string; no: string } = { yes: 'Yes', no: 'No' }): PollQuestion {
  if (!isObject(definition)) throw new PollDefinitionError('the poll definition is not a JSON object');
  const elements = Array.isArray(definition.pages)
    ? definition.pages.flatMap((page) => (isObject(page) && Array.isArray(page.elements) ? page.elements : []))
    : definition.elements;
  for (const question of questionsOf(elements)) {
    const read = typeof question.type === 'string' ? CHOICE_READERS[question.type] : undefined;
    if (read === undefined || typeof question.name !== 'string') continue;
    const choices = read(question, lang, words);
    if (choices.length === 0) throw new PollDefinitionError(`the question “${question.name}” has no choices`);
    const name = typeof question.valueName === 'string' && question.valueName !== '' ? question.valueName : question.name;
    const description = pollText(question.description, lang);
    return {
      name,
      title: pollText(question.title, lang, question.name),
      ...(description === '' ? {} : { description }),
      mode: question.type === 'checkbox' ? 'multi' : 'single',
      choices,
    };
  }
  throw new PollDefinitionError('the poll has no radiogroup, checkbox, boolean, rating or dropdown question');
}

/**
 * The poll id in a collector URL: `/v1/surveys/ID`, `/v1/surveys/ID/responses` or
 * `/v1/polls/ID/stream`. Undefined for anything else.
 */
export function pollIdFromUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const path = new URL(url, 'http://poll.invalid/').pathname;
  const match = /\/v1\/(?:surveys|polls)\/([^/]+)(?:\/(?:responses|stream))?\/?$/.exec(path);
  return match ? decodeURIComponent(match[1]!) : undefined;
}
