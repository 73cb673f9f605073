// Generated data shaped like a safeguarding partnership's survey, for the suppression
// benchmark and the collector's publication measurement: schools of different sizes
// (secondary years 7–11, primary years 4–6), mostly pupils, fewer parents (who give their
// child's year group, or none), and few staff (no year group); 5–20 questions, most of them
// agree/disagree statements published with "agree" and "disagree" groupings, the rest
// frequency, yes/no and tick-all questions, with skewed answers that differ by audience.
// Seeded: the same arguments give the same responses in every run.

/** mulberry32: small, seeded, good enough for test data. */
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

const AGREE = ['strongly_agree', 'agree', 'neither', 'disagree', 'strongly_disagree'];
const OFTEN = ['never', 'rarely', 'sometimes', 'often', 'a_lot'];
const PLACES = ['classroom', 'corridor', 'toilets', 'online', 'outside'];

/**
 * The survey with `questions` questions (5–20) and the groupings to publish with it.
 * Every third question from the fourth on is not an agree/disagree statement.
 */
export function partnershipSurvey(questions) {
  const elements = [];
  const groupings = {};
  for (let i = 1; i <= questions; i++) {
    const name = `q${String(i).padStart(2, '0')}`;
    const kind = i <= 3 ? 'agree' : ['often', 'agree', 'yesno', 'agree', 'places', 'agree'][i % 6];
    if (kind === 'agree') {
      elements.push({ type: 'radiogroup', name, title: `Statement ${i}`, choices: AGREE });
      groupings[name] = { agree: AGREE.slice(0, 2), disagree: AGREE.slice(3) };
    } else if (kind === 'often') {
      elements.push({ type: 'radiogroup', name, title: `How often ${i}?`, choices: OFTEN });
    } else if (kind === 'yesno') {
      elements.push({ type: 'boolean', name, title: `Have you ${i}?` });
    } else {
      elements.push({ type: 'checkbox', name, title: `Where ${i}?`, choices: PLACES });
    }
  }
  return { definition: { title: 'Partnership survey', pages: [{ name: 'p1', elements }] }, groupings };
}

/** Answer shares per audience (agree statements: adults agree more than pupils do). */
const AGREE_SHARES = {
  pupil: [0.22, 0.38, 0.2, 0.13, 0.07],
  parent: [0.35, 0.45, 0.12, 0.06, 0.02],
  staff: [0.45, 0.45, 0.07, 0.03, 0.0],
};
const OFTEN_SHARES = {
  pupil: [0.45, 0.25, 0.18, 0.08, 0.04],
  parent: [0.7, 0.2, 0.08, 0.02, 0.0],
  staff: [0.55, 0.3, 0.12, 0.03, 0.0],
};

/**
 * `count` responses over `schools` schools (wire format, segments in `meta`: audience,
 * school, year). School sizes vary about fourfold; one school in four is a primary.
 * Per school: 75% pupils, 20% parents, 5% staff.
 */
export function partnershipResponses(definition, count, { schools, seed = 7 }) {
  const next = random(seed);
  const pickShares = (shares, values) => {
    let r = next();
    for (let i = 0; i < values.length; i++) {
      r -= shares[i];
      if (r < 0) return values[i];
    }
    return values[values.length - 1];
  };
  const sizes = Array.from({ length: schools }, () => 0.5 + 1.5 * next());
  const total = sizes.reduce((a, b) => a + b, 0);
  const schoolList = sizes.map((size, s) => ({
    id: `S${String(s + 1).padStart(3, '0')}`,
    years: s % 4 === 3 ? ['4', '5', '6'] : ['7', '8', '9', '10', '11'],
    share: size / total,
  }));
  const elements = definition.pages.flatMap((page) => page.elements);
  const out = new Array(count);
  for (let r = 0; r < count; r++) {
    let pick = next();
    let school = schoolList[schoolList.length - 1];
    for (const candidate of schoolList) {
      pick -= candidate.share;
      if (pick < 0) {
        school = candidate;
        break;
      }
    }
    const a = next();
    const audience = a < 0.75 ? 'pupil' : a < 0.95 ? 'parent' : 'staff';
    const year =
      audience === 'staff' || (audience === 'parent' && next() < 0.2) ? undefined : school.years[Math.floor(next() * school.years.length)];
    const data = {};
    for (const element of elements) {
      if (next() < 0.04) continue; // skipped
      if (element.type === 'radiogroup') {
        data[element.name] = pickShares(element.choices === AGREE ? AGREE_SHARES[audience] : OFTEN_SHARES[audience], element.choices);
      } else if (element.type === 'boolean') {
        data[element.name] = next() < (audience === 'pupil' ? 0.3 : 0.15);
      } else {
        data[element.name] = element.choices.filter(() => next() < (audience === 'pupil' ? 0.25 : 0.1));
      }
    }
    const meta = { audience, school: school.id };
    if (year !== undefined) meta.year = year;
    out[r] = { id: `r${r}`, data, meta };
  }
  return out;
}
