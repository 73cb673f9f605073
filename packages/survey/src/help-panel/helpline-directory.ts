import type { Audience } from '@pupil-voice/schema';

/** The four nations a school can be in; helplines differ (Meic is for Wales). */
export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export function isNation(value: unknown): value is Nation {
  return typeof value === 'string' && (NATIONS as readonly string[]).includes(value);
}

/** Text in each language we ship; English is the fallback. */
export interface HelplineText {
  en: string;
  cy: string;
}

/** One helpline, with where its number came from and when that was last checked. */
export interface Helpline {
  /** Stable id (tests and a school's overrides refer to it). */
  id: string;
  name: HelplineText;
  /** Who it is for and when it is open, in a sentence. */
  description: HelplineText;
  /** A number to call, written as people read it (`0800 1111`); becomes a `tel:` link. */
  call?: string;
  /** A number to text, and the word to send if there is one; becomes an `sms:` link. */
  text?: { number: string; keyword?: string };
  /** The service's own website. */
  web?: string;
  audiences: readonly Audience[];
  nations: readonly Nation[];
  /** Where the number was taken from (a URL). */
  source: string;
  /** When the number was last checked against its source (ISO date). */
  lastChecked: string;
}

/** The helpline data file: every entry must be checked again within `reviewDays`. */
export interface HelplineDirectory {
  /** Days after `lastChecked` by which an entry must be checked again (a test fails after). */
  reviewDays: number;
  helplines: readonly Helpline[];
}

/** The helplines for one audience in one nation, in the directory's order. */
export function helplinesFor(directory: HelplineDirectory, audience: Audience, nation: Nation): Helpline[] {
  return directory.helplines.filter((line) => line.audiences.includes(audience) && line.nations.includes(nation));
}

/** Entries whose last check is older than the directory's review period on `today`. */
export function overdueHelplines(directory: HelplineDirectory, today: Date): Helpline[] {
  const limit = directory.reviewDays * 24 * 60 * 60 * 1000;
  return directory.helplines.filter((line) => {
    const checked = Date.parse(`${line.lastChecked}T00:00:00Z`);
    return Number.isNaN(checked) || today.getTime() - checked > limit;
  });
}

/** `tel:` URI for a number as written (`0800 1111` → `tel:08001111`). */
export function telUri(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** `sms:` URI (RFC 5724), with the keyword as the message body when there is one. */
export function smsUri(number: string, keyword?: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  return keyword ? `sms:${digits}?body=${encodeURIComponent(keyword)}` : `sms:${digits}`;
}

/** Checks the shape of a directory loaded from a school's own file; undefined when bad. */
export function parseHelplineDirectory(value: unknown): HelplineDirectory | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { reviewDays, helplines } = value as { reviewDays?: unknown; helplines?: unknown };
  if (typeof reviewDays !== 'number' || !Array.isArray(helplines)) return undefined;
  const ok = helplines.every(
    (line: unknown) =>
      typeof line === 'object' &&
      line !== null &&
      typeof (line as Helpline).id === 'string' &&
      typeof (line as Helpline).name?.en === 'string' &&
      Array.isArray((line as Helpline).audiences) &&
      Array.isArray((line as Helpline).nations) &&
      ((line as Helpline).call === undefined || typeof (line as Helpline).call === 'string') &&
      ((line as Helpline).text === undefined || typeof (line as Helpline).text?.number === 'string'),
  );
  return ok ? (value as HelplineDirectory) : undefined;
}

/**
 * The helplines to show: a school's own file (`src`, JSON of the same shape) or the built-in
 * directory. The built-in one is a separate module loaded on demand, so a page that cannot
 * load it (or a school file that is missing or malformed) still shows the survey: the caller
 * shows 999 and the school's contacts instead.
 */
export async function loadHelplineDirectory(src?: string): Promise<HelplineDirectory> {
  if (src) {
    const response = await fetch(src, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const parsed = parseHelplineDirectory(await response.json());
    if (!parsed) throw new Error('the helpline file does not have the expected shape');
    return parsed;
  }
  const module = await import('./helplines.js');
  return module.HELPLINE_DIRECTORY;
}
