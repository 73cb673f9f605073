/// <reference types="mocha" />
import { expect, fixture as render, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { Chart, type TooltipItem } from 'chart.js';
import type { PublishedChoiceCell, PublishedQuestion, PublishedTally } from '@pupil-voice/aggregate';
import { HIDDEN_MARK, shown } from '../model/hidden.js';
import { fixture } from '../test-fixtures.js';
import type { PvChart } from './chart.js';
import './pv-chart.js';

const { published } = fixture();
const OVERALL = '["pupil",true]';
const STAFF = '["staff",true]';

function question(name: string): PublishedQuestion {
  return published.questions.find((q) => q.name === name)!;
}

async function chartOf(name: string, segment = OVERALL, data: PublishedTally = published): Promise<PvChart> {
  const el = await render<PvChart>(html`<pv-chart .data=${data} question=${name} segment=${segment} table-open></pv-chart>`);
  await el.whenDrawn();
  return el;
}

function tableRows(el: PvChart): string[][] {
  return [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent!.trim()));
}

const precise = (value: number | null) => (value === null ? HIDDEN_MARK : `${value.toFixed(1)}%`);
const count = (value: number | null) => (value === null ? HIDDEN_MARK : value.toLocaleString('en-GB'));

/** A key of `safe` where some counts are shown and some hidden. */
function mixedKey(): string {
  const cells = (question('safe') as Extract<PublishedQuestion, { kind: 'choice' }>).cells;
  const key = Object.keys(cells).find((k) => shown(cells[k]!.base) !== null && cells[k]!.counts.some((c) => shown(c) === null) && cells[k]!.counts.some((c) => shown(c) !== null));
  if (!key) throw new Error('the fixture has no mixed cell');
  return key;
}

function tooltipLabel(el: PvChart, datasetIndex: number, dataIndex: number): string {
  const label = el.chart!.options.plugins!.tooltip!.callbacks!.label! as (item: TooltipItem<'bar'>) => string;
  return label.call(undefined as never, { datasetIndex, dataIndex } as TooltipItem<'bar'>);
}

