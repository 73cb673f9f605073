// The two pages under test, each as a school would write it from the project's own docs:
// ours is the README's embed snippet; the anchor is SurveyJS's documented script-tag setup
// for survey-js-ui (UMD builds that share the `Survey` global, plus its stylesheet).

/** Our page: one module script and one element, as in the README. */
export function oursPage(surveyUrl) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pupil Voice (ours)</title>
<script type="module" src="/ours/pupil-voice.js"></script>
</head><body>
<pv-survey src="${surveyUrl}"></pv-survey>
</body></html>`;
}

/**
 * The anchor: survey-core 2.5.38 + survey-js-ui 2.5.38 UMD builds and survey-core's fontless
 * stylesheet (the full one pulls Open Sans from a font CDN, which this closed network cannot
 * reach). Animations are switched off, as <pv-survey> does, so page changes are not timed
 * waiting for transitions. The definition is fetched from the same URL ours uses.
 */
export function anchorPage(surveyUrl) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>survey-js-ui (anchor)</title>
<link rel="stylesheet" href="/anchor/survey-core/survey-core.fontless.min.css">
<script src="/anchor/survey-core/survey.core.min.js"></script>
<script src="/anchor/survey-js-ui/survey-js-ui.min.js"></script>
</head><body>
<div id="surveyContainer"></div>
<script>
Survey.settings.animationEnabled = false;
fetch(${JSON.stringify(surveyUrl)}).then((r) => r.json()).then((json) => {
  const survey = new Survey.Model(json);
  window.__benchModel = survey;
  survey.render(document.getElementById('surveyContainer'));
});
</script>
</body></html>`;
}
