import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definitionAudiences, resolveAudience, resolveAudienceText } from './index.js';

const definition = {
  audiences: ['secondary', 'parent'],
  title: 'Feeling safe',
  pages: [
    {
      elements: [
        {
          type: 'radiogroup',
          name: 'feel_safe',
          title: {
            default: 'How safe do you feel at school?',
            cy: "Pa mor ddiogel wyt ti'n teimlo yn yr ysgol?",
            'x-parent': 'How safe do you think your child feels at school?',
            'cy-x-parent': "Pa mor ddiogel ydych chi'n meddwl y mae eich plentyn yn teimlo yn yr ysgol?",
          },
          choices: [{ value: 'very', text: { default: 'Very safe', 'x-staff': 'Very safe (staff)' } }, 'no'],
        },
      ],
    },
  ],
};

test('an audience reads its own words in each language, and shares the rest', () => {
  const parent = resolveAudience(definition, 'parent');
  const q = parent.pages[0]!.elements[0]!;
  assert.deepEqual(q.title, {
    default: 'How safe do you think your child feels at school?',
    cy: "Pa mor ddiogel ydych chi'n meddwl y mae eich plentyn yn teimlo yn yr ysgol?",
  });
  assert.deepEqual(q.choices[0], { value: 'very', text: { default: 'Very safe' } });
  assert.equal(q.name, 'feel_safe');
  const pupil = resolveAudience(definition, 'secondary');
  assert.deepEqual(pupil.pages[0]!.elements[0]!.title, {
    default: 'How safe do you feel at school?',
    cy: "Pa mor ddiogel wyt ti'n teimlo yn yr ysgol?",
  });
  // The input is not changed.
  assert.equal(definition.pages[0]!.elements[0]!.title['x-parent'], 'How safe do you think your child feels at school?');
});

test('language wins over audience', () => {
  assert.deepEqual(resolveAudienceText({ default: 'A', cy: 'B', 'x-parent': 'C' }, 'parent'), { default: 'C', cy: 'B' });
  assert.deepEqual(resolveAudienceText({ 'x-parent': 'C' }, 'parent'), { default: 'C' });
  assert.deepEqual(resolveAudienceText({ 'x-parent': 'C' }, 'staff'), {});
});

test('audiences come from the declaration and from the wording', () => {
  assert.deepEqual(definitionAudiences(definition), ['secondary', 'parent', 'staff']);
  assert.deepEqual(definitionAudiences({ pages: [] }), []);
});
