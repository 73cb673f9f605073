// The question bank's promises, checked on every survey × audience × language with the real
// survey-core model: it loads cleanly, each item is where it claims to be, sensitive items
// offer "Prefer not to say", English reads at the right age, and Welsh is complete.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Model } from 'survey-core';
import { AUDIENCES, type Audience } from '@pupil-voice/schema';
import {
  agreeGroupings,
  bankItems,
  getDefinition,
  getSurvey,
  listSurveys,
  matchedItems,
  PREFER_NOT_TO_SAY,
  QuestionBankError,
} from './index.js';
import { readabilityCounts, readingAge } from './readability.js';

type Json = Record<string, unknown>;
const versions = listSurveys().flatMap((s) => s.audiences.flatMap((audience) => s.languages.map((locale) => ({ id: s.id, audience, locale }))));

/** Questions (not html) of a plain definition, with their page. */
function questions(definition: Json): Json[] {
  return (definition['pages'] as Json[]).flatMap((page) => (page['elements'] as Json[]).filter((e) => e['type'] !== 'html'));
}

/** The answers a question offers (choices, or matrix columns). */
function answers(question: Json): Json[] {
  return ((question['choices'] ?? question['columns'] ?? []) as Json[]);
}

describe('question bank: the catalogue', () => {
  it('lists feeling-safe for five audiences, the school audit for staff, and poll templates, in English and Welsh', () => {
    const list = listSurveys();
    const byId = new Map(list.map((s) => [s.id, s]));
    assert.deepEqual(byId.get('feeling-safe')?.audiences, ['primary', 'secondary', 'post16', 'parent', 'staff']);
    assert.deepEqual(byId.get('school-audit')?.audiences, ['staff']);
    const polls = list.filter((s) => s.id.startsWith('poll-'));
    assert.ok(polls.length >= 3, 'at least three poll templates');
    for (const s of list) assert.deepEqual(s.languages, ['en', 'cy']);
    assert.equal(listSurveys({ locale: 'cy' }).find((s) => s.id === 'feeling-safe')?.title, 'Teimlo’n ddiogel a chael parch');
  });

  it('says clearly what it does not have', () => {
    assert.throws(() => getSurvey('nope', { audience: 'staff' }), (e: unknown) => e instanceof QuestionBankError && /school-audit/.test(e.message));
    assert.throws(() => getSurvey('school-audit', { audience: 'primary' }), /no version for "primary"/);
    assert.throws(() => getSurvey('feeling-safe', { audience: 'parent', locale: 'fr' }), /not "fr"/);
    assert.throws(() => getSurvey('feeling-safe', {}), /say which audience/);
    // A survey for one audience needs no audience.
    assert.deepEqual(getSurvey('school-audit'), getSurvey('school-audit', { audience: 'staff', locale: 'en' }));
  });

  it('poll templates are one question in plain words', () => {
    for (const s of listSurveys().filter((x) => x.id.startsWith('poll-'))) {
      for (const audience of s.audiences) {
        const qs = questions(getSurvey(s.id, { audience }));
        assert.equal(qs.length, 1, s.id);
        assert.ok(readingAge([qs[0]!['title'] as string]) <= 9, `${s.id}: ${qs[0]!['title']}`);
      }
    }
  });
});

