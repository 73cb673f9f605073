import { expect } from '@open-wc/testing';
import { findPersonalInformation } from './personal-information.js';

const kinds = (text: string): string[] => findPersonalInformation(text).map((match) => `${match.kind}:${match.text}`);

describe('findPersonalInformation', () => {
  it('finds email addresses with their span', () => {
    const text = 'email me at sam.jones@school.sch.uk please';
    const [match] = findPersonalInformation(text);
    expect(match).to.deep.equal({ kind: 'email', start: 12, end: 35, text: 'sam.jones@school.sch.uk' });
    expect(text.slice(match!.start, match!.end)).to.equal(match!.text);
  });

  it('finds UK mobile and landline numbers in the usual spellings', () => {
    expect(kinds('text 07700 900123')).to.deep.equal(['phone:07700 900123']);
    expect(kinds('or 07700900123.')).to.deep.equal(['phone:07700900123']);
    expect(kinds('+44 7700 900123')).to.deep.equal(['phone:+44 7700 900123']);
    expect(kinds('+447700900123')).to.deep.equal(['phone:+447700900123']);
    expect(kinds('ring +44 (0)20 7946 0958')).to.deep.equal(['phone:+44 (0)20 7946 0958']);
    expect(kinds('home is 0161-496-0123')).to.deep.equal(['phone:0161-496-0123']);
  });

  it('finds names after "my name is", "I am called" and "name"', () => {
    expect(kinds('my name is tom and i like it')).to.deep.equal(['name:tom']);
    expect(kinds('My name is Tom Jones')).to.deep.equal(['name:Tom Jones']);
    expect(kinds("I'm called Priya")).to.deep.equal(['name:Priya']);
    expect(kinds('I am called Sam')).to.deep.equal(['name:Sam']);
    expect(kinds('the boy named Jack Brown did it')).to.deep.equal(['name:Jack Brown']);
    expect(kinds('her name is Aisha Khan')).to.deep.equal(['name:Aisha Khan']);
  });

  it('does not flag ages, dates, years, helplines or experiences', () => {
    for (const text of [
      "I'm 12",
      'I am 15 years old and in year 10',
      'it happened on 12/03/2024 and again on 2024-03-12',
      'since 2023, about 3 times a week',
      'I rang Childline on 0800 1111',
      'I am called names every day',
      'they call me names',
      'my name is not important',
      'I scored 10000000000 points',
      'Mr Smith helped',
    ]) {
      expect(findPersonalInformation(text), text).to.deep.equal([]);
    }
  });

  it('reports several findings in text order without overlaps', () => {
    const found = findPersonalInformation('My name is Ben Ali, 07700 900123, ben@example.com');
    expect(found.map((match) => match.kind)).to.deep.equal(['name', 'phone', 'email']);
    for (let i = 1; i < found.length; i += 1) expect(found[i]!.start).to.be.at.least(found[i - 1]!.end);
  });
});
