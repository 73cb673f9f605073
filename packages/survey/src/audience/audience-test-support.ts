// Shared by the audience browser tests (not exported from the package): one definition with
// wording for every audience, English, Welsh and Urdu, and a stand-in for the speech engine
// (the test machine has none; it is the one boundary we do not own).
import { fixture, html, oneEvent } from '@open-wc/testing';
import type { PvSurvey } from '../survey/survey.js';
import { settle } from '../test-helpers.js';
import '../define.js';

/** A short survey every preset can show: a rating, an agree scale, a yes/no with a glossary term, free text. */
export function audienceDefinition(): Record<string, unknown> {
  return {
    title: { default: 'Feeling safe at school', cy: 'Teimlo’n ddiogel yn yr ysgol', ur: 'اسکول میں محفوظ محسوس کرنا' },
    audiences: ['primary', 'secondary', 'post16', 'parent', 'staff'],
    showQuestionNumbers: 'off',
    completedHtml: {
      default: '<h3>Thank you</h3><p>Your answers have been sent.</p>',
      cy: '<h3>Diolch</h3><p>Mae eich atebion wedi’u hanfon.</p>',
      ur: '<h3>شکریہ</h3><p>آپ کے جوابات بھیج دیے گئے ہیں۔</p>',
    },
    glossary: {
      'feel safe': {
        default: 'Feeling that nobody will hurt you or upset you.',
        cy: 'Teimlo na fydd neb yn dy frifo na’th ypsetio.',
        'x-parent': 'Whether your child feels free from harm and worry.',
      },
      // "Consent" in Urdu: glossary terms are words as written in each language.
      'رضامندی': { default: 'Agreeing by choice.', ur: 'اپنی مرضی سے ہاں کہنا۔' },
    },
    pages: [
      {
        name: 'school',
        title: { default: 'School', cy: 'Ysgol', ur: 'اسکول' },
        elements: [
          {
            type: 'rating',
            name: 'happy',
            title: {
              default: 'How happy are you at school?',
              cy: 'Pa mor hapus wyt ti yn yr ysgol?',
              ur: 'آپ اسکول میں کتنے خوش ہیں؟',
              'x-parent': 'How happy do you think your child is at school?',
              'cy-x-parent': 'Pa mor hapus ydych chi’n meddwl yw eich plentyn yn yr ysgol?',
              'x-staff': 'How happy do you think pupils are at school?',
            },
            rateCount: 5,
          },
          {
            type: 'radiogroup',
            name: 'safe',
            title: {
              default: 'I feel safe at school.',
              cy: 'Dw i’n teimlo’n ddiogel yn yr ysgol.',
              ur: 'میں اسکول میں محفوظ محسوس کرتا ہوں۔',
              'x-parent': 'My child would say they feel safe at school.',
              'x-staff': 'Pupils here feel safe at school.',
            },
            choices: [
              { value: 'agree', text: { default: 'Agree', cy: 'Cytuno', ur: 'متفق' } },
              { value: 'not_sure', text: { default: 'Not sure', cy: 'Ddim yn siŵr', ur: 'یقین نہیں' } },
              { value: 'disagree', text: { default: 'Disagree', cy: 'Anghytuno', ur: 'غیر متفق' } },
              {
                value: 'prefer_not_to_say',
                text: { default: 'Prefer not to say', cy: 'Gwell gen i beidio â dweud', ur: 'نہیں بتانا چاہتا' },
              },
            ],
          },
        ],
      },
      {
        name: 'words',
        elements: [
          {
            type: 'radiogroup',
            name: 'told',
            isRequired: true,
            title: {
              default: 'Has anyone at school explained what consent means?',
              cy: 'Ydy rhywun yn yr ysgol wedi esbonio beth yw ystyr caniatâd?',
              ur: 'کیا اسکول میں کسی نے رضامندی کا مطلب سمجھایا ہے؟',
              'x-parent': 'Has the school explained to your child what consent means?',
              'x-staff': 'Has the school taught pupils what consent means?',
            },
            choices: [
              { value: 'yes', text: { default: 'Yes', cy: 'Do', ur: 'ہاں' } },
              { value: 'no', text: { default: 'No', cy: 'Naddo', ur: 'نہیں' } },
              { value: 'prefer_not_to_say', text: { default: 'Prefer not to say', cy: 'Gwell gen i beidio â dweud', ur: 'نہیں بتانا چاہتا' } },
            ],
          },
          {
            type: 'comment',
            name: 'anything',
            title: {
              default: 'Is there anything else you want to tell us?',
              cy: 'Oes unrhyw beth arall rwyt ti eisiau ei ddweud wrthon ni?',
              ur: 'کیا آپ ہمیں کچھ اور بتانا چاہتے ہیں؟',
            },
          },
          {
            type: 'radiogroup',
            name: 'parent_only',
            visibleIf: "{audience} = 'parent'",
            title: 'Would your child tell you if something happened?',
            choices: ['Yes', 'No', 'Not sure'],
          },
        ],
      },
    ],
  };
}

/** Renders `<pv-survey>` with attributes set before the definition, and waits for its first screen. */
export async function renderAudienceSurvey(
  attributes: Record<string, string>,
  definition: unknown = audienceDefinition(),
): Promise<PvSurvey> {
  const el = await fixture<PvSurvey>(html`<pv-survey></pv-survey>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const ready = oneEvent(el, 'pv-ready');
  el.definition = definition;
  await ready;
  await settle(el);
  return el;
}

/** A voice as the Web Speech API describes one. */
export interface FakeVoice {
  lang: string;
  name: string;
  default: boolean;
  localService: boolean;
  voiceURI: string;
}

export function voice(lang: string): FakeVoice {
  return { lang, name: `Test ${lang}`, default: false, localService: true, voiceURI: `test-${lang}` };
}

/** What the stand-in engine was asked to say. */
export interface SpeechStub {
  readonly spoken: Array<{ text: string; lang: string; voice: FakeVoice | null }>;
  restore(): void;
}

/**
 * Replaces `speechSynthesis` and `SpeechSynthesisUtterance` with a recorder that has the given
 * voices. Nothing else is replaced: the survey, its elements and the browser are real.
 */
export function stubSpeech(voices: FakeVoice[]): SpeechStub {
  const spoken: SpeechStub['spoken'] = [];
  const engineDescriptor = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
  const utteranceDescriptor = Object.getOwnPropertyDescriptor(window, 'SpeechSynthesisUtterance');
  class FakeUtterance extends EventTarget {
    text: string;
    lang = '';
    rate = 1;
    voice: FakeVoice | null = null;
    constructor(text: string) {
      super();
      this.text = text;
    }
  }
  const engine = {
    getVoices: () => voices,
    speak: (utterance: FakeUtterance) => spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice }),
    cancel: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true, writable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true, writable: true });
  return {
    spoken,
    restore() {
      if (engineDescriptor) Object.defineProperty(window, 'speechSynthesis', engineDescriptor);
      else delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      if (utteranceDescriptor) Object.defineProperty(window, 'SpeechSynthesisUtterance', utteranceDescriptor);
    },
  };
}
