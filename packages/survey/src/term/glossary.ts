import { resolveAudienceText } from '@pupil-voice/schema';

/**
 * Words young people said nobody had explained to them, with an explanation per audience and
 * language, in the audience wording format (`x-primary` is the primary wording in English,
 * `cy-x-primary` in Welsh; see docs/audience-wording.md). A definition's own `glossary` adds
 * terms and replaces these; an empty text switches a built-in term off.
 */
export const BUILT_IN_GLOSSARY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'sexual harassment': {
    default:
      'Unwanted behaviour of a sexual kind: for example sexual comments, jokes or names, touching, or sending sexual pictures. It can happen in person or online.',
    cy: 'Ymddygiad rhywiol digroeso: er enghraifft sylwadau, jôcs neu enwau rhywiol, cyffwrdd, neu anfon lluniau rhywiol. Gall ddigwydd wyneb yn wyneb neu ar-lein.',
    'x-primary': 'When someone says or does things about your body that you do not want. It might be rude jokes or touching.',
    'cy-x-primary': 'Pan fydd rhywun yn dweud neu’n gwneud pethau am dy gorff nad wyt ti eu heisiau. Gall fod yn jôcs anghwrtais neu’n gyffwrdd.',
  },
  consent: {
    default:
      'Agreeing by choice, freely, and being able to make that choice. Anyone can change their mind at any time. Someone who is pressured, scared, drunk or asleep cannot give consent.',
    cy: 'Cytuno drwy ddewis, yn rhydd, a gallu gwneud y dewis hwnnw. Gall unrhyw un newid ei feddwl unrhyw bryd. Ni all rhywun sydd dan bwysau, yn ofnus, wedi meddwi neu’n cysgu roi caniatâd.',
    'x-primary': 'Saying yes because you really want to. You can change your mind. Nobody should make you.',
    'cy-x-primary': 'Dweud ie am dy fod ti wir eisiau. Gelli di newid dy feddwl. Ddylai neb dy orfodi di.',
  },
  'online abuse': {
    default:
      'Abuse that happens on the internet: on social media, in games, in messages or on phones. It includes bullying, threats, and being sent or asked for sexual pictures.',
    cy: 'Camdriniaeth sy’n digwydd ar y rhyngrwyd: ar gyfryngau cymdeithasol, mewn gemau, mewn negeseuon neu ar ffonau. Mae’n cynnwys bwlio, bygythiadau, a chael eich anfon neu’ch gofyn am luniau rhywiol.',
    'x-primary': 'When someone is unkind to you or hurts you on the internet, in games or on a phone.',
    'cy-x-primary': 'Pan fydd rhywun yn gas wrthot ti neu’n dy frifo ar y rhyngrwyd, mewn gemau neu ar ffôn.',
  },
  bullying: {
    default: 'Hurting or upsetting someone on purpose, usually again and again, in person or online.',
    cy: 'Brifo neu ypsetio rhywun yn fwriadol, fel arfer dro ar ôl tro, wyneb yn wyneb neu ar-lein.',
    'x-primary': 'When someone hurts you or makes you sad on purpose, again and again.',
    'cy-x-primary': 'Pan fydd rhywun yn dy frifo neu’n dy wneud yn drist yn fwriadol, dro ar ôl tro.',
  },
  anonymous: {
    default: 'Nobody can tell who gave the answers.',
    cy: 'Does neb yn gallu dweud pwy roddodd yr atebion.',
    'x-primary': 'Nobody knows who gave the answers.',
    'cy-x-primary': 'Does neb yn gwybod pwy roddodd yr atebion.',
  },
  'aflonyddu rhywiol': {
    default: 'Unwanted behaviour of a sexual kind, in person or online.',
    cy: 'Ymddygiad rhywiol digroeso: er enghraifft sylwadau, jôcs neu enwau rhywiol, cyffwrdd, neu anfon lluniau rhywiol. Gall ddigwydd wyneb yn wyneb neu ar-lein.',
    'cy-x-primary': 'Pan fydd rhywun yn dweud neu’n gwneud pethau am dy gorff nad wyt ti eu heisiau. Gall fod yn jôcs anghwrtais neu’n gyffwrdd.',
  },
  'caniatâd': {
    default: 'Agreeing by choice, freely.',
    cy: 'Cytuno drwy ddewis, yn rhydd, a gallu gwneud y dewis hwnnw. Gall unrhyw un newid ei feddwl unrhyw bryd. Ni all rhywun sydd dan bwysau, yn ofnus, wedi meddwi neu’n cysgu roi caniatâd.',
    'cy-x-primary': 'Dweud ie am dy fod ti wir eisiau. Gelli di newid dy feddwl. Ddylai neb dy orfodi di.',
  },
  'cam-drin ar-lein': {
    default: 'Abuse that happens on the internet.',
    cy: 'Camdriniaeth sy’n digwydd ar y rhyngrwyd: ar gyfryngau cymdeithasol, mewn gemau, mewn negeseuon neu ar ffonau. Mae’n cynnwys bwlio, bygythiadau, a chael eich anfon neu’ch gofyn am luniau rhywiol.',
    'cy-x-primary': 'Pan fydd rhywun yn gas wrthot ti neu’n dy frifo ar y rhyngrwyd, mewn gemau neu ar ffôn.',
  },
  bwlio: {
    default: 'Hurting or upsetting someone on purpose, again and again.',
    cy: 'Brifo neu ypsetio rhywun yn fwriadol, fel arfer dro ar ôl tro, wyneb yn wyneb neu ar-lein.',
    'cy-x-primary': 'Pan fydd rhywun yn dy frifo neu’n dy wneud yn drist yn fwriadol, dro ar ôl tro.',
  },
};

