// The two pages under test, each as a school would write it from the project's own docs:
// ours is the README's embed snippet (with its preload hints); the anchor is SurveyJS's documented script-tag setup
// for survey-js-ui (UMD builds that share the `Survey` global, plus its stylesheet).

/**
 * Our page, as the README's embed snippet writes it: a preload of the definition, the
 * modulepreload hints of this build (dist/preload.json: the entry and the early page's chunk),
 * one module script and one element. With `hints = false`, the script and the element only.
 */
export function oursPage(surveyUrl, { modulepreload = [], hints = true } = {}) {
  const links = hints
    ? [
        `<link rel="preload" href="${surveyUrl}" as="fetch" crossorigin>`,
        ...modulepreload.map((file) => `<link rel="modulepreload" href="/ours/${file}">`),
      ].join('\n')
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pupil Voice (ours)</title>
${links}
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

/**
 * The floor: the least a page can do to show the first question. An inline script fetches the
 * JSON and writes the first page's questions as native radios and checkboxes; no library, no
 * validation, no saving. Nothing real can be faster, so "ours / floor" says how much of our
 * first paint is overhead.
 */
export function floorPage(surveyUrl) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>floor</title>
<style>body{font:16px system-ui,sans-serif;margin:1rem}fieldset{border:0;margin:0 0 1rem;padding:0}label{display:block;min-height:44px}</style>
</head><body>
<main id="root"></main>
<script>
fetch(${JSON.stringify(surveyUrl)}).then((r) => r.json()).then((json) => {
  const text = (value) => (typeof value === 'string' ? value : value && (value.default || value.en)) || '';
  const root = document.getElementById('root');
  const add = (parent, tag, content) => { const node = document.createElement(tag); if (content) node.textContent = content; parent.appendChild(node); return node; };
  const option = (parent, type, name, label) => { const row = add(parent, 'label'); const input = add(row, 'input'); input.type = type; input.name = name; row.append(' ' + label); };
  const page = json.pages[0];
  for (const q of page.elements) {
    const set = add(root, 'fieldset');
    add(set, 'legend', text(q.title) || q.name);
    const choices = q.type === 'boolean' ? ['Yes', 'No'] : q.type === 'rating' ? [1, 2, 3, 4, 5].slice(0, q.rateCount || 5) : (q.choices || []).map((c) => (typeof c === 'object' ? text(c.text) || c.value : c));
    if (q.type === 'matrix') {
      const table = add(set, 'table');
      for (const row of q.rows) {
        const tr = add(table, 'tr');
        add(tr, 'th', typeof row === 'object' ? text(row.text) : row);
        for (const column of q.columns) option(add(tr, 'td'), 'radio', q.name + (row.value || row), column);
      }
    } else {
      for (const c of choices) option(set, q.type === 'checkbox' ? 'checkbox' : 'radio', q.name, String(c));
    }
  }
});
</script>
</body></html>`;
}
