/**
 * Audiences, and wording per audience inside one SurveyJS definition.
 *
 * A question keeps one `name` for every audience so that pupils' answers can be put beside
 * parents' and staff's; only its words change. SurveyJS already carries words per language in
 * localisable strings (`{ "default": "…", "cy": "…" }`), and SurveyJS Creator keeps every key of
 * such an object when it saves, so the audience wording rides in the same objects under BCP 47
 * private-use keys: `x-parent` for the survey's default language, `cy-x-parent` for Welsh.
 * See docs/audience-wording.md.
 */

/** Who a survey (or one rendering of it) is for. */
export const AUDIENCES = ['primary', 'secondary', 'post16', 'parent', 'staff'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Pupil audiences (the presets with pupil safeguarding defaults). */
export const PUPIL_AUDIENCES: readonly Audience[] = ['primary', 'secondary', 'post16'];

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `x-parent` or `cy-x-parent`: [language, audience]; the language is '' for the default one. */
const AUDIENCE_KEY = /^(?:([a-z]{2,3}(?:-[a-z0-9]{2,8})*)-)?x-([a-z0-9]+)$/i;

function parseAudienceKey(key: string): [language: string, audience: string] | undefined {
  const match = AUDIENCE_KEY.exec(key);
  return match ? [match[1] ?? '', match[2]!.toLowerCase()] : undefined;
}

/** A localisable string that carries audience wording: an object of strings with an `x-` key. */
function isAudienceText(value: Json): boolean {
  let audienceKey = false;
  for (const [key, text] of Object.entries(value)) {
    if (typeof text !== 'string') return false;
    if (parseAudienceKey(key)) audienceKey = true;
  }
  return audienceKey;
}

/**
 * One localisable string for one audience: for each language present, the audience's words if
 * the string has them, else that language's shared words. Language wins over audience: a Welsh
 * reader with no Welsh parent wording reads the shared Welsh, never the English parent text.
 * The result has only language keys, so survey-core switches language as before.
 */
export function resolveAudienceText(text: Record<string, string>, audience: string): Record<string, string> {
  const out: Record<string, string> = {};
  const variants = new Map<string, string>();
  for (const [key, value] of Object.entries(text)) {
    const parsed = parseAudienceKey(key);
    if (!parsed) out[key] = value;
    else if (parsed[1] === audience) variants.set(parsed[0], value);
  }
  for (const [language, value] of variants) {
    // `x-parent` is the default language's wording: it replaces `default` (and survives when a
    // string has only audience keys).
    out[language === '' ? 'default' : language] = value;
  }
  return out;
}

/**
 * The definition as one audience reads it: every localisable string with audience keys reduced
 * to that audience's words, everything else untouched (a deep copy; the input is not changed).
 * Plain strings and strings with no audience keys are shared by all audiences.
 */
export function resolveAudience<T>(definition: T, audience: string): T {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!isObject(value)) return value;
    if (isAudienceText(value)) return resolveAudienceText(value as Record<string, string>, audience);
    const out: Json = {};
    for (const [key, child] of Object.entries(value)) out[key] = walk(child);
    return out;
  };
  return walk(definition) as T;
}

/**
 * Audiences a definition has wording for or declares (`"audiences": [...]` at the top), in the
 * order of AUDIENCES; unknown audience keys are ignored.
 */
export function definitionAudiences(definition: unknown): Audience[] {
  const found = new Set<string>();
  if (isObject(definition) && Array.isArray(definition['audiences'])) {
    for (const a of definition['audiences']) if (typeof a === 'string') found.add(a);
  }
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        const parsed = typeof child === 'string' ? parseAudienceKey(key) : undefined;
        if (parsed) found.add(parsed[1]);
        else walk(child);
      }
    }
  };
  walk(definition);
  return AUDIENCES.filter((a) => found.has(a));
}
