import type { Translation } from './translation.js';

export const en: Translation = {
  loading: 'Loading the survey…',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  requiredHint: '(required)',
  pageOf: (page, total) => `Page ${page} of ${total}`,
  progressLabel: 'Progress',
  unsupportedQuestion: (type) =>
    `This question type (“${type}”) is not supported yet, so it cannot be shown here.`,
  loadFailedTitle: 'Sorry, this survey cannot be shown',
  fetchFailed: 'The survey could not be downloaded. Check the connection and try again.',
  invalidJson: 'The survey file is damaged (it is not valid JSON).',
  invalidDefinition: (detail) => `The survey definition has a problem: ${detail}`,
  modelFailed: 'The survey could not be started.',
  completedHeading: 'Thank you',
  selectPlaceholder: 'Select…',
  otherCommentLabel: (choice) => `Please describe (${choice})`,
  moveUp: (item) => `Move “${item}” up`,
  moveDown: (item) => `Move “${item}” down`,
  rankingMoved: (item, position, total) => `“${item}” is now ${position} of ${total}`,
  addPanel: 'Add another',
  removePanel: (index) => `Remove entry ${index}`,
  panelHeading: (index) => `Entry ${index}`,
  filterChoices: 'Type to filter the choices',
  noChoicesMatch: 'No choices match',
};
