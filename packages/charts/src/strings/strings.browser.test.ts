/// <reference types="mocha" />
import { expect, fixture as render, html } from '@open-wc/testing';
import type { TooltipItem } from 'chart.js';
import type { PublishedChoiceCell, PublishedQuestion } from '@pupil-voice/aggregate';
import { shown } from '../model/hidden.js';
import { fixture } from '../test-fixtures.js';
import { RESULTS_CY, RESULTS_EN } from '../poll-results/poll-results-strings.js';
import type { PvChart } from '../chart/chart.js';
import type { PvCompare } from '../compare/compare.js';
import type { PvResults } from '../results/results.js';
import { cy } from './cy.js';
import { en } from './en.js';
import '../define.js';

const { published } = fixture();
const MARK = '\u0001';

/** The fixed words of a string or of a function's output (its arguments stand out as marks). */
function fragments(value: unknown): string[] {
  const text = typeof value === 'function' ? String((value as (...args: unknown[]) => unknown)(MARK, MARK, MARK, MARK, MARK, MARK)) : String(value);
  return text.split(MARK).map((part) => part.trim());
}

/** What a value says, with sample arguments: compared across languages. */
const sample = (value: unknown, args: unknown[] = ['pupil', 'parent', '12%', '34', '56', '78']): string =>
  typeof value === 'function' ? String((value as (...a: unknown[]) => unknown)(...args)) : JSON.stringify(value);

/** Entries of a translation object, nested records (poll statuses) flattened. */
function entries(strings: object, prefix = ''): Array<[string, unknown]> {
  return Object.entries(strings).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? entries(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

/** Same in both languages on purpose: a quoted label with its numbers, the mark, a plural helper. */
const SAME = new Set(['findingCompare', 'hiddenMark']);

/** All text a reader could meet on an element: shadow text (nested elements too), labels, tooltips. */
function readable(root: ShadowRoot): string {
  const parts: string[] = [root.textContent ?? ''];
  for (const el of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'alt']) if (el.getAttribute(name)) parts.push(el.getAttribute(name)!);
    if (el.shadowRoot) parts.push(readable(el.shadowRoot));
    const chart = (el as Partial<PvChart>).chart;
    const label = chart?.options.plugins?.tooltip?.callbacks?.label as ((item: TooltipItem<'bar'>) => string) | undefined;
    if (chart && label) {
      chart.data.datasets.forEach((dataset, datasetIndex) =>
        dataset.data.forEach((_, dataIndex) => parts.push(String(label.call(undefined as never, { datasetIndex, dataIndex } as TooltipItem<'bar'>)))),
      );
    }
    const exportText = (el as Partial<PvChart>).exportText;
    if (exportText) parts.push(exportText.title, ...exportText.above, ...exportText.below);
  }
  return parts.join('\n');
}

function mixedKey(): string {
  const cells = (published.questions.find((q) => q.name === 'safe') as Extract<PublishedQuestion, { kind: 'choice' }>).cells;
  return Object.keys(cells).find((k) => shown(cells[k]!.base) !== null && (cells[k] as PublishedChoiceCell).counts.some((c) => shown(c) === null))!;
}

describe('chart strings in English and Welsh', function () {
  this.timeout(120_000);

  it('Welsh has every string of its own: none missing, none left in English', () => {
    for (const [english, welsh] of [
      [en, cy],
      [RESULTS_EN, RESULTS_CY],
    ] as const) {
      const welshEntries = new Map(entries(welsh));
      const englishEntries = entries(english);
      expect([...welshEntries.keys()].sort()).to.deep.equal(englishEntries.map(([key]) => key).sort());
      for (const [key, value] of englishEntries) {
        if (SAME.has(key)) continue;
        const args = key === 'groupName' ? ['pupil'] : key === 'segmentName' ? ['audience'] : key === 'votes' ? [3] : key === 'tie' ? [['A', 'B']] : undefined;
        expect(sample(welshEntries.get(key), args), key).not.to.equal(sample(value, args));
      }
    }
  });

  it('a Welsh results page shows no English words of ours: captions, keys, legends, tables, buttons, tooltips and exports', async () => {
    // Every fixed piece of English the elements could show (8 characters or more, so that
    // a shared word such as "Staff" does not count).
    const english = [...new Set(entries(en).flatMap(([key, value]) => (SAME.has(key) ? [] : fragments(value))))].filter((f) => f.length >= 8);
    expect(english.length).to.be.above(60);
    const pages: ShadowRoot[] = [];
    for (const [name, segment] of [
      ['safe', '["pupil",true]'], ['safe', mixedKey()], ['safe', '["staff",true]'], ['adults-listen', '["pupil",true]'], ['places', '["pupil",true]'],
      ['feelings', '["pupil",true]'], ['hours', '["pupil",true]'], ['hours', '["staff",true]'], ['change', '["pupil",true]'], ['nothing', '["pupil",true]'],
    ] as const) {
      const el = await render<PvChart>(html`<div lang="cy"><pv-chart .data=${published} question=${name} segment=${segment} downloadable table-open></pv-chart></div>`);
      const chart = el.querySelector('pv-chart')!;
      await chart.whenDrawn();
      pages.push(chart.shadowRoot!);
    }
    for (const question of ['safe', undefined]) {
      const el = await render<HTMLElement>(html`<div lang="cy"><pv-compare .data=${published} question=${question ?? ''} table-open></pv-compare></div>`);
      const compare = el.querySelector<PvCompare>('pv-compare')!;
      await compare.whenDrawn();
      pages.push(compare.shadowRoot!);
    }
    const wrapper = await render<HTMLElement>(html`<div lang="cy"><pv-results .data=${published}></pv-results></div>`);
    const results = wrapper.querySelector<PvResults>('pv-results')!;
    await results.updateComplete;
    await Promise.all(results.charts.map((chart) => chart.whenDrawn()));
    pages.push(results.shadowRoot!);

    const text = pages.map(readable).join('\n');
    expect(text, 'the Welsh words are there (so this test can fail)').to.contain(cy.hiddenLegend);
    expect(text).to.contain(cy.showTable);
    const left = english.filter((fragment) => text.includes(fragment));
    expect(left, 'English left on a Welsh page').to.deep.equal([]);
  });
});
