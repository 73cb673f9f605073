/**
 * Take-over day poll templates: one question each, short and in plain words, that a youth
 * council can put on a shared tablet in minutes (change the question, keep the shape).
 */
import type { Audience } from '@pupil-voice/schema';
import { choice, words, type BankSurvey, type ElementJson, type LocalisableText } from '../authoring.js';

const PUPILS: readonly Audience[] = ['primary', 'secondary', 'post16'];

function poll(id: string, title: LocalisableText, element: ElementJson, agree?: string[]): BankSurvey {
  return {
    id,
    title,
    description: words(['Your vote is secret. Nobody can see how you voted.', 'Mae dy bleidlais yn gyfrinachol. All neb weld sut wnest ti bleidleisio.']),
    audiences: PUPILS,
    completedHtml: words(['<h3>Thank you for voting!</h3>', '<h3>Diolch am bleidleisio!</h3>']),
    settings: { showQuestionNumbers: 'off', completeText: words(['Vote', 'Pleidleisio']) },
    pages: [{ name: 'poll', title: title, items: [{ for: PUPILS, sensitive: false, ...(agree ? { agree } : {}), element: { ...element, isRequired: true } }] }],
  };
}

export const polls: BankSurvey[] = [
  poll('poll-priorities', words(['Our priorities', 'Ein blaenoriaethau']), {
    type: 'radiogroup',
    name: 'priority',
    title: words(['What should we work on first?', 'Ar beth ddylen ni weithio gyntaf?']),
    requiredErrorText: words(['Choose one answer.', 'Dewisa un ateb.']),
    choices: [
      choice('safe_at_school', ['Feeling safe at school', 'Teimlo’n ddiogel yn yr ysgol']),
      choice('someone_to_talk_to', ['Someone to talk to', 'Rhywun i siarad ag e']),
      choice('safe_online', ['Staying safe online', 'Cadw’n ddiogel ar-lein']),
      choice('places_to_go', ['Places to go after school', 'Llefydd i fynd ar ôl ysgol']),
      choice('something_else', ['Something else', 'Rhywbeth arall']),
    ],
  }),
  poll('poll-yes-no', words(['Yes, no or not sure', 'Ie, na neu ddim yn siŵr']), {
    type: 'radiogroup',
    name: 'answer',
    title: words(['Should pupils help choose the school rules?', 'A ddylai disgyblion helpu i ddewis rheolau’r ysgol?']),
    requiredErrorText: words(['Choose one answer.', 'Dewisa un ateb.']),
    choices: [
      choice('yes', ['Yes', 'Dylen']),
      choice('no', ['No', 'Na ddylen']),
      choice('not_sure', ['Not sure', 'Ddim yn siŵr']),
    ],
  }, ['yes']),
  poll('poll-rate', words(['Rate this', 'Rho sgôr']), {
    type: 'rating',
    name: 'rating',
    title: words(['How good is our school at listening to pupils?', 'Pa mor dda yw ein hysgol ni am wrando ar ddisgyblion?']),
    requiredErrorText: words(['Choose a number from 1 to 5.', 'Dewisa rif o 1 i 5.']),
    rateMin: 1,
    rateMax: 5,
    minRateDescription: words(['Not good', 'Ddim yn dda']),
    maxRateDescription: words(['Very good', 'Da iawn']),
  }),
];
