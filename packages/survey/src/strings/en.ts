import type { Translation } from './translation.js';
import { choiceName } from './choice-name.js';

export const en: Translation = {
  loading: 'Loading the survey…',
  errorSummaryTitle: 'There is a problem',
  errorPrefix: 'Error:',
  requiredHint: '(required)',
  pageOf: (page, total) => `Page ${page} of ${total}`,
  progressLabel: 'Progress',
  unknownQuestionTypes: (types) => `This survey has questions of a type that cannot be shown here, so they are missing: ${types}.`,
  unsupportedQuestion: (type) =>
    `This question type (“${type}”) is not supported yet, so it cannot be shown here.`,
  loadFailedTitle: 'Sorry, this survey cannot be shown',
  fetchFailed: 'The survey could not be downloaded. Check the connection and try again.',
  invalidJson: 'The survey file is damaged (it is not valid JSON).',
  invalidDefinition: (detail) => `The survey definition has a problem: ${detail}`,
  modelFailed: 'The survey could not be started.',
  completedHeading: 'Thank you',
  selectPlaceholder: 'Select…',
  otherCommentLabel: (choice) => `${choiceName(choice)}: please describe`,
  moveUp: (item) => `Move “${item}” up`,
  moveDown: (item) => `Move “${item}” down`,
  rankingMoved: (item, position, total) => `“${item}” is now ${position} of ${total}`,
  addPanel: 'Add another',
  removePanel: (index) => `Remove entry ${index}`,
  panelHeading: (index) => `Entry ${index}`,
  filterChoices: 'Type to filter the choices',
  noChoicesMatch: 'No choices match',
  removeChoice: (item) => `Remove “${item}”`,
  selectedChoices: 'Selected',
  rankingAdd: (item) => `Add “${item}” to the ranking`,
  rankingRemove: (item) => `Take “${item}” out of the ranking`,
  rankingRemoved: (item) => `“${item}” is no longer ranked`,
  rankedChoices: 'Your ranking',
  unrankedChoices: 'Not ranked yet',
  videoNotShown: 'This video cannot be played inside the survey.',
  watchVideo: 'Watch the video (opens in a new tab)',
  characterLimit: (max) => `You can enter up to ${max} characters`,
  charactersRemaining: (remaining) =>
    `You have ${remaining} ${remaining === 1 ? 'character' : 'characters'} remaining`,
  rangeNotAnswered: 'Not answered yet',
  personalInformationTitle: 'Before you send',
  personalInformationBody:
    'Your answer may include a name, an email address or a phone number. This survey is anonymous: nobody should be able to tell who wrote it. You can change your answer, or send it as it is.',
  personalInformationChange: 'Change my answer',
  personalInformationSend: 'Send anyway',
  saving: 'Saving…',
  savedOnDevice: 'Your answers are saved on this device.',
  saveFailed:
    'Your answers could not be saved on this device. You can carry on, but if you close this page they may be lost.',
  storageUnavailable:
    'This device cannot keep a copy of your answers. Please finish the survey before you close this page.',
  completionFailed:
    'Your answers could not be stored on this device, so they have not been sent yet. They are still here. Please tell your teacher, then press the button again.',
  completionFailedQuota:
    'This device is full, so your answers could not be stored and have not been sent yet. They are still here. Please tell your teacher.',
  kioskNext: 'The survey will start again for the next person in a few seconds.',
  outboxTitle: 'Responses on this device',
  outboxWaiting: (count) =>
    count === 1 ? '1 response is waiting to be sent.' : `${count} responses are waiting to be sent.`,
  outboxAllSent: 'All responses have been sent.',
  outboxRefused: (count) =>
    count === 1
      ? '1 response was refused by the server. It is kept here: download it for the survey organiser.'
      : `${count} responses were refused by the server. They are kept here: download them for the survey organiser.`,
  outboxSendNow: 'Send now',
  outboxSending: 'Sending…',
  outboxSendResult: (sent, waiting) =>
    waiting > 0 ? `Sent ${sent}. ${waiting} still waiting.` : `Sent ${sent}.`,
  outboxStillOffline: 'Could not reach the server. Responses are safe here and will be sent when the connection returns.',
  outboxExport: 'Download refused responses',
  outboxRetryRefused: 'Try refused responses again',
  outboxUnavailable: 'This browser is not keeping survey responses (storage is turned off).',
  quickExit: 'Leave this page',
  quickExitHint: 'Or press Shift 3 times',
  clearAnswers: 'Clear my answers',
  clearAnswersTitle: 'Clear all your answers?',
  clearAnswersBody:
    'Your answers will be deleted from this device and the survey will start again. This cannot be undone.',
  clearAnswersConfirm: 'Yes, clear my answers',
  clearAnswersCancel: 'No, keep my answers',
  answersCleared: 'Your answers have been cleared. The survey has started again.',
  sendQueued: 'Sending your answers…',
  sendWaiting:
    'There is no connection at the moment. Your answers are kept safely on this device and will be sent automatically when the connection returns.',
  sendDone: 'Your answers have been sent.',
  sendRefused:
    'Your answers are kept on this device but could not be sent. Please tell the person who gave you this survey.',
  voteSent: 'Your vote has been sent.',
  vote: 'Vote',
  fetchBlocked:
    'This website is not allowed to load the survey from the place it is kept. Please tell the school: the survey service must allow this website.',
  smileyMeanings: ['Very unhappy', 'Unhappy', 'Neither happy nor unhappy', 'Happy', 'Very happy'],
  retry: 'Try again',
};
