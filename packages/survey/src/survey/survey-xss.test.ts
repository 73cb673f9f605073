import { expect } from '@open-wc/testing';
import '../define.js';
import { $, $$, modelOf, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from './survey.js';
import { inputIdOf, press, tabToButton, tabToId, type } from './survey-test-support.js';

// Every hostile string calls window.pvXss(label) if it ever runs.
const hostile = (label: string) =>
  `<img src=x onerror="pvXss('${label}')"><script>pvXss('${label}')</script><a href="javascript:pvXss('${label}')">${label}</a>`;

interface XssWindow {
  pvXss?: (label: string) => void;
  pvControl?: () => void;
}
const xssWindow = window as unknown as XssWindow;

/** Everything in the survey's shadow tree that could run script or navigate. */
function dangerousNodes(el: PvSurvey): string[] {
  const found: string[] = [];
  for (const node of $$(el, '*')) {
    if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'base', 'meta', 'style'].includes(node.localName)) {
      // The survey's own adopted styles are not in the tree; a <style> element would be the author's.
      found.push(`<${node.localName}>`);
    }
    for (const { name, value } of Array.from(node.attributes)) {
      if (name.startsWith('on')) found.push(`${node.localName}[${name}]`);
      if (/^(?:href|src|action|formaction|srcdoc|xlink:href)$/.test(name) && /^\s*(?:javascript|data:text|vbscript)/i.test(value)) {
        found.push(`${node.localName}[${name}=${value}]`);
      }
    }
  }
  return found;
}

/**
 * Proves nothing ran: a control image error handler added after everything else must run
 * first; any payload handler that was going to run would have been queued before it.
 */
async function expectNothingRan(el: PvSurvey, calls: string[]): Promise<void> {
  const control = new Promise<void>((resolve) => {
    xssWindow.pvControl = resolve;
  });
  const probe = document.createElement('div');
  probe.innerHTML = '<img src="/pv-xss-control-missing.png" onerror="pvControl()">';
  el.shadowRoot!.append(probe);
  await control;
  await new Promise((resolve) => setTimeout(resolve, 0));
  probe.remove();
  expect(calls).to.deep.equal([]);
}