describe('question bank: every survey × audience × language', () => {
  for (const { id, audience, locale } of versions) {
    it(`${id} / ${audience} / ${locale} loads in survey-core with no JSON errors`, () => {
      const definition = getSurvey(id, { audience, locale });
      const model = new Model(definition);
      assert.deepEqual((model.jsonErrors ?? []).map((e) => e.message), []);
      assert.ok(model.getAllQuestions().length > 0);
      if (locale === 'cy') assert.equal(model.locale, 'cy');
      // Plain JSON for one audience and one language: no wording left for anyone else.
      assert.doesNotMatch(JSON.stringify(definition), /"(?:[a-z]{2}-)?x-[a-z0-9]+"|\{audience\}/);
    });
  }

  it('the authored definition (all audiences) loads with no JSON errors, and shows each audience exactly its items', () => {
    for (const s of listSurveys()) {
      const full = getDefinition(s.id);
      for (const audience of s.audiences) {
        const model = new Model(full);
        assert.deepEqual((model.jsonErrors ?? []).map((e) => e.message), [], s.id);
        model.setVariable('audience', audience);
        const visible = model.getAllQuestions(true).filter((q) => q.getType() !== 'html').map((q) => q.name);
        const resolved = questions(getSurvey(s.id, { audience })).map((q) => q['name']);
        assert.deepEqual(visible, resolved, `${s.id} for ${audience}`);
      }
    }
  });

  it('every item appears in every audience version it claims, and in no other', () => {
    for (const s of listSurveys()) {
      for (const audience of AUDIENCES) {
        if (!s.audiences.includes(audience)) continue;
        for (const locale of s.languages) {
          const names = new Set(questions(getSurvey(s.id, { audience, locale })).map((q) => q['name']));
          for (const item of bankItems(s.id)) {
            assert.equal(names.has(item.name), item.audiences.includes(audience), `${s.id}: ${item.name} for ${audience} (${locale})`);
          }
        }
      }
    }
  });

  it('every sensitive item offers "Prefer not to say", last, and on its own in a multi-select', () => {
    let checked = 0;
    for (const { id, audience, locale } of versions) {
      const sensitive = new Set(bankItems(id).filter((i) => i.sensitive).map((i) => i.name));
      for (const question of questions(getSurvey(id, { audience, locale }))) {
        if (!sensitive.has(question['name'] as string)) continue;
        const options = answers(question);
        const last = options[options.length - 1];
        assert.equal(last?.['value'], PREFER_NOT_TO_SAY, `${id}/${audience}/${locale}: ${question['name']}`);
        assert.equal(last?.['text'], locale === 'cy' ? 'Gwell gen i beidio â dweud' : 'Prefer not to say');
        if (question['type'] === 'checkbox') assert.equal(last?.['isExclusive'], true, `${question['name']}: exclusive`);
        checked += 1;
      }
    }
    assert.ok(checked > 100, `checked ${checked} sensitive questions`);
  });

  it('every safeguarding question in feeling-safe is marked sensitive (only consent is not)', () => {
    const notSensitive = bankItems('feeling-safe').filter((i) => !i.sensitive).map((i) => i.name);
    assert.deepEqual(notSensitive, ['take_part']);
  });

  it('primary wording never mentions sex, nudity or harassment', () => {
    for (const locale of ['en', 'cy']) {
      // Every string the child reads (not property names such as isExclusive).
      const texts: string[] = [];
      const collect = (value: unknown): void => {
        if (typeof value === 'string') texts.push(value);
        else if (Array.isArray(value)) value.forEach(collect);
        else if (typeof value === 'object' && value !== null) Object.values(value).forEach(collect);
      };
      collect(getSurvey('feeling-safe', { audience: 'primary', locale }));
      // Welsh rhyw- is also "some-" (rhywun, rhywbeth): only the sexual senses are matched.
      const forbidden = /\bsex|nude|naked|harass|\brhyw(?:iol|ioldeb|iaethol)?\b|rywiol|noeth|aflonyddu/i;
      assert.deepEqual(texts.filter((t) => forbidden.test(t)), [], locale);
      assert.ok(texts.length > 50);
    }
  });

  it('helplines are left to the element: no phone numbers in the bank', () => {
    for (const s of listSurveys()) assert.doesNotMatch(JSON.stringify(getDefinition(s.id)), /0800|0808|85258|\b999\b|childline/i, s.id);
  });
});

/**
 * Reading age (Flesch–Kincaid grade + 5, see readability.ts) of what a reader reads as a
 * unit: each question with its answers, each page as shown, each HTML block, the survey's own
 * words (title, intro, buttons, thank-you), and the whole survey; and every string of eight
 * words or more on its own. Flesch–Kincaid is unstable on a two-word heading or a one-word
 * answer, so those are scored only within their question and page.
 */
function readingUnits(definition: Json): Array<[string, string[]]> {
  const units: Array<[string, string[]]> = [];
  const all: string[] = [];
  const own = ['title', 'description', 'startSurveyText', 'pagePrevText', 'pageNextText', 'completeText', 'completedHtml']
    .map((k) => definition[k])
    .filter((v): v is string => typeof v === 'string');
  units.push(['survey', own]);
  all.push(...own);
  for (const page of definition['pages'] as Json[]) {
    const pageTexts = [page['title'], page['description']].filter((v): v is string => typeof v === 'string');
    for (const element of page['elements'] as Json[]) {
      const texts = [element['title'], element['description'], element['html'], element['requiredErrorText'], element['minRateDescription'], element['maxRateDescription']]
        .filter((v): v is string => typeof v === 'string');
      for (const key of ['choices', 'rows', 'columns']) for (const c of (element[key] ?? []) as Json[]) texts.push(c['text'] as string);
      units.push([`${page['name']}/${element['name']}`, texts]);
      pageTexts.push(...texts);
    }
    units.push([`page ${page['name']}`, pageTexts]);
    all.push(...pageTexts);
  }
  units.push(['whole survey', all]);
  return units;
}

describe('question bank: reading age of the English (Flesch–Kincaid grade + 5)', () => {
  const limits: Partial<Record<Audience, number>> = { primary: 9, secondary: 12, post16: 12 };
  for (const s of listSurveys()) {
    for (const audience of s.audiences) {
      const limit = limits[audience];
      if (limit === undefined) continue;
      it(`${s.id} for ${audience}: every unit at most ${limit}`, () => {
        for (const [unit, texts] of readingUnits(getSurvey(s.id, { audience }))) {
          const age = readingAge(texts);
          assert.ok(age <= limit, `${unit}: reading age ${age.toFixed(1)} ${JSON.stringify(readabilityCounts(texts))}: ${texts.join(' | ').slice(0, 300)}`);
          // And every string long enough for the formula to mean something (8 words or more), alone.
          for (const text of texts) {
            if (readabilityCounts([text]).words < 8) continue;
            const alone = readingAge([text]);
            assert.ok(alone <= limit, `${unit}: "${text.slice(0, 200)}" alone reads at ${alone.toFixed(1)}`);
          }
        }
      });
    }
  }

  it('the formula scores hard text as hard (so the limits can fail)', () => {
    assert.ok(readingAge(['Do you feel safe at school?']) < 9);
    const hard = 'Institutional safeguarding arrangements necessitate comprehensive multi-agency information-sharing protocols.';
    assert.ok(readingAge([hard]) > 18, String(readingAge([hard])));
    assert.deepEqual(readabilityCounts(['<p>One two.</p><p>Three!</p>']), { sentences: 2, words: 3, syllables: 3 });
  });
});

