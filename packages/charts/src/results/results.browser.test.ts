/// <reference types="mocha" />
import { expect, fixture as render, html } from '@open-wc/testing';
import { compare } from '@pupil-voice/aggregate';
import type { TooltipItem } from 'chart.js';
import { positiveAnswers } from '../compare/compare-model.js';
import { HIDDEN_MARK, shown } from '../model/hidden.js';
import { viewOf } from '../model/view.js';
import { fixture } from '../test-fixtures.js';
import type { PvChart } from '../chart/chart.js';
import type { PvCompare } from '../compare/compare.js';
import type { PvResults } from './results.js';
import '../define.js';

const { published } = fixture();

async function settle(el: PvResults): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    const children = [...el.shadowRoot!.querySelectorAll<PvChart | PvCompare>('pv-chart, pv-compare')];
    await Promise.all(children.map((child) => child.whenDrawn()));
  }
}

function select(el: PvResults, label: string): HTMLSelectElement {
  const found = [...el.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.trim().startsWith(label));
  return found!.querySelector('select')!;
}

/** Tick labels as chart.js made them: whole tens, twenties, 25s or 50s (never 5s or fractions). */
function tickValues(chart: { scales: Record<string, { ticks: Array<{ value: number; label?: unknown }> } | undefined> }): string[] {
  const ticks = chart.scales.x!.ticks;
  for (const tick of ticks) expect(tick.value % 10 === 0 || tick.value % 25 === 0, ticks.map((k) => k.label).join(' ')).to.equal(true);
  return ticks.map((tick) => String(tick.label));
}

describe('<pv-compare>', function () {
  this.timeout(30_000);
  it('puts pupils and parents side by side with the published percentages, and each difference with its interval', async () => {
    const el = await render<PvCompare>(html`<pv-compare .data=${published} question="safe" table-open></pv-compare>`);
    await el.whenDrawn();
    const expected = compare(published, { by: 'audience', groups: ['pupil', 'parent'], agree: positiveAnswers(published), questions: ['safe'] }).items[0]!;
    const datasets = el.chart!.data.datasets;
    expect(datasets.slice(0, 2).map((d) => d.label)).to.deep.equal(['Pupils', 'Parents']);
    expected.groups.forEach((group, g) => expect(datasets[g]!.data).to.deep.equal(group.percents));
    for (const label of tickValues(el.chart!)) expect(label).to.match(/^\d+0?%$/);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expected.differences[0]!.categories.forEach((difference, i) => {
      const cell = rows[i]!.at(-1)!;
      if (!difference.available) expect(cell).to.equal(HIDDEN_MARK);
      else expect(cell).to.equal(`${(difference.difference.estimate * 100).toFixed(1)} (95% interval ${(difference.difference.lower * 100).toFixed(1)} to ${(difference.difference.upper * 100).toFixed(1)})`);
    });
    await expect(el).to.be.accessible();
  });

  it('a hidden group bar keeps its slot: a [c] placeholder beside the other group, with the [c] tooltip', async () => {
    let checked = 0;
    for (const question of ['safe', 'places', 'feelings']) {
      const el = await render<PvCompare>(html`<pv-compare .data=${published} question=${question}></pv-compare>`);
      await el.whenDrawn();
      const chart = el.chart!;
      const datasets = chart.data.datasets;
      for (const [index, dataset] of datasets.entries()) {
        if (index < 2) continue;
        const g = dataset.label === `Pupils ${HIDDEN_MARK}` ? 0 : 1;
        expect(dataset.label).to.equal(`${g === 0 ? 'Pupils' : 'Parents'} ${HIDDEN_MARK}`);
        dataset.data.forEach((value, row) => {
          expect(value === null, `${question} row ${row}`).to.equal(datasets[g]!.data[row] !== null);
          if (value === null) return;
          checked++;
          // Same slot as its group's bar, not the other group's.
          const own = chart.getDatasetMeta(g).data[row]!.y;
          const other = chart.getDatasetMeta(1 - g).data[row]!.y;
          expect(chart.getDatasetMeta(index).data[row]!.y).to.be.closeTo(own, 0.5);
          expect(Math.abs(own - other)).to.be.above(2);
          const label = chart.options.plugins!.tooltip!.callbacks!.label! as (item: TooltipItem<'bar'>) => string;
          expect(label.call(undefined as never, { datasetIndex: index, dataIndex: row } as TooltipItem<'bar'>)).to.equal(
            `${g === 0 ? 'Pupils' : 'Parents'}: [c] hidden to protect small groups`,
          );
        });
      }
    }
    expect(checked, 'the fixture hides some group bars (so this test can fail)').to.be.above(0);
  });

  it('ranks perception gaps, each drawn across its published 95% interval', async () => {
    const el = await render<PvCompare>(html`<pv-compare .data=${published} table-open></pv-compare>`);
    await el.whenDrawn();
    const gaps = compare(published, { by: 'audience', groups: ['pupil', 'parent'], agree: positiveAnswers(published) }).gaps.slice(0, 12);
    expect(gaps.length).to.be.above(1);
    expect(el.chart!.data.datasets[0]!.data).to.deep.equal(gaps.map((g) => [g.difference.lower * 100, g.difference.upper * 100]));
    expect(el.shadowRoot!.querySelector('figcaption')!.textContent).to.contain('Biggest gap');
    // Symmetric round ticks with 0 among them, at desktop and phone widths.
    for (const width of [1000, 340]) {
      const box = await render<HTMLDivElement>(html`<div style="width:${width}px"><pv-compare .data=${published}></pv-compare></div>`);
      const sized = box.querySelector('pv-compare')!;
      await sized.whenDrawn();
      const labels = tickValues(sized.chart!);
      expect(labels, `${width}`).to.include('0');
      expect(labels[0], `${width}`).to.equal(labels.at(-1)!.replace('+', '-'));
      if (width < 520) expect(labels.length, labels.join(' ')).to.be.at.most(5);
    }
    await expect(el).to.be.accessible();
  });

  it('announces what changed on new data: the new finding, politely', async () => {
    const el = await render<PvCompare>(html`<pv-compare .data=${published} question="safe"></pv-compare>`);
    await el.whenDrawn();
    const status = () => el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status().getAttribute('aria-live')).to.equal('polite');
    expect(status().textContent!.trim(), 'nothing said on first render').to.equal('');
    const before = el.shadowRoot!.querySelector('.finding')!.textContent!;
    el.data = fixture(11, 300, 100, 6).published;
    await el.whenDrawn();
    const after = el.shadowRoot!.querySelector('.finding')!.textContent!;
    expect(after, 'the new numbers change the finding (so this test can fail)').not.to.equal(before);
    expect(status().textContent!.trim()).to.equal(`Results updated. ${after}`);
    expect(status().textContent).to.match(/Pupils \d+%, Parents \d+%/);

    const gaps = await render<PvCompare>(html`<pv-compare .data=${published}></pv-compare>`);
    await gaps.whenDrawn();
    gaps.data = fixture(11, 300, 100, 6).published;
    await gaps.whenDrawn();
    expect(gaps.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.match(/^Results updated\. Biggest gap: /);
  });

  it('compares a matrix on the share giving a positive answer per row', async () => {
    const el = await render<PvCompare>(html`<pv-compare .data=${published} question="feelings"></pv-compare>`);
    await el.whenDrawn();
    expect(el.chart!.data.labels).to.deep.equal(['felt cheerful', 'felt calm', 'felt useful']);
    expect(el.shadowRoot!.querySelector('.base')!.textContent).to.contain('often');
    await expect(el).to.be.accessible();
  });
});

