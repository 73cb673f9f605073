/// <reference types="mocha" />
// Diverging and plain bars when some numbers are hidden ([c]): every combination of hidden
// answers in a hand-made publication, at desktop and phone widths. A hidden number has no place
// on the axis, so a part is drawn only where everything between it and its side's start is
// shown; the rest of the side is one [c] block of a fixed width, and shown numbers beyond it
// are written (chips), not drawn.
import { expect, fixture as render, html } from '@open-wc/testing';
import type { TooltipItem } from 'chart.js';
import type { PublishedChoiceCell, PublishedCount, PublishedMatrixCell, PublishedTally } from '@pupil-voice/aggregate';
import { HIDDEN_MARK } from '../model/hidden.js';
import type { DivergingFigure } from '../model/figure.js';
import { fixture } from '../test-fixtures.js';
import { labelsOf } from './direct-labels.js';
import type { PvChart } from './chart.js';
import './pv-chart.js';

const { published } = fixture();
const OVERALL = '["pupil",true]';

/** Strongly disagree … Strongly agree, Don't know, of 200 answering (the defect as reported:
 * 6 %, 23 % and 15 % shown; Disagree, Agree and Don't know hidden). */
const SCALE_COUNTS = [12, 28, 46, 70, 30, 14];
const ANSWERED = 200;
const count = (value: number): PublishedCount => ({ count: value });
const HIDDEN: PublishedCount = { hidden: true };

function choiceCell(counts: readonly number[], hidden: ReadonlySet<number>, base: number): PublishedChoiceCell {
  return {
    base: count(base),
    missing: count(0),
    counts: counts.map((c, i) => (hidden.has(i) ? HIDDEN : count(c))),
    percents: counts.map((c, i) => (hidden.has(i) ? null : (c / base) * 100)),
  };
}

/** The fixture publication with one question's overall cell replaced. */
function withCell(name: string, cell: PublishedChoiceCell | PublishedMatrixCell): PublishedTally {
  const copy = structuredClone(published) as PublishedTally;
  const q = copy.questions.find((question) => question.name === name)!;
  (q.cells as Record<string, unknown>)[OVERALL] = cell;
  return copy;
}

async function chartAt(data: PublishedTally, name: string, width: number): Promise<PvChart> {
  const box = await render<HTMLDivElement>(html`<div style="width:${width}px"><pv-chart .data=${data} question=${name} segment=${OVERALL}></pv-chart></div>`);
  const el = box.querySelector('pv-chart')!;
  await el.whenDrawn();
  return el;
}

function tooltip(el: PvChart, datasetIndex: number, dataIndex: number): string {
  const label = el.chart!.options.plugins!.tooltip!.callbacks!.label! as (item: TooltipItem<'bar'>) => string;
  return label.call(undefined as never, { datasetIndex, dataIndex } as TooltipItem<'bar'>);
}

const subsets = (size: number): number[][] =>
  Array.from({ length: 2 ** size }, (_, mask) => Array.from({ length: size }, (_, i) => i).filter((i) => mask & (1 << i)));

/** Tick labels as chart.js made them: whole multiples of 10, 20, 25 or 50 per cent, 0 among them. */
function expectRoundTicks(el: PvChart, what: string): void {
  const ticks = el.chart!.scales.x!.ticks;
  const labels = ticks.map((tick) => String(tick.label));
  for (const label of labels) expect(label, `${what}: ${labels.join(' ')}`).to.match(/^\d+%$/);
  for (const tick of ticks) expect(tick.value % 10 === 0 || tick.value % 25 === 0, `${what}: ${labels.join(' ')}`).to.equal(true);
  expect(ticks.some((tick) => tick.value === 0), `${what}: 0 is a tick`).to.equal(true);
  expect(ticks.length, `${what}: at least a tick each side of 0`).to.be.at.least(3);
}

/**
 * What a diverging chart draws equals the figure (the published numbers): per row and answer,
 * a bar of exactly its percent at its true place when every answer nearer the side's start is
 * shown, otherwise its percent written as a chip after the side's [c] block; a hidden answer
 * is null in its dataset and never written; one block per side with a hidden answer, all of one
 * width.
 */
