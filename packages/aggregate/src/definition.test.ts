import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Model } from 'survey-core';
import { isPreferNotToSay, readDefinition } from './index.js';

const definition = {
  title: { default: 'Feeling safe', cy: 'Teimlo’n ddiogel' },
  pages: [
    {
      name: 'one',
      elements: [
        { type: 'html', name: 'intro', html: '<p>Hello</p>' },
        { type: 'radiogroup', name: 'safe', choices: ['yes', 'no', { value: 'pnts', text: { default: 'Prefer not to say', cy: 'Gwell gennyf beidio â dweud' } }], showOtherItem: true, showRefuseItem: true },
        {
          type: 'panel',
          name: 'outer',
          elements: [
            { type: 'panel', name: 'inner', elements: [{ type: 'checkbox', name: 'where', choices: ['class', 'online'], showNoneItem: true, showSelectAllItem: true }] },
            { type: 'rating', name: 'r1' },
            { type: 'rating', name: 'r2', rateMin: 0, rateMax: 10, rateStep: 2 },
            { type: 'rating', name: 'r3', rateValues: [{ value: 1, text: 'Bad' }, 2, 3] },
          ],
        },
      ],
    },
    {
      name: 'two',
      elements: [
        { type: 'boolean', name: 'b1' },
        { type: 'boolean', name: 'b2', valueTrue: 'Y', valueFalse: 'N', labelTrue: 'Yes' },
        { type: 'matrix', name: 'grid', rows: ['a', { value: 'b', text: 'Bee' }], columns: [1, 2] },
        { type: 'ranking', name: 'rank', choices: ['x', 'y'] },
        { type: 'text', name: 'age', inputType: 'number' },
        { type: 'text', name: 'when', inputType: 'date' },
        { type: 'text', name: 'shared', valueName: 'stored' },
        { type: 'comment', name: 'story' },
        { type: 'imagepicker', name: 'pics', choices: [{ value: 'cat', imageLink: 'c.png' }], multiSelect: true },
        { type: 'dropdown', name: 'copy', choicesFromQuestion: 'safe' },
        { type: 'matrixdynamic', name: 'md', columns: [{ name: 'c' }] },
        { name: 'no type' },
        { type: 'radiogroup', name: 'safe', choices: ['duplicate name is ignored'] },
      ],
    },
  ],
};

test('pages and nested panels are flattened into one descriptor per answer key', () => {
  const read = readDefinition(definition);
  assert.equal(read.survey, 'Feeling safe');
  assert.deepEqual(
    read.questions.map((q) => `${q.name}:${q.kind}`),
    ['safe:choice', 'where:multi', 'r1:choice', 'r2:choice', 'r3:choice', 'b1:choice', 'b2:choice', 'grid:matrix', 'rank:ranking', 'age:numeric', 'when:text', 'stored:text', 'story:text', 'pics:multi', 'copy:choice'],
  );
  // matrixdynamic is not rendered by <pv-survey>, so it is refused everywhere: listed, never tallied.
  assert.deepEqual(read.unsupported, [{ name: 'md', type: 'matrixdynamic' }]);
  assert.ok(read.ignoredKeys.includes('safe-Comment'));
  assert.equal(readDefinition(JSON.stringify(definition)).fingerprint, read.fingerprint);
  assert.throws(() => readDefinition('[]'), TypeError);
});

test('categories match what survey-core shows for the same definition', () => {
  const read = readDefinition(definition);
  const model = new Model(definition);
  const values = (name: string) => {
    const q = read.questions.find((question) => question.name === name);
    assert.ok(q && 'categories' in q);
    return q.categories.map((c) => c.value);
  };
  for (const name of ['safe', 'where', 'copy']) {
    const question = model.getQuestionByName(name) as unknown as { visibleChoices: Array<{ value: unknown }> };
    // survey-core lists "select all" (value '') among visible choices; it is never stored.
    const expected = question.visibleChoices.map((c) => String(c.value)).filter((v) => v !== '');
    assert.deepEqual([...values(name)].sort(), expected.sort(), name);
  }
  for (const name of ['r1', 'r2', 'r3']) {
    const question = model.getQuestionByName(name) as unknown as { visibleRateValues: Array<{ value: unknown }> };
    assert.deepEqual(values(name), question.visibleRateValues.map((v) => String(v.value)), name);
  }
});

test('special items are marked: prefer not to say, refuse, other, none', () => {
  const read = readDefinition(definition);
  const safe = read.questions[0];
  assert.ok(safe && 'categories' in safe);
  assert.deepEqual(
    safe.categories.map((c) => [c.value, c.special ?? '']),
    [['yes', ''], ['no', ''], ['pnts', 'preferNotToSay'], ['refused', 'preferNotToSay'], ['other', 'other']],
  );
  const b2 = read.questions.find((q) => q.name === 'b2');
  assert.ok(b2 && 'categories' in b2);
  assert.deepEqual(b2.categories, [{ value: 'Y', label: 'Yes' }, { value: 'N' }]);
  for (const yes of ['prefer_not_to_say', 'Prefer not to say', 'PNTS', 'prefer-not-to-answer', "I'd rather not say", 'refused']) {
    assert.ok(isPreferNotToSay(yes), yes);
  }
  for (const no of ['no', 'sometimes', 'preferred option', 'not sure']) assert.ok(!isPreferNotToSay(no), no);
});

test('a hostile rating scale cannot ask for millions of categories', () => {
  const read = readDefinition({ elements: [{ type: 'rating', name: 'r', rateMin: 0, rateMax: 1e9 }] });
  const r = read.questions[0];
  assert.ok(r && 'categories' in r);
  assert.equal(r.categories.length, 0);
});

test('the fingerprint changes when categories change, not when titles or labels do', () => {
  const base = { elements: [{ type: 'radiogroup', name: 'q', title: 'A', choices: ['a', 'b'] }] };
  const retitled = { elements: [{ type: 'radiogroup', name: 'q', title: 'B', choices: [{ value: 'a', text: 'Ay' }, 'b'] }] };
  const changed = { elements: [{ type: 'radiogroup', name: 'q', choices: ['a', 'c'] }] };
  assert.equal(readDefinition(base).fingerprint, readDefinition(retitled).fingerprint);
  assert.notEqual(readDefinition(base).fingerprint, readDefinition(changed).fingerprint);
});