describe('<pv-results>', () => {
  it('shows every question as a chart of the whole publication, then filters as views of the same publication', async function () {
    this.timeout(60_000);
    const el = await render<PvResults>(html`<pv-results .data=${published}></pv-results>`);
    await settle(el);
    expect(el.charts.map((c) => c.question)).to.deep.equal(published.questions.map((q) => q.name));
    const safe = () => el.charts.find((c) => c.question === 'safe')!;
    const cellOf = (key: string) => (published.questions.find((q) => q.name === 'safe')!.cells as Record<string, { percents: Array<number | null> }>)[key]!;
    expect(safe().chart!.data.datasets[0]!.data).to.deep.equal(cellOf('["pupil",true]').percents);
    await expect(el).to.be.accessible();

    const school = select(el, 'School');
    school.value = 'A';
    school.dispatchEvent(new Event('change'));
    await settle(el);
    expect(safe().chart!.data.datasets[0]!.data).to.deep.equal(cellOf('["pupil","A"]').percents);
    const audience = select(el, 'Who answered');
    audience.value = 'parent';
    audience.dispatchEvent(new Event('change'));
    await settle(el);
    expect(safe().chart!.data.datasets[0]!.data).to.deep.equal(cellOf('["parent","A"]').percents);
    await expect(el).to.be.accessible();
  });

  it('never names a group whose numbers are hidden, and a view whose respondents are hidden shows no numbers', async () => {
    const el = await render<PvResults>(html`<pv-results .data=${published}></pv-results>`);
    await settle(el);
    const options = [...select(el, 'Who answered').options].map((o) => o.textContent!.trim());
    // Six staff: every number of theirs is hidden, so "Staff" is not offered; audiences are not
    // totalled in this publication, so there is no "All" either.
    expect(options).to.deep.equal(['Parents', 'Pupils']);
    expect(shown(published.respondents['["staff",true]'])).to.equal(null);
    // A view whose respondents are hidden (forced here through the filters) says so and draws nothing.
    (el as unknown as { filters: Record<string, string> }).filters = { audience: 'staff' };
    await settle(el);
    expect(el.charts.length).to.equal(0);
    expect(el.shadowRoot!.textContent).to.contain('hidden [c] to protect small groups');
    expect(el.shadowRoot!.querySelector('.questions')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('turns comparison on: the gap ranking and each question side by side', async function () {
    this.timeout(60_000);
    const el = await render<PvResults>(html`<pv-results .data=${published}></pv-results>`);
    await settle(el);
    const toggle = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    toggle.click();
    await settle(el);
    const compares = [...el.shadowRoot!.querySelectorAll<PvCompare>('pv-compare')];
    expect(compares.length).to.equal(1 + published.questions.filter((q) => ['choice', 'multi', 'matrix'].includes(q.kind)).length);
    const view = viewOf(published, {}, ['audience']);
    expect(compares[0]!.data).to.deep.equal(view);
    await expect(el).to.be.accessible();
  });

  it('its charts shrink with the page and re-wrap their labels (a grid track never holds a canvas at its old width)', async function () {
    // ResizeObserver callbacks run only in the page Chromium renders (see the chart tests).
    if (document.visibilityState === 'hidden') this.skip();
    const box = await render<HTMLDivElement>(html`<div style="width: 1000px"><pv-results .data=${published}></pv-results></div>`);
    const el = box.querySelector<PvResults>('pv-results')!;
    await settle(el);
    const places = () => el.charts.find((chart) => chart.question === 'places')!;
    expect(places().chart!.width).to.be.above(900);
    box.style.width = '360px';
    for (let i = 0; i < 100 && !(places().chart!.width <= 360 && Array.isArray(places().chart!.data.labels![3])); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await settle(el);
    }
    expect(places().chart!.width).to.be.at.most(360);
    expect(places().chart!.data.labels![3]).to.deep.equal(['On the way to', 'school']);
  });

  it('downloads the published CSV and never writes a hidden number into it', async () => {
    const el = await render<PvResults>(html`<pv-results .data=${published}></pv-results>`);
    await settle(el);
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = () => undefined;
    try {
      const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Download the published CSV')!;
      button.click();
      select(el, 'CSV layout').value = 'wide';
      select(el, 'CSV layout').dispatchEvent(new Event('change'));
      await el.updateComplete;
      button.click();
    } finally {
      URL.createObjectURL = original;
      HTMLAnchorElement.prototype.click = click;
    }
    const [tidy, wide] = await Promise.all(blobs.map((b) => b.text()));
    expect([...new Uint8Array(await blobs[0]!.slice(0, 3).arrayBuffer())]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const rows = tidy!.trim().split('\r\n').map((line) => line.split(','));
    const count = rows[0]!.indexOf('count');
    // Every count written is one the publication shows (hidden rows are dropped by default).
    for (const row of rows.slice(1)) expect(row[count], row.join(',')).to.not.equal(HIDDEN_MARK);
    expect(wide).to.contain(`${HIDDEN_MARK} hidden to protect small groups`);
  });

  it('asks for the analyst token when the publication answers 401', async () => {
    const el = await render<PvResults>(html`<pv-results src="/no-such-endpoint-answers-404"></pv-results>`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
  });
  describe('while the collector prepares the first results (503 results_pending + Retry-After)', () => {
    // A real endpoint on the test runner's loopback server (packages/charts/test-server/pending-results.mjs).
    async function script(scenario: string, pending: number, retryAfter: string | null): Promise<string> {
      const put = await fetch(`/test-results/${scenario}/_script`, { method: 'PUT', body: JSON.stringify({ pending, retryAfter, publication: published }) });
      expect(put.status).to.equal(200);
      return `/test-results/${scenario}/results`;
    }
    async function requests(scenario: string): Promise<number[]> {
      return ((await (await fetch(`/test-results/${scenario}/_record`)).json()) as { requests: number[] }).requests;
    }
    async function until(check: () => boolean): Promise<void> {
      for (let i = 0; i < 300 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(check()).to.equal(true);
    }
    const status = (el: PvResults) => el.shadowRoot!.querySelector('[role="status"]')?.textContent ?? '';

    it('says politely that they are being prepared, asks again after Retry-After (at least 2 s), then shows the charts', async () => {
      const scenario = `pending-${crypto.randomUUID()}`;
      // Retry-After: 0 would be a retry storm; the page waits at least 2 s between tries.
      const src = await script(scenario, 2, '0');
      const el = await render<PvResults>(html`<pv-results src=${src}></pv-results>`);
      await until(() => status(el).includes('being prepared'));
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(status(el)).to.contain('will appear here by themselves');
      await expect(el).to.be.accessible();
      await until(() => el.charts.length > 0);
      await settle(el);
      expect(el.shadowRoot!.querySelector('h1')).to.not.equal(null);
      expect(el.shadowRoot!.textContent).to.not.contain('being prepared');
      const times = await requests(scenario);
      expect(times).to.have.length(3);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!, `gap before try ${i + 1}`).to.be.at.least(1900);
    });

    it('stops asking when removed from the page, and asks again when put back', async () => {
      const scenario = `pending-${crypto.randomUUID()}`;
      const src = await script(scenario, 1, '2');
      const box = await render<HTMLDivElement>(html`<div><pv-results src=${src}></pv-results></div>`);
      const el = box.querySelector<PvResults>('pv-results')!;
      await until(() => status(el).includes('being prepared'));
      el.remove();
      // Longer than the 2 s Retry-After: a retry that survived disconnect would have arrived.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      expect(await requests(scenario)).to.have.length(1);
      box.append(el);
      await until(() => el.charts.length > 0);
      expect(await requests(scenario)).to.have.length(2);
    });
  });
});