function expectDivergingDrawsFigure(el: PvChart, what: string): { blocks: number; chips: number } {
  const figure = el.figure as DivergingFigure;
  const datasets = el.chart!.data.datasets;
  const spec = labelsOf(el.shadowRoot!.querySelector('canvas')!)!;
  const nCat = figure.categories.length;
  const blockWidths = new Set<string>();
  let blocks = 0;
  let chips = 0;
  figure.items.forEach((item, r) => {
    const partial = item.base !== null && item.entries.some((e) => e.count !== null);
    const rowChips = (spec.chips?.[r] ?? []).flatMap((c) => c.items.map((chip) => chip.text));
    const expectedChips: string[] = [];
    for (const side of ['negative', 'positive', 'neutral', 'excluded'] as const) {
      const members = figure.categories
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => c.side === side)
        .sort((a, b) => a.c.distance - b.c.distance);
      let before = 0;
      let blocked = false;
      let sideBlocks = 0;
      for (const { c, i } of members) {
        const entry = item.entries[i]!;
        const value = datasets[i]!.data[r] as [number, number] | null;
        const where = `${what} row ${r} ${c.label}`;
        if (entry.percent === null) {
          expect(value, `${where}: hidden is null`).to.equal(null);
          if (partial && !blocked) {
            const hole = datasets.slice(nCat).find((set) => set.label === `${c.label} ${HIDDEN_MARK}`);
            const range = hole?.data[r] as [number, number] | null | undefined;
            expect(range, `${where}: the side's [c] block`).to.be.an('array');
            blockWidths.add((range![1] - range![0]).toFixed(9));
            expect(tooltip(el, datasets.indexOf(hole!), r), where).to.match(/: \[c\] hidden to protect small groups$/);
            sideBlocks++;
          }
          blocked = true;
          continue;
        }
        if (!partial) continue;
        if (blocked) {
          expect(value, `${where}: past a hidden answer, not drawn`).to.equal(null);
          expectedChips.push(`${Math.round(entry.percent)}%`);
          continue;
        }
        expect(value, `${where}: drawn`).to.be.an('array');
        expect(value![1] - value![0], `${where}: width is the published percent`).to.be.closeTo(entry.percent, 1e-9);
        if (side === 'negative') expect(value![1], `${where}: next to what is nearer 0`).to.be.closeTo(-before, 1e-9);
        if (side === 'positive') expect(value![0], `${where}: next to what is nearer 0`).to.be.closeTo(before, 1e-9);
        before += entry.percent;
      }
      expect(sideBlocks, `${what} row ${r} ${side}: at most one block`).to.be.at.most(1);
      blocks += sideBlocks;
    }
    expect([...rowChips].sort(), `${what} row ${r}: chips`).to.deep.equal([...expectedChips].sort());
    chips += rowChips.length;
  });
  expect(blockWidths.size, `${what}: one block width`).to.be.at.most(1);
  return { blocks, chips };
}

/** Chips and bar labels stay inside the plot (no label runs off or over the row labels). */
function expectChipsInside(el: PvChart, what: string): void {
  const chart = el.chart!;
  const spec = labelsOf(el.shadowRoot!.querySelector('canvas')!)!;
  const ctx = chart.ctx;
  ctx.save();
  ctx.font = spec.font;
  for (const row of spec.chips ?? []) {
    for (const chips of row) {
      const x = chart.scales.x!.getPixelForValue(chips.at);
      const width = 6 + chips.items.reduce((sum, chip) => sum + 16 + ctx.measureText(chip.text).width + 10, 0);
      const [from, to] = chips.direction === 'left' ? [x - width, x] : [x, x + width];
      expect(from, `${what}: chips start inside`).to.be.at.least(chart.chartArea.left - 1);
      expect(to, `${what}: chips end inside`).to.be.at.most(chart.chartArea.right + 12);
    }
  }
  ctx.restore();
}

