/** The kinds of personal information a free-text answer is checked for. */
export type PersonalInformationKind = 'email' | 'phone' | 'name';

/** One suspected piece of personal information; `start`/`end` index into the text. */
export interface PersonalInformationMatch {
  kind: PersonalInformationKind;
  start: number;
  end: number;
  text: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// A UK number written as +44 … or 0…, with spaces, hyphens or a "(0)" between digit groups.
// Checked afterwards for a plausible length and prefix, so dates and ages never match.
const PHONE = /(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s\-)]{7,14}\d(?!\d)/g;

// "my name is X", "my name's X", "name: X"; X may be lower case (children often write so).
const NAME_STATEMENT =
  /\b(?:[Mm]y\s+name\s+is|[Mm]y\s+name's|[Mm]y\s+names|[Nn]ame\s*:)\s+([A-Za-z][A-Za-z'-]+(?:\s+[A-Z][a-z'-]+)?)/g;
// "I am called X", "I'm called X", "call me X", "his/her name is X": X must be capitalised,
// because "I am called names" or "called stupid" are experiences, not names.
const CALLED = /\b(?:[Ii]\s+am\s+called|[Ii]'m\s+called|[Ii]m\s+called|[Cc]all\s+me|(?:[Hh]is|[Hh]er|[Tt]heir)\s+name\s+is)\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)/g;
// A capitalised first + last name right after the word "name": "name John Smith".
const NAME_PAIR = /\bnamed?\s+([A-Z][a-z'-]+\s+[A-Z][a-z'-]+)/g;

/** Words that follow "my name is" but are not names ("my name is not important"). */
const NOT_NAMES = new Set([
  'not', 'secret', 'private', 'anonymous', 'none', 'nothing', 'unknown', 'hidden', 'a', 'an', 'the',
  'in', 'on', 'being', 'called', 'used', 'said', 'shouted', 'written', 'mentioned', 'irrelevant',
]);

function phoneDigitsPlausible(raw: string): boolean {
  const digits = raw.replace(/\D/g, '');
  const national = raw.trim().startsWith('+44') ? digits.slice(2).replace(/^0/, '') : digits.replace(/^0/, '');
  if (!raw.trim().startsWith('+44') && !digits.startsWith('0')) return false;
  // UK national numbers are 9 or 10 digits after the 0; geographic 1/2, non-geographic 3,
  // mobiles 7, freephone and others 8.
  return (national.length === 9 || national.length === 10) && /^[12378]/.test(national);
}

function collect(
  text: string,
  pattern: RegExp,
  kind: PersonalInformationKind,
  group: number,
  accept: (value: string) => boolean = () => true,
): PersonalInformationMatch[] {
  const matches: PersonalInformationMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    const value = match[group];
    if (value === undefined || match.index === undefined) continue;
    const trimmed = value.replace(/[\s\-)]+$/, '');
    if (!accept(trimmed)) continue;
    const start = match.index + match[0].lastIndexOf(value);
    matches.push({ kind, start, end: start + trimmed.length, text: trimmed });
  }
  return matches;
}

/**
 * Finds emails, UK phone numbers and name-like phrases in a free-text answer, so the
 * respondent can be warned gently before submitting ("you may have written a name…").
 * Deliberately cautious about false positives: ages ("I'm 12"), dates, years and short
 * helpline numbers are not flagged. Results are sorted by position and never overlap.
 */
export function findPersonalInformation(text: string): PersonalInformationMatch[] {
  const found = [
    ...collect(text, EMAIL, 'email', 0),
    ...collect(text, PHONE, 'phone', 0, phoneDigitsPlausible),
    ...collect(text, NAME_STATEMENT, 'name', 1, (name) => !NOT_NAMES.has(name.split(/\s+/)[0]!.toLowerCase())),
    ...collect(text, CALLED, 'name', 1),
    ...collect(text, NAME_PAIR, 'name', 1),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const result: PersonalInformationMatch[] = [];
  for (const match of found) {
    const last = result[result.length - 1];
    if (last && match.start < last.end) continue;
    result.push(match);
  }
  return result;
}
