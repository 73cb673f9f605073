/**
 * The element's own words (not the survey's: those come from the definition through
 * survey-core's locales). Functions take the values they place, so word order and plurals
 * stay with each language.
 */
export interface Translation {
  loading: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  requiredHint: string;
  pageOf: (page: number, total: number) => string;
  progressLabel: string;
  unknownQuestionTypes: (types: string) => string;
  unsupportedQuestion: (type: string) => string;
  loadFailedTitle: string;
  fetchFailed: string;
  invalidJson: string;
  invalidDefinition: (detail: string) => string;
  modelFailed: string;
  completedHeading: string;
  selectPlaceholder: string;
  otherCommentLabel: (choice: string) => string;
  moveUp: (item: string) => string;
  moveDown: (item: string) => string;
  rankingMoved: (item: string, position: number, total: number) => string;
  addPanel: string;
  removePanel: (index: number) => string;
  panelHeading: (index: number) => string;
  filterChoices: string;
  noChoicesMatch: string;
  removeChoice: (item: string) => string;
  selectedChoices: string;
  rankingAdd: (item: string) => string;
  rankingRemove: (item: string) => string;
  rankingRemoved: (item: string) => string;
  rankedChoices: string;
  unrankedChoices: string;
  videoNotShown: string;
  watchVideo: string;
  characterLimit: (max: number) => string;
  charactersRemaining: (remaining: number) => string;
  rangeNotAnswered: string;
  personalInformationTitle: string;
  personalInformationBody: string;
  personalInformationChange: string;
  personalInformationSend: string;
  saving: string;
  savedOnDevice: string;
  saveFailed: string;
  storageUnavailable: string;
  completionFailed: string;
  completionFailedQuota: string;
  kioskNext: string;
  outboxTitle: string;
  outboxWaiting: (count: number) => string;
  outboxAllSent: string;
  outboxRefused: (count: number) => string;
  outboxSendNow: string;
  outboxSending: string;
  outboxSendResult: (sent: number, waiting: number) => string;
  outboxStillOffline: string;
  outboxExport: string;
  outboxRetryRefused: string;
  outboxUnavailable: string;
  quickExit: string;
  quickExitHint: string;
  clearAnswers: string;
  clearAnswersTitle: string;
  clearAnswersBody: string;
  clearAnswersConfirm: string;
  clearAnswersCancel: string;
  answersCleared: string;
  sendQueued: string;
  sendWaiting: string;
  sendDone: string;
  sendRefused: string;
  voteSent: string;
  vote: string;
  fetchBlocked: string;
  retry: string;
  /** What each smiley face means, from very unhappy to very happy (its accessible name). */
  smileyMeanings: readonly [string, string, string, string, string];
}