describe('<pv-chart> with hidden numbers', () => {
  it('reproduces the reported agree/disagree chart: round ticks with 0, no part drawn past a hidden one, caption, table and chart agree', async () => {
    const data = withCell('adults-listen', choiceCell(SCALE_COUNTS, new Set([1, 3, 5]), ANSWERED));
    for (const width of [1248, 343]) {
      const el = await chartAt(data, 'adults-listen', width);
      expectRoundTicks(el, `${width}`);
      const { blocks, chips } = expectDivergingDrawsFigure(el, `${width}`);
      // Disagree and Agree hidden: both sides are a [c] block at 0 (and Don't know one beside);
      // Strongly disagree 6% and Strongly agree 15% are written after them, not drawn.
      expect(blocks).to.equal(3);
      expect(chips).to.equal(2);
      const datasets = el.chart!.data.datasets;
      expect(datasets[0]!.data[0]).to.equal(null);
      expect(datasets[4]!.data[0]).to.equal(null);
      expect(datasets[2]!.data[0]).to.be.an('array');
      const disagreeBlock = datasets.find((d) => d.label === `Disagree ${HIDDEN_MARK}`)!.data[0] as [number, number];
      const agreeBlock = datasets.find((d) => d.label === `Agree ${HIDDEN_MARK}`)!.data[0] as [number, number];
      expect(disagreeBlock[1]).to.equal(0);
      expect(agreeBlock[0]).to.equal(0);
      expect(tooltip(el, datasets.findIndex((d) => d.label === `Agree ${HIDDEN_MARK}`), 0)).to.equal('Agree: [c] hidden to protect small groups');
      expectChipsInside(el, `${width}`);
      // Caption: both shares hidden, as the picture shows.
      const caption = el.shadowRoot!.querySelector('figcaption')!.textContent!;
      expect(caption).to.contain('[c] agree or strongly agree and [c] disagree or strongly disagree, of 200 who answered.');
      expect(caption).to.contain('Base: 200 who answered.');
      // Table: the shown percentages as published, [c] for the rest.
      const cells = [...el.shadowRoot!.querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent!.trim());
      expect(cells.slice(0, 6)).to.deep.equal(['6.0% (12)', HIDDEN_MARK, '23.0% (46)', HIDDEN_MARK, '15.0% (30)', HIDDEN_MARK]);
      // No hidden value (Disagree 14%, Agree 35%, Don't know 7%, counts 28, 70, 14) anywhere.
      const texts = [el.shadowRoot!.textContent!, ...[...el.shadowRoot!.querySelectorAll('[aria-label]')].map((node) => node.getAttribute('aria-label')!)];
      datasets.forEach((set, d) => set.data.forEach((_, i) => texts.push(tooltip(el, d, i))));
      const spec = labelsOf(el.shadowRoot!.querySelector('canvas')!)!;
      texts.push(JSON.stringify(spec.labels), JSON.stringify(spec.chips), JSON.stringify(datasets.map((d) => d.data)));
      texts.push(el.chart!.scales.x!.ticks.map((tick) => tick.label).join(' '));
      for (const text of texts) expect(text).not.to.match(/\b(14|35|7|28|70)(\.0+)?%|\b(28|70)\b/);
      await expect(el).to.be.accessible();
    }
  });

  it('agree/disagree in every combination of hidden answers, desktop and phone: drawn numbers equal the published ones, round ticks', async function () {
    this.timeout(240_000);
    let withChips = 0;
    for (const hidden of subsets(6)) {
      if (hidden.length === 6) continue;
      const data = withCell('adults-listen', choiceCell(SCALE_COUNTS, new Set(hidden), ANSWERED));
      for (const width of hidden.length % 2 === 0 ? [1248, 343] : [760]) {
        const el = await chartAt(data, 'adults-listen', width);
        const what = `hidden ${hidden.join(',') || 'none'} at ${width}`;
        expectRoundTicks(el, what);
        withChips += expectDivergingDrawsFigure(el, what).chips > 0 ? 1 : 0;
        expectChipsInside(el, what);
        el.parentElement!.remove();
      }
    }
    expect(withChips, 'some combinations write numbers past a block (so the chip checks can fail)').to.be.above(5);
  });

  it('matrix rows with every pattern of hidden answers: each row drawn by the same rule, one block width, round ticks', async function () {
    this.timeout(120_000);
    // Never, Sometimes, Often, Prefer not to say; 120 answering each row.
    const counts = [30, 45, 33, 12];
    const patterns = subsets(4).filter((hidden) => hidden.length < 4);
    for (let start = 0; start < patterns.length; start += 3) {
      const rows = [0, 1, 2].map((r) => choiceCell(counts, new Set(patterns[(start + r) % patterns.length]), 120));
      const data = withCell('feelings', { rows });
      for (const width of [1248, 343]) {
        const el = await chartAt(data, 'feelings', width);
        const what = `patterns from ${start} at ${width}`;
        expectRoundTicks(el, what);
        expectDivergingDrawsFigure(el, what);
        expectChipsInside(el, what);
        if (start === 0) await expect(el).to.be.accessible();
        el.parentElement!.remove();
      }
    }
  });

  it('single choice and multi-select bars with hidden answers: the bars are the published percents, placeholders at 0, round ticks', async function () {
    this.timeout(120_000);
    const counts = [80, 60, 40, 12, 8];
    for (const hidden of subsets(5).filter((h) => h.length < 5)) {
      const data = withCell('safe', choiceCell(counts, new Set(hidden), 200));
      for (const width of hidden.length % 2 === 0 ? [1248, 343] : [600]) {
        const el = await chartAt(data, 'safe', width);
        const what = `safe hidden ${hidden.join(',')} at ${width}`;
        const bars = el.chart!.data.datasets[0]!.data;
        counts.forEach((c, i) => expect(bars[i], what).to.equal(hidden.includes(i) ? null : (c / 200) * 100));
        const labels = el.chart!.scales.x!.ticks.map((tick) => String(tick.label));
        for (const label of labels) expect(label, `${what}: ${labels.join(' ')}`).to.match(/^(0|[1-9]\d*0)%$/);
        const holes = el.chart!.data.datasets[1]?.data ?? [];
        const widths = new Set(holes.filter((h): h is [number, number] => Array.isArray(h)).map((h) => `${h[0]} ${h[1].toFixed(9)}`));
        expect(widths.size, what).to.equal(hidden.length === 0 ? 0 : 1);
        el.parentElement!.remove();
      }
    }
  });
});
