/**
 * Template types for Vue 3 (Volar / vue-tsc): `<pv-survey>`, `<pv-outbox-status>` and `<pv-poll>` as global
 * components with their props and typed events. Load once in a Vue + TypeScript project:
 *
 *     import type {} from '@pupil-voice/survey/vue';
 *
 * and tell Vue's compiler that `pv-` tags are custom elements
 * (`compilerOptions.isCustomElement = (tag) => tag.startsWith('pv-')`). Vue sets a binding as
 * the element's property when it has one (`:definition`), otherwise as an attribute, and
 * `@pv-complete` listens to the `pv-complete` event.
 */
import type { HTMLAttributes } from 'vue';
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

/** `survey-id` → `surveyId`, as Vue normalises prop and event names. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** Props Vue checks in a template: attributes in camelCase and `on<EventName>` listeners. */
export type VueElementProps<Attributes, Events> = HTMLAttributes & {
  [K in keyof Attributes & string as CamelCase<K>]?: Attributes[K];
} & {
  [K in keyof Events & string as `on${Capitalize<CamelCase<K>>}`]?: (event: Events[K]) => void;
};

/** A custom element as a Vue global component type (the element, with template-only `$props`). */
export type VueCustomElement<Element extends HTMLElement, Attributes, Events> = new () => Element & {
  /** For template type-checking only; not a property of the element. */
  $props: VueElementProps<Attributes, Events>;
};

declare module 'vue' {
  interface GlobalComponents {
    'pv-survey': VueCustomElement<PvSurvey, PvSurveyAttributes, PvSurveyEventMap>;
    'pv-outbox-status': VueCustomElement<PvOutboxStatus, PvOutboxStatusAttributes, Record<never, Event>>;
    'pv-poll': VueCustomElement<PvPoll, PvPollAttributes, PvPollEventMap>;
  }
}