describe('<pv-chart>', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('single choice: the bars and the table show exactly the published percentages, counts and base', async () => {
    for (const key of [OVERALL, mixedKey()]) {
      const el = await chartOf('safe', key);
      const cell = (question('safe').cells as Record<string, PublishedChoiceCell>)[key]!;
      expect(el.chart!.data.datasets[0]!.data).to.deep.equal(cell.percents);
      const rows = tableRows(el);
      cell.counts.forEach((c, i) => {
        expect(rows[i]![1]).to.equal(precise(cell.percents[i]!));
        expect(rows[i]![2]).to.equal(count(shown(c)));
      });
      expect(rows.at(-1)![2]).to.equal(count(shown(cell.base)));
      expect(el.shadowRoot!.querySelector('.base')!.textContent).to.contain(count(shown(cell.base)));
    }
  });

  it('a hidden number is null in the chart data (never 0), [c] in the table and tooltip, with the legend', async () => {
    const key = mixedKey();
    const el = await chartOf('safe', key);
    const cell = (question('safe').cells as Record<string, PublishedChoiceCell>)[key]!;
    const hidden = cell.counts.findIndex((c) => shown(c) === null);
    expect(el.chart!.data.datasets[0]!.data[hidden]).to.equal(null);
    expect(tableRows(el)[hidden]!.slice(1)).to.deep.equal([HIDDEN_MARK, HIDDEN_MARK]);
    const tooltip = tooltipLabel(el, 0, hidden);
    expect(tooltip).to.contain(HIDDEN_MARK);
    expect(tooltip).not.to.match(/\d/);
    expect(el.shadowRoot!.querySelector('.hidden-legend')!.textContent).to.contain('[c] hidden to protect small groups');
    expect(el.shadowRoot!.textContent).not.to.match(/below|complementary|fewer than/i);
  });

  it('a hidden number gets a [c] placeholder of one fixed width (never its value), with the [c] tooltip', async () => {
    // Plain bars: the placeholder dataset after the bars, null where the number is shown.
    const key = mixedKey();
    const bars = await chartOf('safe', key);
    const cell = (question('safe').cells as Record<string, PublishedChoiceCell>)[key]!;
    const holes = bars.chart!.data.datasets[1]!;
    expect(holes.label).to.equal(HIDDEN_MARK);
    const barWidths = new Set<string>();
    cell.counts.forEach((c, i) => {
      const hole = holes.data[i] as [number, number] | null;
      if (shown(c) !== null) {
        expect(hole, `row ${i}`).to.equal(null);
        return;
      }
      expect(hole![0]).to.equal(0);
      barWidths.add((hole![1] - hole![0]).toFixed(9));
      const tooltip = tooltipLabel(bars, 1, i);
      expect(tooltip).to.equal('[c] hidden to protect small groups');
    });
    expect(barWidths.size, 'one width for every hidden bar').to.equal(1);
    expect(bars.shadowRoot!.querySelector('.hidden-legend .hidden-swatch')).not.to.equal(null);
    // Diverging rows (matrix statements) of every segment with hidden parts: a placeholder per
    // hidden part, where it would be, each the same width; the shown parts keep their widths.
    const matrix = question('feelings') as Extract<PublishedQuestion, { kind: 'matrix' }>;
    let checked = 0;
    for (const segment of Object.keys(matrix.cells)) {
      const rows = matrix.cells[segment]!.rows;
      const partial = rows.some((row) => shown(row.base) !== null && row.counts.some((c) => shown(c) === null) && row.counts.some((c) => shown(c) !== null));
      if (!partial) continue;
      const el = await chartOf('feelings', segment);
      const datasets = el.chart!.data.datasets;
      const placeholders = datasets.slice(4);
      const widths = new Set<string>();
      expect(placeholders.length, segment).to.be.above(0);
      rows.forEach((row, r) => {
        const rowPartial = shown(row.base) !== null && row.counts.some((c) => shown(c) !== null);
        row.counts.forEach((c, i) => {
          if (shown(c) === null) expect(datasets[i]!.data[r], `${segment} row ${r} answer ${i}: a hidden number is null in its own dataset`).to.equal(null);
          const hole = placeholders.find((set) => set.label === `${datasets[i]!.label} ${HIDDEN_MARK}`);
          const range = (hole?.data[r] ?? null) as [number, number] | null;
          // One block per side, at its first hidden answer (hidden-layout.browser.test.ts has the rule).
          if (range !== null) expect(rowPartial && shown(c) === null, `${segment} row ${r} answer ${i}`).to.equal(true);
          if (range) {
            widths.add((range[1] - range[0]).toFixed(9));
            const tooltip = tooltipLabel(el, datasets.indexOf(hole!), r);
            expect(tooltip).to.match(/^[A-Za-z ]+: \[c\] hidden to protect small groups$/);
          }
        });
      });
      // One width in a chart, whatever was hidden: nothing about a hidden value.
      expect(widths.size, segment).to.equal(1);
      checked++;
    }
    expect(checked, 'the fixture has matrix segments with hidden parts (so this test can fail)').to.be.above(0);
  });

  it('a group whose numbers are all hidden shows no number anywhere: DOM, chart data, canvas label', async () => {
    for (const name of ['safe', 'adults-listen', 'places', 'feelings', 'hours', 'change']) {
      const el = await chartOf(name, STAFF);
      const text = el.shadowRoot!.textContent!;
      expect(text, name).not.to.match(/\d/);
      expect(text, name).to.contain(HIDDEN_MARK);
      for (const dataset of el.chart?.data.datasets ?? []) expect(dataset.data.every((v) => v === null), name).to.equal(true);
      expect(el.shadowRoot!.querySelector('canvas')?.getAttribute('aria-label') ?? '', name).not.to.match(/\d/);
    }
  });

  it('in every question and segment, says only [c] and its legend about hidden numbers: text, labels, tooltips and PNG export text', async function () {
    this.timeout(180_000);
    const reasons = /below k|below \d|complementary|primary|secondary|dominan|fewer than|suppress|too small|\bk\s*=/i;
    let withHidden = 0;
    for (const q of published.questions) {
      for (const segment of Object.keys(published.respondents)) {
        const el = await chartOf(q.name, segment);
        const text: string[] = [el.shadowRoot!.textContent ?? ''];
        for (const node of el.shadowRoot!.querySelectorAll('[aria-label]')) text.push(node.getAttribute('aria-label')!);
        el.chart?.data.datasets.forEach((dataset, d) => dataset.data.forEach((_, i) => text.push(tooltipLabel(el, d, i))));
        const exported = el.exportText;
        if (exported) text.push(exported.title, ...exported.above, ...exported.below);
        const all = text.join('\n');
        expect(all, `${q.name} ${segment}`).not.to.match(reasons);
        if (all.includes(HIDDEN_MARK) && exported && el.chart) {
          withHidden++;
          expect(exported.below.at(-1), `${q.name} ${segment}: the PNG carries the legend`).to.equal('[c] hidden to protect small groups');
          expect(el.shadowRoot!.querySelector('.hidden-legend')!.textContent).to.contain('[c] hidden to protect small groups');
        }
        el.remove();
      }
    }
    expect(withHidden, 'the fixture hides numbers (so this test can fail)').to.be.above(5);
  });

  it('multi-select: share of respondents who ticked anything, stated as such', async () => {
    const el = await chartOf('places');
    const cell = (question('places').cells as Record<string, PublishedChoiceCell>)[OVERALL]!;
    expect(el.chart!.data.datasets[0]!.data).to.deep.equal(cell.percents);
    expect(el.shadowRoot!.querySelector('.base')!.textContent).to.contain('ticked at least one');
  });

  it('agree/disagree: diverging bars whose widths are the published counts over those giving a view; "Don\'t know" grey and outside the base', async () => {
    const el = await chartOf('adults-listen');
    const cell = (question('adults-listen').cells as Record<string, PublishedChoiceCell>)[OVERALL]!;
    const counts = cell.counts.map((c) => shown(c)!);
    const view = shown(cell.base)! - counts[5]!;
    const datasets = el.chart!.data.datasets;
    expect(datasets.map((d) => d.label)).to.deep.equal(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree', "Don't know"]);
    counts.forEach((c, i) => {
      const [start, end] = datasets[i]!.data[0] as [number, number];
      const expected = i === 5 ? (c / shown(cell.base)!) * 100 : (c / view) * 100;
      expect(end - start).to.be.closeTo(expected, 1e-9);
    });
    // Disagree is left of zero, agree right, neutral and don't know beside the positive end.
    expect((datasets[0]!.data[0] as number[])[1]).to.be.at.most(0);
    expect((datasets[3]!.data[0] as number[])[0]).to.equal(0);
    expect((datasets[2]!.data[0] as number[])[0]).to.be.above((datasets[4]!.data[0] as number[])[1]);
    expect(datasets[5]!.backgroundColor).to.equal('#8C8C8C');
    expect(tableRows(el)[0]!.at(-2)).to.equal(count(view));
    expect(el.shadowRoot!.querySelector('figcaption')!.textContent).to.match(/\d+% agree or strongly agree and \d+% disagree or strongly disagree, of [\d,]+ giving a view/);
  });

  it('matrix: one diverging row per statement, from the published row cells', async () => {
    const el = await chartOf('feelings');
    const q = question('feelings') as Extract<PublishedQuestion, { kind: 'matrix' }>;
    const cell = q.cells[OVERALL]!;
    expect(el.chart!.data.labels).to.deep.equal(q.rows.map((r) => r.label));
    cell.rows.forEach((row, r) => {
      const excluded = shown(row.counts[3]);
      const view = shown(row.base)! - (excluded ?? 0);
      [0, 1, 2].forEach((c) => {
        const drawn = el.chart!.data.datasets[c]!.data[r] as [number, number] | null;
        const published = shown(row.counts[c]);
        if (published === null) {
          expect(drawn).to.equal(null);
          return;
        }
        expect(drawn![1] - drawn![0]).to.be.closeTo((published / view) * 100, 1e-9);
      });
    });
  });

  it('numbers: the middle half drawn from the published quartiles, with mean and median in the table', async () => {
    const el = await chartOf('hours');
    const cell = (question('hours') as Extract<PublishedQuestion, { kind: 'numeric' }>).cells[OVERALL]!;
    expect(el.chart!.data.datasets[0]!.data[0]).to.deep.equal([cell.quartiles![0], cell.quartiles![2]]);
    const rows = tableRows(el);
    expect(rows[0]![1]).to.equal(count(shown(cell.base)));
    expect(rows[1]![1]).to.equal(cell.mean!.toFixed(1));
  });

  it('free text: only how many answered, and no canvas', async () => {
    const el = await chartOf('change');
    expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
    expect(el.shadowRoot!.querySelector('table')).not.to.equal(null);
  });

  it('is a figure with a caption stating the finding, a labelled canvas and a real table', async () => {
    const el = await chartOf('safe');
    const figure = el.shadowRoot!.querySelector('figure')!;
    expect(figure.querySelector('figcaption')!.textContent).to.match(/most common answer shown is "Mostly"/);
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.contain('Mostly');
    expect(el.shadowRoot!.querySelectorAll('table th[scope="row"]').length).to.equal(6);
  });

  it('is accessible (axe) in every state', async function () {
    this.timeout(120_000);
    const key = mixedKey();
    const states: Array<[string, string]> = [
      ['safe', OVERALL], ['safe', key], ['safe', STAFF], ['adults-listen', OVERALL], ['adults-listen', STAFF],
      ['places', OVERALL], ['feelings', OVERALL], ['feelings', key], ['hours', OVERALL], ['hours', STAFF], ['change', OVERALL], ['nothing', OVERALL],
    ];
    for (const [name, segment] of states) {
      const el = await chartOf(name, segment);
      await expect(el, `${name} ${segment}`).to.be.accessible();
      el.tableOpen = false;
      await el.whenDrawn();
      await expect(el, `${name} ${segment} (table closed)`).to.be.accessible();
    }
  });

  it('owns one chart.js instance: destroyed on detach, re-created on re-attach, none leaked', async () => {
    const before = Object.keys(Chart.instances).length;
    const el = await chartOf('safe');
    const parent = el.parentElement!;
    expect(Object.keys(Chart.instances).length).to.equal(before + 1);
    for (let round = 0; round < 5; round++) {
      const previous = el.chart;
      el.remove();
      expect(Object.keys(Chart.instances).length).to.equal(before);
      expect(el.chart).to.equal(undefined);
      parent.append(el);
      el.requestUpdate();
      await el.whenDrawn();
      expect(el.chart).to.not.equal(undefined);
      expect(el.chart).to.not.equal(previous);
      expect(Object.keys(Chart.instances).length).to.equal(before + 1);
    }
    // Detached before chart.js arrives: nothing is created later.
    el.remove();
    parent.append(el);
    el.requestUpdate();
    el.remove();
    await el.whenDrawn();
    expect(Object.keys(Chart.instances).length).to.equal(before);
  });

  it('updates in place on new data, without animation, and announces politely', async () => {
    const el = await chartOf('safe');
    const instance = el.chart;
    const next = fixture(11, 300, 100, 6).published;
    el.data = next;
    await el.whenDrawn();
    expect(el.chart).to.equal(instance);
    const cell = (next.questions.find((q) => q.name === 'safe')!.cells as Record<string, PublishedChoiceCell>)[OVERALL]!;
    expect(el.chart!.data.datasets[0]!.data).to.deep.equal(cell.percents);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.textContent).to.match(/^Results updated\. The most common answer shown/);
  });

  it('resizes with its container inside the shadow root', async () => {
    // chart.js resizes from a ResizeObserver callback: wait for each resize to land before the
    // next (a fail-safe bound below mocha's timeout, not a timing). Two frames and 50 ms were not
    // always enough for the first on two busy cores, and the second wait then saw that one.
    const resized = async (fits: (width: number) => boolean) => {
      for (let i = 0; i < 200 && !fits(el.chart!.width); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return el.chart!.width;
    };
    const el = await chartOf('safe');
    el.style.display = 'block';
    el.style.width = '600px';
    const page = () => `in a ${document.visibilityState} page`;
    const wide = await resized((width) => width > 320 && width <= 600);
    expect(wide, `chart width in a 600 px box ${page()}`).to.be.above(320).and.at.most(600);
    el.style.width = '320px';
    const narrow = await resized((width) => width <= 320);
    expect(narrow, `chart width in a 320 px box ${page()}`).to.be.below(wide).and.at.most(320);
  });

  it('re-wraps its labels when resized across the narrow breakpoint (ResizeObserver), both ways', async function () {
    // As above: ResizeObserver callbacks run only in the page Chromium renders.
    if (document.visibilityState === 'hidden') this.skip();
    const box = await render<HTMLDivElement>(html`<div style="width: 800px"><pv-chart .data=${published} question="places" segment=${OVERALL}></pv-chart></div>`);
    const el = box.querySelector<PvChart>('pv-chart')!;
    await el.whenDrawn();
    const journey = () => el.chart!.data.labels![3];
    expect(journey(), 'wide: one line').to.equal('On the way to school');
    const until = async (done: () => boolean) => {
      // Waits for the observer and the re-render (a fail-safe bound, not a timing).
      for (let i = 0; i < 100 && !done(); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await el.whenDrawn();
      }
    };
    const instance = el.chart;
    box.style.width = '360px';
    await until(() => Array.isArray(journey()));
    expect(journey(), 'narrow: wrapped to fit').to.deep.equal(['On the way to', 'school']);
    expect(el.chart, 'updated in place').to.equal(instance);
    box.style.width = '900px';
    await until(() => !Array.isArray(journey()));
    expect(journey(), 'wide again: one line').to.equal('On the way to school');
  });

  it('draws without animation when the reader prefers reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await chartOf('safe');
    expect(el.chart!.options.animation).to.equal(false);
  });

  it('exports a PNG of the chart with its title', async () => {
    const el = await chartOf('safe', mixedKey());
    const png = await el.toPng();
    expect(png.type).to.equal('image/png');
    expect(png.size).to.be.above(1000);
  });
});
