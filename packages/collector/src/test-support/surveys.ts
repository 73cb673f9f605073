/** Definitions used by the collector tests: one question of every collected type. */
export const EVERY_TYPE_SURVEY = {
  title: 'Every type',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'safe', choices: [1, 2, 3], showOtherItem: true, showNoneItem: true, showRefuseItem: true },
        { type: 'dropdown', name: 'year', choices: ['7', '8', '9', '10', '11'] },
        { type: 'checkbox', name: 'places', choices: ['corridor', 'online', 'bus'], maxSelectedChoices: 2, showNoneItem: true },
        { type: 'tagbox', name: 'tags', choices: ['a', 'b'] },
        { type: 'ranking', name: 'rank', choices: ['x', 'y', 'z'] },
        { type: 'imagepicker', name: 'face', choices: [{ value: 'happy', imageLink: 'h.png' }, { value: 'sad', imageLink: 's.png' }] },
        { type: 'rating', name: 'rate', rateMin: 1, rateMax: 5 },
        { type: 'rating', name: 'rateValues', rateValues: [0, 5, 10] },
        { type: 'boolean', name: 'told' },
      ],
    },
    {
      name: 'p2',
      elements: [
        { type: 'matrix', name: 'agree', rows: ['r1', 'r2'], columns: ['yes', 'no'] },
        { type: 'matrixdropdown', name: 'grid', rows: ['r1'], columns: [{ name: 'c1', cellType: 'dropdown', choices: [1, 2] }, { name: 'c2', cellType: 'text' }] },
        { type: 'multipletext', name: 'multi', items: [{ name: 'age', inputType: 'number' }, { name: 'word' }] },
        { type: 'text', name: 'count', inputType: 'number', min: 0, max: 30 },
        { type: 'text', name: 'when', inputType: 'date' },
        { type: 'text', name: 'mail', inputType: 'email' },
        { type: 'text', name: 'short', maxLength: 10 },
        { type: 'comment', name: 'story' },
        { type: 'comment', name: 'why', isRequired: true, visibleIf: '{told} = true' },
        { type: 'html', name: 'note', html: '<p>Thanks</p>' },
      ],
    },
  ],
};

/** A one-question poll, as a youth council would run on a take-over day. */
export const POLL = {
  title: 'Lunch poll',
  elements: [{ type: 'radiogroup', name: 'lunch', choices: ['pasta', 'curry', 'salad'] }],
};

/** A small pupil survey with a year-group question, for results and suppression. */
export const PUPIL_SURVEY = {
  title: 'Feeling safe',
  elements: [
    { type: 'dropdown', name: 'year', choices: ['7', '8'] },
    { type: 'radiogroup', name: 'safe', choices: ['yes', 'no', 'unsure'] },
    { type: 'comment', name: 'worry' },
  ],
};
