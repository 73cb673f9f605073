// The differential test: what <pv-survey> reports on pv-complete after a respondent answers
// through the UI (real keyboard, real clicks) must equal what a bare survey-core model holds
// after the same answers are set with setValue in the same order. Any renderer bug that writes
// a wrong value, skips survey-core's own handlers or loses logic (visibleIf, enableIf,
// requiredIf, choicesVisibleIf, piping, clearing hidden answers) shows up as a difference.
import { expect, oneEvent } from '@open-wc/testing';
import type { Question, QuestionMatrixDropdownModel, QuestionMultipleTextModel } from 'survey-core';
import '../define.js';
import type { PvCompleteEvent } from '../events.js';
import { loadSurveyCore } from '../survey-core-loader.js';
import { $, $$, deepActiveElement, modelOf, questionElement, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from './survey.js';
import { button, clickWithMouse, inputIdOf, press, tabToButton, tabToId, type } from './survey-test-support.js';

/** One respondent action: how to do it in the UI, and the value it leaves in the model. */
interface Answer {
  readonly name: string;
  readonly value: unknown;
  readonly act: (el: PvSurvey) => Promise<void>;
  /** The answer is a question's comment (e.g. the text for "Other"): setComment, not setValue. */
  readonly comment?: boolean;
}
type Step = Answer | 'next' | 'back' | 'submit' | ((el: PvSurvey) => Promise<void>);

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The input inside a question whose option label reads `text`. */
function optionInput(el: PvSurvey, name: string, text: string): HTMLInputElement {
  const host = questionElement(el, name);
  const label = Array.from(host.querySelectorAll('label')).find((candidate) => squash(candidate.textContent) === text);
  const input = label?.querySelector('input');
  if (!input) throw new Error(`${name}: no option labelled "${text}"`);
  return input;
}

/** Types into a text-like control, replacing what it held. */
function typeText(name: string, text: string, value: unknown = text, controlId?: (el: PvSurvey) => string): Answer {
  return {
    name,
    value,
    act: async (el) => {
      const id = controlId ? controlId(el) : inputIdOf(el, name);
      const control = (await tabToId(el, id)) as HTMLInputElement | HTMLTextAreaElement;
      control.select();
      await type(el, text);
    },
  };
}

/** Clicks an option's label with the mouse (radio, checkbox, boolean, rating). */
function click(name: string, text: string, value: unknown): Answer {
  return {
    name,
    value,
    act: async (el) => {
      const input = optionInput(el, name, text);
      await clickWithMouse(el, input.closest('label') ?? input);
      expect(input.checked, `${name}: "${text}" is checked after the click`).to.equal(true);
    },
  };
}

/** Chooses a radio by keyboard: Tab into the group, then Space (first) or arrows. */
function arrowTo(name: string, position: number, value: unknown): Answer {
  return {
    name,
    value,
    act: async (el) => {
      await tabToId(el, inputIdOf(el, name));
      if (position === 0) await press(el, 'Space');
      for (let i = 0; i < position; i += 1) await press(el, 'ArrowDown');
    },
  };
}

/** Chooses from a native select by typing the start of the option's text. */
function selectByTyping(name: string, typed: string, value: unknown): Answer {
  return {
    name,
    value,
    act: async (el) => {
      await tabToId(el, inputIdOf(el, name));
      await type(el, typed);
    },
  };
}

function clickMatrixCell(name: string, row: string, column: string, value: unknown): Answer {
  return {
    name,
    value,
    act: async (el) => {
      const tr = Array.from(questionElement(el, name).querySelectorAll('tr')).find(
        (candidate) => squash(candidate.querySelector('th')?.textContent) === row,
      );
      const label = Array.from(tr?.querySelectorAll('label') ?? []).find((candidate) => squash(candidate.textContent) === column);
      const input = label?.querySelector('input');
      if (!input) throw new Error(`${name}: no cell ${row} / ${column}`);
      await clickWithMouse(el, input);
    },
  };
}

/** Runs the steps in the UI, and the same answers on a bare model; returns both results. */
async function runBoth(definition: object, steps: readonly Step[]) {
  const el = await renderSurvey(definition);
  const answers: Answer[] = [];
  const completed = oneEvent(el, 'pv-complete');
  for (const step of steps) {
    if (step === 'next' || step === 'back' || step === 'submit') {
      const page = modelOf(el).currentPageNo;
      await tabToButton(el, `${step}-button`);
      await press(el, 'Enter');
      if (step !== 'submit') {
        expect(modelOf(el).currentPageNo, `${step} from page ${page}`).to.not.equal(page);
        expect(deepActiveElement()?.classList.contains('pv-page-heading'), 'focus on the new heading').to.equal(true);
      }
    } else if (typeof step === 'function') {
      await step(el);
    } else {
      await step.act(el);
      answers.push(step);
    }
  }
  const event = (await completed) as unknown as PvCompleteEvent;

  const { Model } = await loadSurveyCore();
  const bare = new Model(definition);
  for (const answer of answers) {
    if (answer.comment) bare.setComment(answer.name, answer.value as string);
    else bare.setValue(answer.name, answer.value);
  }
  expect(bare.validate(false), 'the same answers are valid in the bare model').to.equal(true);
  bare.doComplete();
  return { ui: event.data, bare: bare.data as Record<string, unknown>, el };
}

const SCHOOL_LIFE = {
  title: 'School life',
  pages: [
    {
      name: 'about',
      title: 'About you',
      elements: [
        { type: 'radiogroup', name: 'year', title: 'Which year are you in?', choices: ['Year 7', 'Year 8', 'Year 9', 'Year 10', 'Year 11'] },
        { type: 'boolean', name: 'clubs', title: 'Do you go to any clubs?' },
        {
          type: 'checkbox',
          name: 'whichClubs',
          title: 'Which clubs?',
          visibleIf: '{clubs} = true',
          choices: ['Sport', 'Music', 'Drama', { value: 'Coding', visibleIf: "{year} != 'Year 7'" }],
        },
        {
          type: 'radiogroup',
          name: 'bestClub',
          title: 'Which club do you like best?',
          visibleIf: '{whichClubs.length} > 1',
          choices: ['Sport', 'Music', 'Drama', 'Coding'],
          choicesVisibleIf: '{whichClubs} contains {item}',
        },
      ],
    },
    {
      name: 'feelings',
      title: 'How {year} feels',
      elements: [
        { type: 'rating', name: 'safe', title: 'How safe do you feel at school?', rateMin: 1, rateMax: 5 },
        { type: 'comment', name: 'whyUnsafe', title: 'What makes you feel unsafe?', visibleIf: '{safe} <= 2', requiredIf: '{safe} = 1' },
        { type: 'text', name: 'oneWord', title: 'One word for {bestClub}', enableIf: '{safe} notempty' },
      ],
    },
    {
      name: 'travel',
      title: 'Getting about',
      elements: [
        { type: 'dropdown', name: 'travel', title: 'How do you get to school?', choices: ['Walk', 'Bus', 'Car', 'Bike'] },
        { type: 'matrix', name: 'week', title: 'How do you feel on these days?', columns: ['Happy', 'OK', 'Sad'], rows: ['Monday', 'Friday'] },
        {
          type: 'panel',
          name: 'extra',
          title: 'Ideas',
          elements: [
            { type: 'text', name: 'idea', title: 'One idea to make school better' },
            { type: 'boolean', name: 'share', title: 'Can we share your idea?', visibleIf: '{idea} notempty' },
          ],
        },
      ],
    },
  ],
};

const TELLING = {
  title: 'Feeling safe',
  pages: [
    {
      name: 'start',
      elements: [
        { type: 'radiogroup', name: 'role', title: 'Are you a pupil?', choices: ['Pupil', 'Prefer not to say'] },
        { type: 'radiogroup', name: 'bullied', title: 'Has anyone been unkind to you this term?', choices: ['Yes', 'No', 'Prefer not to say'] },
      ],
    },
    {
      name: 'where',
      visibleIf: "{bullied} = 'Yes'",
      title: 'Where it happened',
      elements: [
        { type: 'checkbox', name: 'where', title: 'Where did it happen?', choices: ['Classroom', 'Online', 'Corridors'], showOtherItem: true },
        { type: 'boolean', name: 'told', title: 'Did you tell someone?' },
        { type: 'checkbox', name: 'whoTold', title: 'Who did you tell?', visibleIf: '{told} = true', choices: ['Teacher', 'Parent', 'Friend'] },
      ],
    },
    {
      name: 'you',
      title: 'About you',
      elements: [
        { type: 'text', name: 'age', title: 'How old are you?', inputType: 'number', validators: [{ type: 'numeric', minValue: 11, maxValue: 18 }] },
        { type: 'text', name: 'reason', title: 'Why did you start this school?', requiredIf: '{age} < 13' },
      ],
    },
  ],
};

const GROUPS = {
  title: 'Lessons and friends',
  pages: [
    {
      name: 'likes',
      elements: [
        {
          type: 'multipletext',
          name: 'favourites',
          title: 'Your favourites',
          items: [
            { name: 'subject', title: 'Subject' },
            { name: 'lunch', title: 'School lunch' },
          ],
        },
        { type: 'rating', name: 'lunchScore', title: 'Rate {favourites.lunch}', rateType: 'stars', rateCount: 5 },
      ],
    },
    {
      name: 'lessons',
      elements: [
        {
          type: 'matrixdropdown',
          name: 'homework',
          title: 'Homework each week',
          columns: [{ name: 'hours', title: 'Hours', cellType: 'text', inputType: 'number' }],
          rows: ['Maths', 'Art'],
        },
        {
          type: 'paneldynamic',
          name: 'activities',
          title: 'Things you do after school',
          templateElements: [{ type: 'text', name: 'activity', title: 'Activity' }],
          panelCount: 0,
        },
      ],
    },
  ],
};

describe('differential: <pv-survey> against a bare survey-core model', function () {
  // Real keyboard through whole pages: slow on a busy two-core machine.
  this.timeout(60_000);
  it('school life: visibleIf, choicesVisibleIf, item visibleIf, enableIf, requiredIf, piping, panel, matrix', async () => {
    const { ui, bare, el } = await runBoth(SCHOOL_LIFE, [
      arrowTo('year', 1, 'Year 8'),
      click('clubs', 'Yes', true),
      click('whichClubs', 'Music', ['Music']),
      click('whichClubs', 'Drama', ['Music', 'Drama']),
      async (page) => {
        // choicesVisibleIf: only the chosen clubs are offered.
        const offered = $$(page, `[data-qid="${modelOf(page).getQuestionByName('bestClub').id}"] .pv-option-label`).map((l) => squash(l.textContent));
        expect(offered).to.deep.equal(['Music', 'Drama']);
      },
      click('bestClub', 'Drama', 'Drama'),
      'next',
      async (page) => {
        expect(squash($(page, '.pv-page-heading')?.textContent)).to.equal('How Year 8 feels');
        // enableIf: disabled until "safe" is answered.
        expect((page.shadowRoot!.getElementById(inputIdOf(page, 'oneWord')) as HTMLInputElement).disabled).to.equal(true);
      },
      click('safe', '1', 1),
      async (page) => {
        // requiredIf: Continue is refused until the now-visible, now-required comment is written.
        button(page, 'next-button')!.click();
        await settle(page);
        expect(modelOf(page).currentPageNo).to.equal(1);
        expect($$<HTMLAnchorElement>(page, '.pv-error-summary a').map((a) => a.hash)).to.deep.equal([`#${inputIdOf(page, 'whyUnsafe')}`]);
      },
      typeText('whyUnsafe', 'Crowded corridors'),
      typeText('oneWord', 'loud'),
      arrowTo('safe', 3, 4),
      'next',
      selectByTyping('travel', 'Bu', 'Bus'),
      clickMatrixCell('week', 'Monday', 'Happy', { Monday: 'Happy' }),
      clickMatrixCell('week', 'Friday', 'OK', { Monday: 'Happy', Friday: 'OK' }),
      typeText('idea', 'More benches'),
      // The answer is kept when the field is left (survey-core's default textUpdateMode);
      // only then does the follow-up question appear.
      (page) => press(page, 'Tab'),
      click('share', 'No', false),
      'submit',
    ]);
    expect(ui).to.deep.equal(bare);
    // Sanity: the hidden comment was cleared on completion, as survey-core does.
    expect(ui).to.deep.equal({
      year: 'Year 8',
      clubs: true,
      whichClubs: ['Music', 'Drama'],
      bestClub: 'Drama',
      safe: 4,
      oneWord: 'loud',
      travel: 'Bus',
      week: { Monday: 'Happy', Friday: 'OK' },
      idea: 'More benches',
      share: false,
    });
    await expect(el).to.be.accessible();
  });

  it('telling: a page shown by an answer, other-with-comment, a number, requiredIf, and going back to change an answer', async () => {
    const { ui, bare } = await runBoth(TELLING, [
      click('role', 'Pupil', 'Pupil'),
      arrowTo('bullied', 0, 'Yes'),
      'next',
      click('where', 'Online', ['Online']),
      click('where', 'Other (describe)', ['Online', 'other']),
      {
        ...typeText('where', 'At the bus stop', 'At the bus stop', (el) => {
          const comment = questionElement(el, 'where').querySelector<HTMLElement>('textarea, input[type="text"]');
          if (!comment) throw new Error('no comment box for Other');
          return comment.id;
        }),
        comment: true,
      },
      click('told', 'Yes', true),
      click('whoTold', 'Teacher', ['Teacher']),
      'next',
      typeText('age', '12', 12),
      typeText('reason', 'We moved house'),
      'back',
      'back',
      // Changing the answer hides the "where" page; its answers go when the survey completes.
      arrowTo('bullied', 1, 'No'),
      'next',
      'submit',
    ]);
    expect(ui).to.deep.equal(bare);
    expect(ui).to.deep.equal({ role: 'Pupil', bullied: 'No', age: 12, reason: 'We moved house' });
  });

  it('groups: multiple text, star rating, matrix dropdown cells and repeated entries', async () => {
    const { ui, bare } = await runBoth(GROUPS, [
      typeText('favourites', 'History', { subject: 'History' }, (el) =>
        (modelOf(el).getQuestionByName('favourites') as QuestionMultipleTextModel).items[0]!.editor.inputId,
      ),
      typeText('favourites', 'Pasta', { subject: 'History', lunch: 'Pasta' }, (el) =>
        (modelOf(el).getQuestionByName('favourites') as QuestionMultipleTextModel).items[1]!.editor.inputId,
      ),
      arrowTo('lunchScore', 3, 4),
      async (page) => {
        expect(squash(questionElement(page, 'lunchScore').querySelector('.pv-title')?.textContent)).to.contain('Rate Pasta');
      },
      'next',
      typeText('homework', '3', { Maths: { hours: 3 } }, (el) => cellId(el, 'Maths')),
      typeText('homework', '1', { Maths: { hours: 3 }, Art: { hours: 1 } }, (el) => cellId(el, 'Art')),
      {
        name: 'activities',
        value: [{ activity: 'Football' }],
        act: async (page) => {
          await tabToButton(page, 'add-button');
          await press(page, 'Enter');
          // The new entry's first field has focus.
          await type(page, 'Football');
        },
      },
      'submit',
    ]);
    expect(ui).to.deep.equal(bare);
    expect(ui).to.deep.equal({
      favourites: { subject: 'History', lunch: 'Pasta' },
      lunchScore: 4,
      homework: { Maths: { hours: 3 }, Art: { hours: 1 } },
      activities: [{ activity: 'Football' }],
    });
  });
});

function cellId(el: PvSurvey, row: string): string {
  const matrix = modelOf(el).getQuestionByName('homework') as QuestionMatrixDropdownModel;
  const found = matrix.visibleRows.find((candidate) => candidate.rowName === row);
  const cell = found?.getQuestionByColumnName('hours') as Question | undefined;
  if (!cell) throw new Error(`no cell for ${row}`);
  return cell.inputId;
}