/** Explanations of terms for one audience; the language is chosen when a term is explained. */
export interface Glossary {
  /** Every term with an explanation, longest first (so "sexual harassment" wins over "harassment"). */
  readonly terms: readonly string[];
  /** The explanation of a term in a language, or undefined when the glossary has none. */
  explain(term: string, lang: string): string | undefined;
}

type Entry = Readonly<Record<string, string>>;

function entryFor(value: unknown): Entry | undefined {
  if (typeof value === 'string') return { default: value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entry: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) if (typeof text === 'string') entry[key] = text;
  return entry;
}

/**
 * The glossary one audience reads: the built-in terms (unless `builtIn` is false), then the
 * definition's `glossary` (term → text, or term → texts per language and audience).
 */
export function createGlossary(definitionGlossary: unknown, audience: string, { builtIn = true } = {}): Glossary {
  const entries = new Map<string, Entry>();
  const add = (term: string, value: unknown) => {
    const entry = entryFor(value);
    const key = term.trim().toLowerCase();
    if (!key || !entry) return;
    entries.set(key, resolveAudienceText(entry as Record<string, string>, audience));
  };
  if (builtIn) for (const [term, entry] of Object.entries(BUILT_IN_GLOSSARY)) add(term, entry);
  if (typeof definitionGlossary === 'object' && definitionGlossary !== null && !Array.isArray(definitionGlossary)) {
    for (const [term, entry] of Object.entries(definitionGlossary)) add(term, entry);
  }
  const explain = (term: string, lang: string): string | undefined => {
    const entry = entries.get(term.trim().toLowerCase());
    if (!entry) return undefined;
    const language = lang.toLowerCase();
    const text = entry[language] ?? entry[language.split('-')[0] ?? ''] ?? entry['default'] ?? entry['en'];
    return text ? text : undefined;
  };
  const terms = [...entries.keys()].filter((term) => Object.values(entries.get(term)!).some(Boolean));
  terms.sort((a, b) => b.length - a.length);
  return { terms, explain };
}

export { splitAtTerms, type GlossarySegment } from './split-at-terms.js';
