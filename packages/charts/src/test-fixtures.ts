// Shared by the browser tests (not exported): a survey with every chart kind, responses with
// large and small groups, and its publication.
import { loadLpSolver, suppress, tally, type PublishedTally, type Tally } from '@pupil-voice/aggregate';

// suppress audits with the LP solver (HiGHS, WebAssembly fetched beside its module).
await loadLpSolver();

export const DEFINITION = {
  title: 'Feeling safe',
  pages: [
    {
      elements: [
        {
          type: 'radiogroup',
          name: 'safe',
          title: 'How often do you feel safe at school?',
          choices: [
            { value: 'always', text: 'Always' },
            { value: 'mostly', text: 'Mostly' },
            { value: 'sometimes', text: 'Sometimes' },
            { value: 'never', text: 'Never' },
            { value: 'prefer-not', text: 'Prefer not to say' },
          ],
        },
        {
          type: 'radiogroup',
          name: 'adults-listen',
          title: 'Adults at school listen to pupils',
          choices: [
            { value: 'sd', text: 'Strongly disagree' },
            { value: 'd', text: 'Disagree' },
            { value: 'n', text: 'Neither agree nor disagree' },
            { value: 'a', text: 'Agree' },
            { value: 'sa', text: 'Strongly agree' },
            { value: 'dk', text: "Don't know" },
          ],
        },
        {
          type: 'checkbox',
          name: 'places',
          title: 'Where do you feel less safe?',
          choices: [
            { value: 'corridors', text: 'Corridors' },
            { value: 'toilets', text: 'Toilets' },
            { value: 'online', text: 'Online' },
            { value: 'journey', text: 'On the way to school' },
          ],
        },
        {
          type: 'matrix',
          name: 'feelings',
          title: 'In the last two weeks I have…',
          columns: [
            { value: 'never', text: 'Never' },
            { value: 'sometimes', text: 'Sometimes' },
            { value: 'often', text: 'Often' },
            { value: 'prefer-not', text: 'Prefer not to say' },
          ],
          rows: [
            { value: 'cheerful', text: 'felt cheerful' },
            { value: 'calm', text: 'felt calm' },
            { value: 'useful', text: 'felt useful' },
          ],
        },
        { type: 'text', name: 'hours', inputType: 'number', title: 'Hours of sleep last night' },
        { type: 'comment', name: 'change', title: 'One thing you would change' },
      ],
    },
  ],
};

/** A small deterministic random source (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, items: readonly T[], weights: readonly number[]): T => {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
};

/** Responses: many pupils and parents (two schools), a handful of staff, rare answers. */
export function responses(seed = 7, pupils = 240, parents = 120, staff = 6): Array<{ data: Record<string, unknown>; meta: Record<string, string> }> {
  const r = random(seed);
  const out: Array<{ data: Record<string, unknown>; meta: Record<string, string> }> = [];
  const add = (audience: string, n: number, optimism: number) => {
    for (let i = 0; i < n; i++) {
      const data: Record<string, unknown> = {
        safe: pick(r, ['always', 'mostly', 'sometimes', 'never', 'prefer-not'], [30 * optimism, 40, 20, 6, 2]),
        'adults-listen': pick(r, ['sd', 'd', 'n', 'a', 'sa', 'dk'], [8, 15, 20, 30 * optimism, 15 * optimism, 6]),
        places: ['corridors', 'toilets', 'online', 'journey'].filter((_, j) => r() < [0.3, 0.25, 0.2, 0.03][j]!),
        feelings: { cheerful: pick(r, ['never', 'sometimes', 'often', 'prefer-not'], [10, 40, 45, 3]), calm: pick(r, ['never', 'sometimes', 'often'], [20, 50, 30]), useful: pick(r, ['never', 'sometimes', 'often'], [25, 45, 30]) },
        hours: Math.round(5 + r() * 5),
      };
      if (r() < 0.3) data.change = 'more time outside';
      out.push({ data, meta: { audience, school: r() < 0.5 ? 'A' : 'B', wave: '2026' } });
    }
  };
  add('pupil', pupils, 1);
  add('parent', parents, 2);
  add('staff', staff, 1);
  return out;
}

export interface Fixture {
  raw: Tally;
  published: PublishedTally;
}

/**
 * The raw tally by audience and school, and its publication (k = 10) with totals over schools
 * only: a total over audiences would let six staff force every parents' number to be hidden.
 */
export function fixture(seed = 7, pupils = 240, parents = 120, staff = 6): Fixture {
  const raw = tally(DEFINITION, responses(seed, pupils, parents, staff), { segments: ['audience', 'school'] });
  return { raw, published: suppress(raw, { k: 10, totals: ['school'] }) };
}
