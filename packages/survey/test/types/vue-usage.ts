// Type-checked by package-surface.test.mjs (tsc -p this folder): the props Vue's template
// type-checker (vue-tsc / Volar) sees for `<pv-survey>` after
// `import type {} from '@pupil-voice/survey/vue'`.
import type {} from '@pupil-voice/survey/vue';
import type { GlobalComponents } from 'vue';

type SurveyProps = InstanceType<GlobalComponents['pv-survey']>['$props'];
type StatusProps = InstanceType<GlobalComponents['pv-outbox-status']>['$props'];

export const survey: SurveyProps = {
  definition: { pages: [] },
  surveyId: 'lunchtime',
  endpoint: '/v1/surveys/lunchtime/responses',
  kiosk: true,
  idleTimeout: 300,
  quickExit: '',
  onPvComplete: (event) => {
    const data: Record<string, unknown> = event.data;
    void data;
  },
  onPvResponseSent: (event) => event.responseId,
};
export const status: StatusProps = { storeName: 'pupil-voice', endpoint: '/v1/surveys/lunchtime/responses' };

// @ts-expect-error kiosk is a boolean
export const badKiosk: SurveyProps = { kiosk: 'yes' };
// @ts-expect-error a misspelt prop
export const typo: SurveyProps = { surveyID: 'lunchtime' };
// @ts-expect-error a pv-page-changed event carries pageIndex, not page
export const badEvent: SurveyProps = { onPvPageChanged: (event) => event.page };
