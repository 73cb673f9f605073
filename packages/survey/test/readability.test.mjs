// Reading age of every primary-preset string we add (English): intro, help, navigation, read
// aloud, progress, the glossary's primary wording and the helplines a primary pupil sees.
//
// Formula: Flesch–Kincaid Grade Level, 0.39 × (words / sentences) + 11.8 × (syllables / words)
// − 15.59, with syllables counted by the `syllable` package. A US grade converts to a reading
// age by adding 5, so "a reading age of about 9" (GOV.UK's target; §3 of
// shared/research/pupil-voice-practice.md) is grade 4. Runs on the built package (npm test
// builds first): node --test packages/survey/test/readability.test.mjs
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { syllable } from 'syllable';
import { audienceEn } from '../dist/strings/audience-en.js';
import { en } from '../dist/strings/en.js';
import { BUILT_IN_GLOSSARY } from '../dist/term/glossary.js';
import { HELPLINE_DIRECTORY } from '../dist/help-panel/helplines.js';

const AUDIENCE = 'primary';

/** Every English string a primary pupil can meet from this feature, with where it comes from. */
function primaryStrings() {
  const t = audienceEn;
  const strings = [
    ...Object.entries(t.intro[AUDIENCE]).map(([key, text]) => [`intro.${key}`, text]),
    ...Object.entries(t.navigation[AUDIENCE]).map(([key, text]) => [`navigation.${key}`, text]),
    ['helpIntro', t.helpIntro[AUDIENCE]],
    ['historyNote', t.historyNote[AUDIENCE]],
    ['afterSurvey', t.afterSurvey[AUDIENCE]],
    ['getHelp', t.getHelp],
    ['closeHelp', t.closeHelp],
    ['schoolContacts', t.schoolContacts],
    ['helplines', t.helplines],
    ['helplinesUnavailable', t.helplinesUnavailable],
    ['emergency', t.emergency],
    ['callNumber', t.callNumber('0800 1111')],
    ['readAloud', t.readAloud],
    ['readAloudAnswers', t.readAloudAnswers],
    ['questionOf', t.questionOf(2, 6)],
    ['quickExit', en.quickExit],
    ['quickExitHint', en.quickExitHint],
  ];
  for (const [term, entry] of Object.entries(BUILT_IN_GLOSSARY)) {
    if (entry['x-primary']) strings.push([`glossary.${term}`, entry['x-primary']]);
  }
  for (const line of HELPLINE_DIRECTORY.helplines) {
    if (!line.audiences.includes(AUDIENCE)) continue;
    strings.push([`helpline.${line.id}.name`, line.name.en], [`helpline.${line.id}.description`, line.description.en]);
  }
  return strings;
}

function count(text) {
  const sentences = Math.max(1, (text.match(/[.!?]+(?=\s|$)/g) ?? []).length);
  const words = text.match(/[A-Za-z][A-Za-z’']*/g) ?? [];
  const syllables = words.reduce((total, word) => total + syllable(word), 0);
  return { sentences, words: words.length, syllables };
}

function readingAge({ sentences, words, syllables }) {
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59 + 5;
}

describe('primary preset strings', () => {
  const strings = primaryStrings();

  it('are covered: intro, help, navigation, glossary and helplines are all counted', () => {
    assert.ok(strings.length >= 30, `only ${strings.length} strings found`);
    for (const [where, text] of strings) assert.ok(typeof text === 'string' && text.trim(), `${where} is empty`);
  });

  it('read at a reading age of about 9 altogether (Flesch–Kincaid)', () => {
    const total = strings.map(([, text]) => count(text)).reduce((a, b) => ({
      sentences: a.sentences + b.sentences,
      words: a.words + b.words,
      syllables: a.syllables + b.syllables,
    }));
    const age = readingAge(total);
    console.log(`primary strings: ${strings.length} strings, ${total.words} words, reading age ${age.toFixed(1)}`);
    assert.ok(age <= 9, `reading age ${age.toFixed(1)} is above 9`);
  });

  it('have no long string above a reading age of 11 (one hard sentence stands out to a child)', () => {
    const hard = strings
      .map(([where, text]) => ({ where, text, counts: count(text) }))
      .filter(({ counts }) => counts.words >= 10)
      .map(({ where, text, counts }) => ({ where, text, age: readingAge(counts) }))
      .filter(({ age }) => age > 11);
    assert.deepEqual(hard.map(({ where, text, age }) => `${where} (${age.toFixed(1)}): ${text}`), []);
  });
});
