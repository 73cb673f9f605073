// Type-checked by package-surface.test.mjs (tsc -p this folder): what a React 19 + TypeScript
// project writes with `import type {} from '@pupil-voice/survey/react'`.
import type {} from '@pupil-voice/survey/react';
import type { PvSurvey } from '@pupil-voice/survey';
import { useRef } from 'react';

const definition = { pages: [{ elements: [{ type: 'comment', name: 'idea' }] }] };

export function Survey({ onSent }: { onSent: (id: string) => void }) {
  const ref = useRef<PvSurvey>(null);
  return (
    <pv-survey
      ref={ref}
      definition={definition}
      survey-id="lunchtime"
      endpoint="/v1/surveys/lunchtime/responses"
      audience="pupil"
      kiosk
      idle-timeout={300}
      quick-exit=""
      onpv-complete={(event) => {
        const data: Record<string, unknown> = event.data;
        void data;
      }}
      onpv-response-sent={(event) => onSent(event.responseId)}
      onpv-error={(event) => console.warn(event.kind, event.message)}
    />
  );
}

export const status = <pv-outbox-status endpoint="/v1/surveys/lunchtime/responses" store-name="pupil-voice" />;

export const poll = (
  <pv-poll src="/v1/surveys/takeover-poll" endpoint="/v1/surveys/takeover-poll/responses" onpv-vote-counted={(event) => event.type} />
);

// @ts-expect-error kiosk is a boolean
export const badKiosk = <pv-survey kiosk="yes" />;
// @ts-expect-error a pv-complete event carries `data`, it is not a CustomEvent with `detail`
export const badEvent = <pv-survey onpv-complete={(event) => event.detail} />;
// @ts-expect-error definition is an object, not JSON text
export const badDefinition = <pv-survey definition={42} />;
// @ts-expect-error a misspelt tag is not an element
export const typo = <pv-survy />;
