/** Answer scales and survey settings shared by the bank's surveys (English and Welsh). */
import { choice, preferNotToSay, words, type Choice, type Words } from '../authoring.js';
import type { Audience } from '@pupil-voice/schema';

type Variants = Partial<Record<Audience, Words>>;

/** "Not sure" / "Ddim yn siŵr". */
export const notSure = (): Choice => choice('not_sure', ['Not sure', 'Ddim yn siŵr']);
/** "Don't know" / "Ddim yn gwybod" (facts a school may not hold). */
export const dontKnow = (): Choice => choice('dont_know', ["Don't know", 'Ddim yn gwybod']);

/** How often someone feels safe. */
export function safeScale(): Choice[] {
  return [
    choice('always', ['Always', 'Bob amser']),
    choice('mostly', ['Most of the time', "Y rhan fwyaf o'r amser"]),
    choice('sometimes', ['Sometimes', 'Weithiau']),
    choice('never', ['Never', 'Byth']),
    notSure(),
    preferNotToSay(),
  ];
}
export const SAFE_AGREE = ['always', 'mostly'] as const;

/** How often something happens (Ofsted's peer framing: "a lot", "sometimes", ...). */
export function frequencyScale(): Choice[] {
  return [
    choice('a_lot', ['A lot', 'Llawer']),
    choice('sometimes', ['Sometimes', 'Weithiau']),
    choice('not_often', ['Not often', 'Ddim yn aml']),
    choice('never', ['Never', 'Byth']),
    notSure(),
    preferNotToSay(),
  ];
}
export const HAPPENS_AGREE = ['a_lot', 'sometimes'] as const;

/**
 * Yes and no, in Welsh answered with the question's own verb (Welsh has no single word for
 * "yes"): `Ydw` / `Nac ydw` for "Wyt ti'n gwybod…?", `Byddwn` / `Na fyddwn` for "Fyddet ti…?".
 */
export function yesNo(cyYes: string, cyNo: string, variants: { yes?: Variants; no?: Variants } = {}): [Choice, Choice] {
  return [choice('yes', ['Yes', cyYes], variants.yes), choice('no', ['No', cyNo], variants.no)];
}

/** Survey-level settings for a questionnaire with a start page (navigation words in both languages). */
export function questionnaireSettings(startText: ReturnType<typeof words>): Record<string, unknown> {
  return {
    firstPageIsStartPage: true,
    startSurveyText: startText,
    pagePrevText: words(['Back', 'Yn ôl']),
    pageNextText: words(['Continue', 'Parhau']),
    completeText: words(['Send my answers', 'Anfon fy atebion']),
    showProgressBar: true,
    progressBarType: 'pages',
    showQuestionNumbers: 'off',
    checkErrorsMode: 'onNextPage',
  };
}
