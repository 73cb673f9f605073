// Writes tallies/school-*.json: what each school's collector exports (`pupil-voice-collector
// export --format tallies`), made here from synthetic answers so the example runs anywhere.
// Pupils report more harassment than their parents believe; one school has few parents.
// Run: npx tsc -b packages/aggregate && node examples/partnership-dashboard/make-tallies.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { serializeTally, tally } from '../../packages/aggregate/dist/index.js';

const here = new URL('.', import.meta.url);
const definition = JSON.parse(readFileSync(new URL('survey.json', here), 'utf8'));

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, weights) => {
  const entries = Object.entries(weights);
  let x = r() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of entries) if ((x -= w) < 0) return value;
  return entries.at(-1)[0];
};

function respond(r, audience, wave, schoolMood) {
  const pupil = audience === 'pupil';
  const later = wave === '2026' ? 1.15 : 1;
  const agree = (optimism) => pick(r, { 'strongly-disagree': 6, disagree: 12, neither: 18, agree: 30 * optimism, 'strongly-agree': 14 * optimism, 'dont-know': pupil ? 4 : 9 });
  const often = (rate) => pick(r, { never: pupil ? 45 : 75, sometimes: pupil ? 35 * rate : 20, often: pupil ? 15 * rate : 4, 'prefer-not': pupil ? 5 : 1 });
  return {
    year: pick(r, { 7: 22, 8: 21, 9: 20, 10: 19, 11: 18 }),
    'safe-at-school': agree((pupil ? 0.9 : 1.7) * schoolMood * later),
    harassment: { comments: often(1.4), images: often(0.9), touching: often(0.6) },
    'would-tell': agree((pupil ? 0.6 : 2) * later),
    where: ['toilets', 'corridors', 'online', 'journey', 'changing'].filter((_, i) => r() < (pupil ? [0.35, 0.25, 0.3, 0.12, 0.2] : [0.15, 0.1, 0.35, 0.1, 0.05])[i]),
    taught: pick(r, pupil ? { yes: 40 * later, no: 35, 'not-sure': 25 } : { yes: 70, no: 10, 'not-sure': 20 }),
    'hours-online': Math.round((pupil ? 3 : 2) + r() * 3),
  };
}

const SCHOOLS = [
  { id: 'Castle Hill Academy', file: 'school-a', pupils: 260, parents: 110, mood: 1 },
  { id: 'Riverside High', file: 'school-b', pupils: 220, parents: 90, mood: 0.8 },
  { id: 'St Anne’s School', file: 'school-c', pupils: 180, parents: 24, mood: 1.1 },
];
SCHOOLS.forEach((school, s) => {
  const r = random(100 + s);
  const responses = [];
  for (const wave of ['2025', '2026']) {
    for (const [audience, n] of [['pupil', school.pupils], ['parent', school.parents]]) {
      for (let i = 0; i < n; i++) {
        const data = respond(r, audience, wave, school.mood);
        // Pupils are split by year group; parents are not (24 a year at one school would put
        // four or five in a year group, too few to show anything about them).
        const yearGroup = audience === 'pupil' ? `Year ${data.year}` : 'All (parents)';
        responses.push({ data, meta: { audience, school: school.id, 'year group': yearGroup, wave } });
      }
    }
  }
  const t = tally(definition, responses, { segments: ['audience', 'school', 'year group', 'wave'] });
  writeFileSync(new URL(`tallies/${school.file}.json`, here), serializeTally(t) + '\n');
  console.log(`${school.file}.json: ${responses.length} responses`);
});
