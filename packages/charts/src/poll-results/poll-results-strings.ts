// UI strings of <pv-poll-results>, typed, per language (English and Welsh).
import { HIDDEN_MARK } from '../model/hidden.js';
import type { FeedStatus } from './poll-feed.js';

/** Every piece of text the projector view shows that does not come from the poll. */
export interface PollResultsStrings {
  votes: (count: number | null) => string;
  hiddenHeading: string;
  hiddenBody: string;
  reveal: string;
  hide: string;
  join: string;
  qrLabel: (url: string) => string;
  status: Record<FeedStatus, string>;
  /** The analyst token form, for a poll whose results are not public. */
  tokenHeading: string;
  tokenHelp: string;
  tokenLabel: string;
  tokenSubmit: string;
  tokenRefused: string;
  /** The one mark for every hidden number, wherever it appears. */
  hiddenMark: string;
  hiddenLegend: string;
  tableCaption: (title: string) => string;
  answer: string;
  votesColumn: string;
  percentColumn: (mode: 'single' | 'multi') => string;
  noVotes: string;
  leading: (label: string, count: number, votes: number, percent: number) => string;
  tie: (labels: string[]) => string;
  someHidden: string;
  loading: string;
}

export const RESULTS_EN: PollResultsStrings = {
  votes: (count) => (count === null ? `${HIDDEN_MARK} votes` : count === 1 ? '1 vote' : `${count} votes`),
  hiddenHeading: 'Results are hidden until voting closes',
  hiddenBody: 'The presenter will show them at the end.',
  reveal: 'Show results',
  hide: 'Hide results',
  join: 'Vote on your phone',
  qrLabel: (url) => `QR code that opens ${url}`,
  status: {
    connecting: 'Connecting…',
    live: 'Live',
    reconnecting: 'Reconnecting… the last results stay on screen',
    device: 'Counting votes made on this device',
    failed: 'These results cannot be read',
    'needs-token': 'Waiting for an analyst token',
    refused: 'Token not accepted',
  },
  tokenHeading: 'Analyst token needed',
  tokenHelp: 'These results are only for analysts. Enter the token from whoever runs the collector (pupil-voice-collector token create). It is kept in this tab until you close it, and never put in an address.',
  tokenLabel: 'Analyst token',
  tokenSubmit: 'Show results',
  tokenRefused: 'That token was not accepted for these results. Check it and try again.',
  hiddenMark: HIDDEN_MARK,
  hiddenLegend: `${HIDDEN_MARK} hidden to protect small groups`,
  tableCaption: (title) => `Votes for each answer: ${title}`,
  answer: 'Answer',
  votesColumn: 'Votes',
  percentColumn: (mode) => (mode === 'multi' ? 'Percent of voters' : 'Percent'),
  noVotes: 'No votes yet.',
  leading: (label, count, votes, percent) => `Most votes so far: ${label} (${count} of ${votes}, ${percent}%).`,
  tie: (labels) => `Level so far: ${labels.join(' and ')}.`,
  someHidden: `Some numbers are hidden ${HIDDEN_MARK} to protect small groups.`,
  loading: 'Waiting for the results…',
};

export const RESULTS_CY: PollResultsStrings = {
  votes: (count) => (count === null ? `${HIDDEN_MARK} pleidlais` : count === 1 ? '1 bleidlais' : `${count} pleidlais`),
  hiddenHeading: 'Mae’r canlyniadau wedi’u cuddio nes i’r pleidleisio gau',
  hiddenBody: 'Bydd y cyflwynydd yn eu dangos ar y diwedd.',
  reveal: 'Dangos y canlyniadau',
  hide: 'Cuddio’r canlyniadau',
  join: 'Pleidleisiwch ar eich ffôn',
  qrLabel: (url) => `Cod QR sy’n agor ${url}`,
  status: {
    connecting: 'Wrthi’n cysylltu…',
    live: 'Byw',
    reconnecting: 'Wrthi’n ailgysylltu… mae’r canlyniadau olaf yn aros ar y sgrin',
    device: 'Yn cyfrif pleidleisiau a wnaed ar y ddyfais hon',
    failed: 'Nid oes modd darllen y canlyniadau hyn',
    'needs-token': 'Yn aros am docyn dadansoddwr',
    refused: 'Ni dderbyniwyd y tocyn',
  },
  tokenHeading: 'Mae angen tocyn dadansoddwr',
  tokenHelp: 'Mae’r canlyniadau hyn ar gyfer dadansoddwyr yn unig. Rhowch y tocyn gan bwy bynnag sy’n rhedeg y casglwr (pupil-voice-collector token create). Caiff ei gadw yn y tab hwn nes i chi ei gau, a byth mewn cyfeiriad.',
  tokenLabel: 'Tocyn dadansoddwr',
  tokenSubmit: 'Dangos y canlyniadau',
  tokenRefused: 'Ni dderbyniwyd y tocyn hwnnw ar gyfer y canlyniadau hyn. Gwiriwch ef a rhowch gynnig arall arni.',
  hiddenMark: HIDDEN_MARK,
  hiddenLegend: `${HIDDEN_MARK} wedi’i guddio i ddiogelu grwpiau bach`,
  tableCaption: (title) => `Pleidleisiau ar gyfer pob ateb: ${title}`,
  answer: 'Ateb',
  votesColumn: 'Pleidleisiau',
  percentColumn: (mode) => (mode === 'multi' ? 'Canran y pleidleiswyr' : 'Canran'),
  noVotes: 'Dim pleidleisiau eto.',
  leading: (label, count, votes, percent) => `Y mwyaf o bleidleisiau hyd yma: ${label} (${count} o ${votes}, ${percent}%).`,
  tie: (labels) => `Yn gyfartal hyd yma: ${labels.join(' a ')}.`,
  someHidden: `Mae rhai rhifau wedi’u cuddio ${HIDDEN_MARK} i ddiogelu grwpiau bach.`,
  loading: 'Yn aros am y canlyniadau…',
};

/** The strings for a language tag, English otherwise. */
export function resultsStringsFor(lang: string): PollResultsStrings {
  return lang.toLowerCase().split('-')[0] === 'cy' ? RESULTS_CY : RESULTS_EN;
}
