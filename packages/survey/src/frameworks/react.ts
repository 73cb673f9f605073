/**
 * JSX types for React 19: `<pv-survey>`, `<pv-outbox-status>` and `<pv-poll>` with their attributes, the
 * `definition` property and typed event props. Load once in a React + TypeScript project:
 *
 *     import type {} from '@pupil-voice/survey/react';
 *
 * React 19 sets a prop as the element's property when the element has one (`definition`,
 * `kiosk`), otherwise as an attribute (`survey-id`), and turns `on` + an event name
 * (`onpv-complete`) into addEventListener('pv-complete').
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PvOutboxStatus } from '../outbox-status/outbox-status.js';
import type { PvSurvey } from '../survey/survey.js';
import type { PvPoll } from '../poll/poll.js';
import type {
  PvOutboxStatusAttributes,
  PvPollAttributes,
  PvPollEventMap,
  PvSurveyAttributes,
  PvSurveyEventMap,
} from './element-props.js';

/** `on<event-name>` props, as React 19 listens to custom elements' events. */
export type ReactEventProps<Events> = {
  [K in keyof Events & string as `on${K}`]?: (event: Events[K]) => void;
};

/** The props of `<pv-survey>` in JSX. */
export type PvSurveyReactProps = DetailedHTMLProps<HTMLAttributes<PvSurvey>, PvSurvey> &
  PvSurveyAttributes &
  ReactEventProps<PvSurveyEventMap>;

/** The props of `<pv-outbox-status>` in JSX. */
export type PvOutboxStatusReactProps = DetailedHTMLProps<HTMLAttributes<PvOutboxStatus>, PvOutboxStatus> &
  PvOutboxStatusAttributes;

/** The props of `<pv-poll>` in JSX. */
export type PvPollReactProps = DetailedHTMLProps<HTMLAttributes<PvPoll>, PvPoll> &
  PvPollAttributes &
  ReactEventProps<PvPollEventMap>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'pv-survey': PvSurveyReactProps;
      'pv-outbox-status': PvOutboxStatusReactProps;
      'pv-poll': PvPollReactProps;
    }
  }
}
