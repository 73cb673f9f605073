// The poll's own UI strings, typed, per language. Kept apart from the survey's Translation so
// the poll bundle carries only these few lines, not every survey message.

/** Every piece of text `<pv-poll>` shows that does not come from the poll definition. */
export interface PollStrings {
  loading: string;
  loadFailed: string;
  fetchFailed: string;
  invalidPoll: (detail: string) => string;
  anonymous: string;
  multiHint: string;
  vote: string;
  chooseFirst: string;
  errorPrefix: string;
  sendingHeading: string;
  sending: string;
  waitingHeading: string;
  waiting: string;
  waitingShared: string;
  countedHeading: string;
  counted: string;
  alreadyVotedHeading: string;
  alreadyVoted: string;
  refusedHeading: string;
  refused: (reason: string) => string;
  nextVoter: string;
  yes: string;
  no: string;
}

export const POLL_EN: PollStrings = {
  loading: 'Loading the poll…',
  loadFailed: 'Sorry, this poll cannot be shown',
  fetchFailed: 'The poll could not be downloaded. Check the connection and reload the page.',
  invalidPoll: (detail) => `The poll has a problem: ${detail}.`,
  anonymous: 'Your vote is anonymous: nobody can see what you chose.',
  multiHint: 'Choose all that apply.',
  vote: 'Vote',
  chooseFirst: 'Choose an answer, then press Vote.',
  errorPrefix: 'Error:',
  sendingHeading: 'Sending your vote…',
  sending: 'Your vote is saved on this device.',
  waitingHeading: 'Waiting to send',
  waiting:
    'Your vote is saved on this device but has not reached the poll yet. Keep this page open: it will be sent as soon as there is a connection.',
  waitingShared: 'Your vote is saved on this device. It will be counted when the results screen is open.',
  countedHeading: 'Thank you! Your vote was counted.',
  counted: 'Watch the results on the big screen.',
  alreadyVotedHeading: 'You have already voted',
  alreadyVoted: 'This device has already voted in this poll. Only one vote from each device counts.',
  refusedHeading: 'Your vote could not be counted',
  refused: (reason) => `The poll did not accept it (${reason}). Please tell the person running the poll.`,
  nextVoter: 'Next person',
  yes: 'Yes',
  no: 'No',
};

export const POLL_CY: PollStrings = {
  loading: 'Wrthi’n llwytho’r bleidlais…',
  loadFailed: 'Mae’n ddrwg gennym, nid oes modd dangos y bleidlais hon',
  fetchFailed: 'Nid oedd modd llwytho’r bleidlais i lawr. Gwiriwch y cysylltiad ac ail-lwythwch y dudalen.',
  invalidPoll: (detail) => `Mae problem gyda’r bleidlais: ${detail}.`,
  anonymous: 'Mae eich pleidlais yn ddienw: does neb yn gallu gweld beth wnaethoch chi ei ddewis.',
  multiHint: 'Dewiswch bob un sy’n berthnasol.',
  vote: 'Pleidleisio',
  chooseFirst: 'Dewiswch ateb, yna pwyswch Pleidleisio.',
  errorPrefix: 'Gwall:',
  sendingHeading: 'Wrthi’n anfon eich pleidlais…',
  sending: 'Mae eich pleidlais wedi’i chadw ar y ddyfais hon.',
  waitingHeading: 'Yn aros i anfon',
  waiting:
    'Mae eich pleidlais wedi’i chadw ar y ddyfais hon ond nid yw wedi cyrraedd y bleidlais eto. Cadwch y dudalen hon ar agor: bydd yn cael ei hanfon cyn gynted ag y bydd cysylltiad.',
  waitingShared: 'Mae eich pleidlais wedi’i chadw ar y ddyfais hon. Bydd yn cael ei chyfrif pan fydd sgrin y canlyniadau ar agor.',
  countedHeading: 'Diolch! Cafodd eich pleidlais ei chyfrif.',
  counted: 'Gwyliwch y canlyniadau ar y sgrin fawr.',
  alreadyVotedHeading: 'Rydych chi eisoes wedi pleidleisio',
  alreadyVoted: 'Mae’r ddyfais hon eisoes wedi pleidleisio yn y bleidlais hon. Dim ond un bleidlais o bob dyfais sy’n cyfrif.',
  refusedHeading: 'Nid oedd modd cyfrif eich pleidlais',
  refused: (reason) => `Ni wnaeth y bleidlais ei derbyn (${reason}). Dywedwch wrth y person sy’n cynnal y bleidlais.`,
  nextVoter: 'Y person nesaf',
  yes: 'Ie',
  no: 'Na',
};

/** The strings for a language tag (`cy`, `cy-GB`…), English otherwise. */
export function pollStringsFor(lang: string): PollStrings {
  return lang.toLowerCase().split('-')[0] === 'cy' ? POLL_CY : POLL_EN;
}

/** The language in force for an element: its nearest `lang` (across shadow roots), then `<html lang>`. */
export function langOf(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || 'en';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || 'en';
}
