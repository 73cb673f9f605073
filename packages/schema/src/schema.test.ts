import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BUILTIN_TYPES,
  checkAnswers,
  checkK,
  DEFAULT_K,
  localText,
  MIN_K,
  parseAcknowledgement,
  parseWireResponse,
  QUESTION_ELEMENTS,
  QUESTION_TYPES,
  readFacet,
  readSurvey,
  WireFormatError,
} from './index.js';

const ID = '0b7e7f8e-3c1d-4c47-9d8e-2f1a6b5c4d3e';

test('the wire validator normalises a body and names the first property at fault', () => {
  assert.deepEqual(parseWireResponse({ id: ID.toUpperCase(), data: { q: 1 }, meta: { audience: 'parent', school: '', day: '2026-11-20' } }), {
    id: ID,
    data: { q: 1 },
    meta: { audience: 'parent', day: '2026-11-20' },
  });
  const refused: Array<[unknown, string | undefined]> = [
    [[], undefined],
    [{ id: 'x', data: {} }, 'id'],
    [{ id: ID, data: [] }, 'data'],
    [{ id: ID, data: {}, userAgent: 'x' }, 'userAgent'],
    [{ id: ID, data: {}, meta: { day: '2026-11-20T10:00' } }, 'meta.day'],
    [{ id: ID, data: {}, meta: { day: '2026-02-30' } }, 'meta.day'],
    [{ id: ID, data: {}, meta: { ip: '1.2.3.4' } }, 'meta.ip'],
    [{ id: ID, data: {}, meta: { school: '<script>' } }, 'meta.school'],
    [{ id: ID, encrypted: { v: 1, alg: 'none', key: 'a', iv: 'b', ct: 'c' } }, 'encrypted.alg'],
    [{ id: ID, data: {}, encrypted: { v: 1, alg: 'RSA-OAEP-256+A256GCM', key: 'a', iv: 'b', ct: 'c' } }, 'data'],
    [{ id: ID, data: {}, ballot: 'short' }, 'ballot'],
  ];
  for (const [body, field] of refused) {
    assert.throws(() => parseWireResponse(body), (error: unknown) => error instanceof WireFormatError && error.field === field, JSON.stringify(body));
  }
});

test('only a 2xx JSON body echoing the id acknowledges it', () => {
  assert.deepEqual(parseAcknowledgement(201, JSON.stringify({ status: 'stored', id: ID, receipt: `pv1.${'a'.repeat(32)}` }), ID), {
    id: ID,
    status: 'stored',
    receipt: `pv1.${'a'.repeat(32)}`,
  });
  assert.equal(parseAcknowledgement(200, '<html>Welcome to the hotel Wi-Fi</html>', ID), undefined);
  assert.equal(parseAcknowledgement(200, JSON.stringify({ id: 'another' }), ID), undefined);
  assert.equal(parseAcknowledgement(503, JSON.stringify({ id: ID }), ID), undefined);
});

test('k: default 10, never below 5', () => {
  assert.equal(DEFAULT_K, 10);
  assert.equal(MIN_K, 5);
  assert.equal(checkK(5), 5);
  assert.throws(() => checkK(4), RangeError);
  assert.throws(() => checkK(7.5), RangeError);
});

test('every element tag belongs to exactly one descriptor, and every descriptor with an element is in the map', () => {
  const fromDescriptors = Object.fromEntries(BUILTIN_TYPES.filter((type) => type.element !== undefined).map((type) => [type.type, type.element]));
  assert.deepEqual(fromDescriptors, { ...QUESTION_ELEMENTS });
  assert.deepEqual(QUESTION_TYPES.elements(), { ...QUESTION_ELEMENTS });
  // Not rendered, so not accepted or tallied anywhere.
  for (const type of ['slider', 'matrixdynamic', 'file', 'signaturepad']) assert.equal(QUESTION_TYPES.get(type), undefined, type);
});

test('labels are the default language shared wording, never an audience variant', () => {
  assert.equal(localText({ 'x-parent': 'Your child', default: 'You' }), 'You');
  assert.equal(localText({ 'x-parent': 'Your child', 'cy-x-parent': 'Eich plentyn', cy: 'Ti' }), 'Ti');
  assert.equal(localText({ 'x-parent': 'Your child' }), undefined);
});

test('composite questions become one facet per cell, item and panel question, read from the right place', () => {
  const reading = readSurvey({
    elements: [
      {
        type: 'matrixdropdown',
        name: 'grid',
        title: { default: 'Where', 'x-parent': 'Where does your child' },
        rows: ['r1'],
        choices: [1, 2],
        columns: [{ name: 'c1' }, { name: 'n', cellType: 'text', inputType: 'number' }, { name: 'many', cellType: 'checkbox', choices: ['a', 'b'] }],
      },
      { type: 'multipletext', name: 'mt', items: [{ name: 'age', inputType: 'number' }, { name: 'word' }] },
      { type: 'paneldynamic', name: 'pd', templateElements: [{ type: 'radiogroup', name: 'where', choices: ['x', 'y'] }, { type: 'text', name: 'times', inputType: 'number' }] },
      { type: 'slider', name: 'sl' },
    ],
  });
  assert.deepEqual(
    reading.facets.map((facet) => `${facet.name}:${facet.kind}`),
    ['grid.r1.c1:choice', 'grid.r1.n:numeric', 'grid.r1.many:multi', 'mt.age:numeric', 'mt.word:text', 'pd.(panels):numeric', 'pd.where:multi', 'pd.times:numeric'],
  );
  assert.equal(reading.facets[0]!.title, 'Where / r1 / c1');
  assert.deepEqual(reading.unsupported, [{ name: 'sl', type: 'slider' }]);
  const read = (name: string, value: unknown) => readFacet(value, reading.facets.find((facet) => facet.name === name)!.read!);
  assert.equal(read('grid.r1.n', { r1: { n: 4 } }), 4);
  assert.deepEqual(read('pd.where', [{ where: 'x' }, { where: 'y' }, {}]), ['x', 'y']);
  assert.equal(read('pd.times', [{ times: 2 }, { times: 5 }]), 3.5);
  assert.equal(read('pd.times', [{}]), undefined);
  assert.equal(read('pd.(panels)', [{}, {}]), 2);
  assert.throws(() => checkAnswers(reading, { grid: { r1: { c1: 3 } } }), /grid\.r1\.c1/);
  assert.throws(() => checkAnswers(reading, { pd: [{ where: 'z' }] }), /pd\[0\]\.where/);
  assert.throws(() => checkAnswers(reading, { sl: 4 }), /does not accept answers to slider/);
  checkAnswers(reading, { grid: { r1: { c1: 2, n: 3, many: ['a'] } }, mt: { age: 9, word: 'ok' }, pd: [{ where: 'x', times: 1 }] });
});
