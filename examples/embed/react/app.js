// A council's React 19 app with a Pupil Voice survey in it. Written with createElement so it
// runs without a JSX step; with JSX it reads
//   <pv-survey definition={definition} survey-id="lunchtime" endpoint="…" onpv-answer-saved={…} />
// (TypeScript: `import type {} from '@pupil-voice/survey/react'` types those props).
//
// What React 19 does with a custom element, and what this page relies on:
// - a prop whose name is a property of the element (`definition`) is set as that property, so
//   an object arrives as an object; other props (`survey-id`, `endpoint`) become attributes;
// - `on` + an event name (`onpv-answer-saved`) adds that event listener;
// - reordering keyed children moves the same element in the DOM (disconnected and connected
//   again: "Move the survey down" puts it after the two other sections); a conditional render
//   unmounts it and later mounts a new one, which resumes the draft.
import { createElement as h, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const SURVEY = 'lunchtime';

function Survey({ definition, onSaved, onSent }) {
  return h('pv-survey', {
    definition,
    'survey-id': SURVEY,
    endpoint: `/v1/surveys/${SURVEY}/responses`,
    'onpv-answer-saved': onSaved,
    'onpv-response-sent': onSent,
  });
}

function App() {
  // The definition object is kept in state, so a re-render passes the same object and the
  // survey is not rebuilt. (A new object each render would load the survey again.)
  const [definition, setDefinition] = useState();
  const [loadError, setLoadError] = useState('');
  const [shown, setShown] = useState(true);
  const [surveyFirst, setSurveyFirst] = useState(true);
  const [saves, setSaves] = useState(0);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetch(`/v1/surveys/${SURVEY}`)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      })
      .then((json) => !cancelled && setDefinition(json))
      .catch((error) => !cancelled && setLoadError(String(error)));
    return () => {
      cancelled = true;
    };
  }, []);

  const info = h(
    'section',
    { key: 'info', className: 'info', 'aria-labelledby': 'info-heading' },
    h('h2', { id: 'info-heading' }, 'About this survey'),
    h('p', null, 'The school council reads every answer. Nobody can see who said what.'),
  );
  const help = h(
    'section',
    { key: 'help', 'aria-labelledby': 'help-heading' },
    h('h2', { id: 'help-heading' }, 'Need to talk to someone?'),
    h('p', null, 'Talk to any adult in school, or call Childline free on 0800 1111.'),
  );
  const survey = h(
    'section',
    { key: 'survey', 'aria-labelledby': 'survey-heading' },
    h('h2', { id: 'survey-heading' }, 'Have your say'),
    loadError ? h('p', { role: 'alert' }, `The survey could not be loaded (${loadError}).`) : null,
    shown
      ? h(Survey, {
          definition,
          onSaved: () => setSaves((n) => n + 1),
          onSent: () => setSent(true),
        })
      : h('p', null, 'The survey is hidden. Your answers so far are kept on this device.'),
  );

  return h(
    'main',
    null,
    h('h1', null, 'Lunchtime survey (React)'),
    h(
      'div',
      { className: 'toolbar' },
      h('button', { type: 'button', onClick: () => setSurveyFirst((v) => !v) }, surveyFirst ? 'Move the survey down' : 'Move the survey up'),
      h('button', { type: 'button', onClick: () => setShown((v) => !v) }, shown ? 'Hide the survey' : 'Show the survey'),
    ),
    h('p', { role: 'status', id: 'saves' }, `Answers saved on this device: ${saves}`),
    h('p', { role: 'status', id: 'sent' }, sent ? 'Sent to the school.' : 'Not sent yet.'),
    surveyFirst ? [survey, info, help] : [info, help, survey],
  );
}

createRoot(document.getElementById('app')).render(h(StrictMode, null, h(App)));
