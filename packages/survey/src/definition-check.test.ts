import { expect } from '@open-wc/testing';
import { checkDefinitionShape } from './definition-check.js';

describe('checkDefinitionShape', () => {
  it('accepts the shapes SurveyJS Creator writes', () => {
    expect(checkDefinitionShape({ pages: [{ name: 'p1', elements: [{ type: 'text', name: 'q' }] }] })).to.equal(undefined);
    expect(checkDefinitionShape({ elements: [{ type: 'radiogroup', name: 'q', choices: ['a'] }] })).to.equal(undefined);
    // Old definitions use "questions" on the survey or on pages.
    expect(checkDefinitionShape({ questions: [{ type: 'text', name: 'q' }] })).to.equal(undefined);
    expect(
      checkDefinitionShape({
        pages: [{ elements: [{ type: 'panel', name: 'p', elements: [{ type: 'text', name: 'q' }] }] }],
      }),
    ).to.equal(undefined);
    // An unknown type is not a shape problem: it renders the "not supported" notice.
    expect(checkDefinitionShape({ elements: [{ type: 'signaturepad', name: 's' }] })).to.equal(undefined);
  });

  it('names what is wrong with a value that is not a survey', () => {
    for (const value of [null, 'survey', 42, true, [], [{ type: 'text', name: 'q' }]]) {
      expect(checkDefinitionShape(value), JSON.stringify(value)).to.contain('JSON object');
    }
    expect(checkDefinitionShape({ foo: 1 })).to.contain('no "pages" or "elements"');
    expect(checkDefinitionShape({})).to.contain('no "pages" or "elements"');
  });

  it('rejects lists that are not lists and elements that are not elements', () => {
    expect(checkDefinitionShape({ pages: { p1: {} } })).to.equal('"pages" must be a list.');
    expect(checkDefinitionShape({ elements: 'text' })).to.equal('"elements" must be a list.');
    expect(checkDefinitionShape({ pages: ['p1'] })).to.equal('page 1 is not an object.');
    expect(checkDefinitionShape({ pages: [{ elements: {} }] })).to.equal('page 1: "elements" must be a list.');
    expect(checkDefinitionShape({ pages: [{ elements: [null] }] })).to.equal('page 1: element 1 is not an object.');
    expect(checkDefinitionShape({ pages: [{ elements: [{ type: 'text', name: 'a' }, { name: 'b' }] }] })).to.equal(
      'page 1: element 2 ("b") has no "type".',
    );
    expect(
      checkDefinitionShape({
        pages: [{ elements: [{ type: 'panel', name: 'box', elements: [{ type: '' }] }] }],
      }),
    ).to.equal('page 1: panel "box": element 1 has no "type".');
    expect(
      checkDefinitionShape({
        elements: [{ type: 'paneldynamic', name: 'kids', templateElements: [{ title: 'x' }] }],
      }),
    ).to.contain('has no "type"');
  });

  it('rejects a survey with no questions', () => {
    expect(checkDefinitionShape({ pages: [] })).to.equal('it contains no questions.');
    expect(checkDefinitionShape({ pages: [{ name: 'p1' }, { elements: [] }] })).to.equal('it contains no questions.');
  });
});
