import { expect } from '@open-wc/testing';
import { $, $$, deepActiveElement, renderSurvey, settle } from '../test-helpers.js';

// Dynamic panels, matrices of inputs and multiple text keep their errors in nested questions;
// the summary must still list them, or a failed Continue would look like nothing happened.
describe('<pv-survey> error summary with errors inside containers', () => {
  const cases: Array<[string, unknown]> = [
    [
      'paneldynamic',
      {
        type: 'paneldynamic',
        name: 'trusted_adults',
        title: 'Adults you trust',
        panelCount: 1,
        templateElements: [{ type: 'text', name: 'role', title: 'Who are they?', isRequired: true }],
      },
    ],
    [
      'multipletext',
      {
        type: 'multipletext',
        name: 'hours',
        title: 'Hours of sleep',
        items: [{ name: 'school_night', title: 'On a school night', isRequired: true }],
      },
    ],
    [
      'matrixdropdown',
      {
        type: 'matrixdropdown',
        name: 'clubs',
        title: 'Clubs',
        columns: [{ name: 'often', title: 'How often', cellType: 'dropdown', isRequired: true, choices: ['Weekly', 'Never'] }],
        rows: ['Art'],
      },
    ],
  ];

  for (const [type, question] of cases) {
    it(`lists a ${type} question whose nested answer is missing, and focuses the summary`, async () => {
      const el = await renderSurvey({
        pages: [{ elements: [question] }, { elements: [{ type: 'comment', name: 'later' }] }],
      });
      $<HTMLButtonElement>(el, '[part~="next-button"]')!.click();
      await settle(el);
      const summary = $(el, '.pv-error-summary');
      expect(summary, 'summary shown').to.exist;
      expect(deepActiveElement() === summary, 'focus on the summary').to.equal(true);
      const links = $$<HTMLAnchorElement>(el, '.pv-error-summary a');
      expect(links).to.have.length(1);
      expect(links[0]!.textContent).to.contain((question as { title: string }).title);
      expect(el.model!.currentPageNo).to.equal(0);
      await expect(el).to.be.accessible();
    });
  }
});