describe('<pv-survey> against hostile definitions and answers', function () {
  // Real keyboard through whole pages: slow on a busy two-core machine.
  this.timeout(60_000);
  let calls: string[];
  beforeEach(() => {
    calls = [];
    xssWindow.pvXss = (label) => calls.push(label);
  });
  afterEach(() => {
    delete xssWindow.pvXss;
    delete xssWindow.pvControl;
  });

  it('shows markup in titles, descriptions and choices as text', async () => {
    const el = await renderSurvey({
      title: hostile('survey-title'),
      description: hostile('survey-description'),
      showQuestionNumbers: 'on',
      pages: [
        {
          name: 'p1',
          title: hostile('page-title'),
          description: hostile('page-description'),
          elements: [
            { type: 'text', name: 'nick', title: hostile('question-title'), description: hostile('question-description'), placeholder: '"><img src=x onerror=pvXss(1)>' },
            { type: 'radiogroup', name: 'r', title: 'R', choices: [{ value: 'a', text: hostile('choice') }], showOtherItem: true, otherText: hostile('other') },
            { type: 'checkbox', name: 'c', title: 'C', choices: [hostile('choice-value')] },
            { type: 'panel', name: 'box', title: hostile('panel-title'), elements: [{ type: 'boolean', name: 'b', title: hostile('boolean') }] },
            { type: 'matrix', name: 'm', title: 'M', columns: [{ value: 1, text: hostile('column') }], rows: [{ value: 'r1', text: hostile('row') }] },
            { type: 'dropdown', name: 'd', title: 'D', choices: [{ value: 1, text: hostile('dropdown-choice') }] },
          ],
        },
        { name: 'p2', elements: [{ type: 'text', name: 'q2', title: 'Q2' }] },
      ],
    });
    expect(dangerousNodes(el)).to.deep.equal([]);
    expect($$(el, 'img').length, 'no author or answer images').to.equal(0);
    expect($(el, '.pv-survey-title')?.textContent).to.contain('<img src=x onerror="pvXss(\'survey-title\')">');
    expect($(el, '.pv-page-heading')?.textContent).to.contain('<script>');
    const text = el.shadowRoot!.textContent ?? '';
    for (const label of ['survey-description', 'page-description', 'question-title', 'question-description', 'choice', 'panel-title', 'boolean', 'column', 'row']) {
      expect(text, label).to.contain(`pvXss('${label}')`);
    }
    await expectNothingRan(el, calls);
  });

  it('shows hostile answers piped into titles as text', async () => {
    const el = await renderSurvey({
      pages: [
        { name: 'p1', elements: [{ type: 'text', name: 'nick', title: 'Your nickname' }] },
        {
          name: 'p2',
          title: 'Thanks {nick}',
          description: 'You said {nick}',
          elements: [{ type: 'comment', name: 'why', title: 'Why did you choose {nick}?' }],
        },
      ],
    });
    const answer = `<img src=x onerror="pvXss('answer')"><b>bold</b>`;
    await tabToId(el, inputIdOf(el, 'nick'));
    await type(el, answer);
    await tabToButton(el, 'next-button');
    await press(el, 'Enter');
    expect(modelOf(el).currentPageNo).to.equal(1);
    expect($(el, '.pv-page-heading')?.textContent?.trim()).to.equal(`Thanks ${answer}`);
    expect($(el, `[data-qid="${modelOf(el).getQuestionByName('why').id}"] .pv-title`)?.textContent).to.contain(answer);
    expect($$(el, 'img, b')).to.deep.equal([]);
    expect(dangerousNodes(el)).to.deep.equal([]);
    await expectNothingRan(el, calls);
  });

  it('sanitises completedHtml and the hostile answers piped into it', async () => {
    const el = await renderSurvey({
      completedHtml:
        `<h3>Thank you {nick}</h3><p><a href="{site}">your site</a></p>${hostile('completed')}` +
        '<iframe srcdoc="<script>parent.pvXss(1)</script>"></iframe><form action="javascript:pvXss(1)"><button>go</button></form>',
      elements: [
        { type: 'text', name: 'nick', title: 'Nickname' },
        { type: 'text', name: 'site', title: 'Favourite site' },
      ],
    });
    await tabToId(el, inputIdOf(el, 'nick'));
    await type(el, `<img src=y onerror="pvXss('piped')">`);
    await tabToId(el, inputIdOf(el, 'site'));
    await type(el, ` java\tscript:pvXss('piped-href')`);
    await tabToButton(el, 'submit-button');
    await press(el, 'Enter');
    const completed = $(el, '.pv-completed')!;
    expect(completed.querySelector('h3')?.textContent).to.contain('Thank you');
    expect(completed.querySelector('a[href*="script"]')).to.equal(null);
    expect(dangerousNodes(el)).to.deep.equal([]);
    expect(completed.querySelector('iframe, form, button, script')).to.equal(null);
    await expectNothingRan(el, calls);
  });

  it('sanitises the html question', async () => {
    const el = await renderSurvey({
      elements: [
        { type: 'html', name: 'info', html: `<p>Read this</p>${hostile('html-question')}<svg onload="pvXss('svg')"></svg>` },
        { type: 'text', name: 'q', title: 'Q' },
      ],
    });
    expect($(el, `[data-qid="${modelOf(el).getQuestionByName('info').id}"]`)?.textContent).to.contain('Read this');
    expect(dangerousNodes(el)).to.deep.equal([]);
    await expectNothingRan(el, calls);
  });

  it('sanitises markdown rendered by an onTextMarkdown handler', async () => {
    const el = await renderSurvey({
      title: 'Our **school**',
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'text', name: 'nick', title: 'Your **nickname**' },
            { type: 'text', name: 'q', title: 'Hello {nick}, how **are** you?' },
          ],
        },
      ],
    });
    const model = modelOf(el);
    // A careless markdown converter: bold, and raw HTML passed straight through.
    model.onTextMarkdown.add((_, options) => {
      if (!options.text.includes('**')) return;
      options.html = `${options.text.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}<img src=x onerror="pvXss('markdown')"><script>pvXss('markdown')</script>`;
    });
    model.locStrsChanged();
    model.setValue('nick', `<img src=z onerror="pvXss('markdown-piped')">`);
    await settle(el);
    expect($(el, '.pv-survey-title strong')?.textContent).to.equal('school');
    const title = $(el, `[data-qid="${model.getQuestionByName('q').id}"] .pv-title`)!;
    expect(title.querySelector('strong')?.textContent).to.equal('are');
    expect(dangerousNodes(el)).to.deep.equal([]);
    await expectNothingRan(el, calls);
  });
});
