// The two surveys the benchmark loads on both sides. Only question types that SurveyJS's own
// renderer and <pv-survey> both render with native radios/checkboxes are used, so the same
// clicks answer every question on either page.

/** Text of the first question's title: the benchmark waits for it to be painted. */
const FIRST_TITLE_MATRIX = 'How much do you agree with each statement?';

export const FIRST_TITLE = {
  pupil: 'How do you feel about school most days?',
  forty: 'Q1. I feel safe at school.',
  big: 'Item 1. I feel safe at school.',
  matrix: FIRST_TITLE_MATRIX,
};

/** Shown after Submit on both sides; the completion run waits for it. */
export const COMPLETED_TEXT = 'Thank you for taking part';

const completedHtml = `<h3>${COMPLETED_TEXT}</h3><p>Your answers help make school better.</p>`;

/** A realistic three-page pupil survey (primary/secondary wellbeing check-in). */
export const pupilSurvey = {
  title: 'Our school: your voice',
  description: 'There are no right or wrong answers. Nobody will know which answers are yours.',
  showProgressBar: true,
  completedHtml,
  pages: [
    {
      name: 'feelings',
      title: 'How you feel',
      elements: [
        {
          type: 'radiogroup',
          name: 'feel',
          title: FIRST_TITLE.pupil,
          isRequired: true,
          choices: ['Happy', 'OK', 'Not sure', 'Worried', 'Sad'],
        },
        { type: 'rating', name: 'safe', title: 'How safe do you feel at school?', rateCount: 5, minRateDescription: 'Not safe', maxRateDescription: 'Very safe' },
        { type: 'boolean', name: 'trusted_adult', title: 'Is there an adult at school you could talk to if you were worried?' },
      ],
    },
    {
      name: 'learning',
      title: 'Learning',
      elements: [
        {
          type: 'checkbox',
          name: 'enjoy',
          title: 'Which lessons do you enjoy?',
          choices: ['English', 'Maths', 'Science', 'Art', 'PE', 'Music', 'Computing'],
        },
        { type: 'rating', name: 'help', title: 'When you find work hard, how often do you get help?', rateCount: 5 },
        {
          type: 'radiogroup',
          name: 'homework',
          title: 'How much homework do you get?',
          choices: ['Too little', 'About right', 'Too much'],
        },
      ],
    },
    {
      name: 'friends',
      title: 'Friends and break times',
      elements: [
        { type: 'boolean', name: 'bullied', title: 'Has anyone been unkind to you at school this term?' },
        {
          type: 'radiogroup',
          name: 'told',
          title: 'Did you tell an adult?',
          visibleIf: '{bullied} = true',
          choices: ['Yes', 'No', 'I did not want to'],
        },
        {
          type: 'checkbox',
          name: 'breaktime',
          title: 'What would make break times better?',
          choices: ['More games', 'Quiet space', 'More adults around', 'Clubs', 'Nothing'],
        },
      ],
    },
  ],
};

const statements = [
  'I feel safe at school.', 'Adults listen to me.', 'I enjoy coming to school.', 'Lessons are interesting.',
  'I know who to ask for help.', 'Behaviour in class is good.', 'I have friends at school.', 'The toilets are clean.',
  'I get enough time to eat lunch.', 'Teachers explain things clearly.',
];

/**
 * Forty questions on four pages of ten: radiogroups, 1–5 ratings, yes/no and tick-boxes in
 * turn, the size of a full annual pupil survey.
 */
export function fortyQuestionSurvey() {
  const pages = [];
  for (let p = 0; p < 4; p += 1) {
    const elements = [];
    for (let i = 0; i < 10; i += 1) {
      const n = p * 10 + i + 1;
      const statement = statements[(n - 1) % statements.length];
      const title = `Q${n}. ${statement}`;
      const name = `q${n}`;
      switch (n % 4) {
        case 1:
          elements.push({ type: 'radiogroup', name, title, choices: ['Always', 'Usually', 'Sometimes', 'Rarely', 'Never'] });
          break;
        case 2:
          elements.push({ type: 'rating', name, title, rateCount: 5 });
          break;
        case 3:
          elements.push({ type: 'boolean', name, title });
          break;
        default:
          elements.push({ type: 'checkbox', name, title, choices: ['In lessons', 'At break', 'At lunch', 'Online', 'On the way to school'] });
      }
    }
    pages.push({ name: `page${p + 1}`, elements });
  }
  return { title: 'Annual pupil survey', showProgressBar: true, completedHtml, pages };
}


/**
 * Two hundred questions on twenty pages of ten: the size where a renderer that keeps every
 * page in the DOM, or re-renders the whole survey per answer, shows it on the next page.
 */
export function twoHundredQuestionSurvey() {
  const pages = [];
  for (let p = 0; p < 20; p += 1) {
    const elements = [];
    for (let i = 0; i < 10; i += 1) {
      const n = p * 10 + i + 1;
      const title = `Item ${n}. ${statements[(n - 1) % statements.length]}`;
      const name = `i${n}`;
      elements.push(
        n % 2
          ? { type: 'radiogroup', name, title, choices: ['Always', 'Usually', 'Sometimes', 'Rarely', 'Never'] }
          : { type: 'rating', name, title, rateCount: 5 },
      );
    }
    pages.push({ name: `page${p + 1}`, elements });
  }
  return { title: 'A long survey', showProgressBar: true, completedHtml, pages };
}

/** One agree/disagree matrix of sixty statements, five columns. */
export function sixtyRowMatrixSurvey() {
  const rows = [];
  for (let r = 0; r < 60; r += 1) rows.push({ value: `s${r + 1}`, text: `Statement ${r + 1}: ${statements[r % statements.length]}` });
  return {
    title: 'Agree or disagree',
    completedHtml,
    pages: [{
      name: 'grid',
      elements: [{
        type: 'matrix',
        name: 'grid',
        title: FIRST_TITLE_MATRIX,
        columns: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'],
        rows,
      }],
    }],
  };
}

/** Survey name → definition, as served at /surveys/<name>.json. */
export const SURVEYS = { pupil: pupilSurvey, forty: fortyQuestionSurvey(), big: twoHundredQuestionSurvey(), matrix: sixtyRowMatrixSurvey() };