/** Localisable strings: every object of strings with a `default` key, with where it is. */
function localisable(value: unknown, path: string, out: Array<[string, Record<string, string>]>): void {
  if (Array.isArray(value)) value.forEach((v, i) => localisable(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    const object = value as Json;
    if (typeof object['default'] === 'string' && Object.values(object).every((v) => typeof v === 'string')) {
      out.push([path, object as Record<string, string>]);
    } else for (const [k, v] of Object.entries(object)) localisable(v, `${path}.${k}`, out);
  }
}

/** Properties whose value is words a reader sees, which must never be a plain (English-only) string. */
const TEXT_KEYS = new Set(['title', 'description', 'text', 'html', 'completedHtml', 'startSurveyText', 'pagePrevText', 'pageNextText', 'completeText', 'requiredErrorText', 'minRateDescription', 'maxRateDescription']);

function plainTexts(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => plainTexts(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value as Json)) {
      if (TEXT_KEYS.has(k) && typeof v === 'string') out.push(`${path}.${k}`);
      else plainTexts(v, `${path}.${k}`, out);
    }
  }
}

describe('question bank: Welsh', () => {
  it('has a Welsh string for every English one, for every audience wording', () => {
    for (const s of listSurveys()) {
      const found: Array<[string, Record<string, string>]> = [];
      localisable(getDefinition(s.id), s.id, found);
      assert.ok(found.length > 3, s.id);
      for (const [path, text] of found) {
        for (const [key, english] of Object.entries(text)) {
          if (key === 'cy' || key.startsWith('cy-')) continue;
          const welshKey = key === 'default' ? 'cy' : `cy-${key}`;
          const welsh = text[welshKey];
          assert.ok(welsh !== undefined && welsh.trim() !== '', `${path}: no ${welshKey} for "${english}"`);
          if (/[a-z]{3}/i.test(english)) assert.notEqual(welsh, english, `${path}: ${welshKey} is the English`);
        }
      }
      const plain: string[] = [];
      plainTexts(getDefinition(s.id), s.id, plain);
      assert.deepEqual(plain, [], 'words a reader sees are never a plain English-only string');
    }
  });

  it('the Welsh version has the same questions and answers as the English', () => {
    for (const { id, audience, locale } of versions) {
      if (locale !== 'cy') continue;
      const shape = (definition: Json) => questions(definition).map((q) => [q['name'], answers(q).map((c) => c['value'])]);
      assert.deepEqual(shape(getSurvey(id, { audience, locale })), shape(getSurvey(id, { audience })), `${id}/${audience}`);
    }
  });
});

describe('question bank: matched items', () => {
  it('pupils and parents share the feeling-safe items worded for each, consent left out', () => {
    const matched = matchedItems('feeling-safe', 'secondary', 'parent');
    assert.deepEqual(matched, [
      'safe_at_school', 'safe_places', 'unkind_online', 'know_harassment', 'happens_sexist_names', 'happens_unwanted_touching',
      'happens_pressure_images', 'happens_images_shared', 'would_tell', 'tell_who', 'stops_telling', 'know_what_happens',
    ]);
    assert.deepEqual(matchedItems('feeling-safe', 'parent', 'secondary'), matched);
    const primaryStaff = matchedItems('feeling-safe', 'primary', 'staff');
    assert.ok(primaryStaff.includes('personal_space') && !primaryStaff.includes('happens_sexist_names'));
    // Same name, different words: the comparison is of one construct as each audience is asked it.
    const title = (audience: Audience) => questions(getSurvey('feeling-safe', { audience })).find((q) => q['name'] === 'would_tell')?.['title'];
    assert.equal(title('secondary'), 'If something worried you at school, would you tell someone?');
    assert.equal(title('parent'), 'If something worrying happened to your child at school, would your child tell you?');
    assert.throws(() => matchedItems('feeling-safe', 'secondary', 'governor' as Audience), QuestionBankError);
  });

  it('top-box groupings name real answers of their questions', () => {
    const groupings = agreeGroupings('feeling-safe');
    assert.deepEqual(groupings['happens_sexist_names'], ['a_lot', 'sometimes']);
    const definition = getSurvey('feeling-safe', { audience: 'staff' });
    for (const [name, values] of Object.entries(groupings)) {
      const question = questions(definition).find((q) => q['name'] === name);
      if (!question) continue;
      for (const value of values) assert.ok(answers(question).some((c) => c['value'] === value), `${name}: ${value}`);
    }
  });
});
