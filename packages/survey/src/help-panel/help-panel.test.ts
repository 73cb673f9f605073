import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { AUDIENCES, type Audience } from '@pupil-voice/schema';
import { renderAudienceSurvey } from '../audience/audience-test-support.js';
import { $, settle } from '../test-helpers.js';
import type { PvHelpPanel } from './help-panel.js';
import { NATIONS, overdueHelplines, telUri, smsUri, type Nation } from './helpline-directory.js';
import { HELPLINE_DIRECTORY } from './helplines.js';
import './pv-help-panel.js';

async function openPanel(attributes: Record<string, string>): Promise<PvHelpPanel> {
  const el = await fixture<PvHelpPanel>(html`<pv-help-panel></pv-help-panel>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.open = true;
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.querySelector('[data-helpline], [role="status"]'), 'helplines shown');
  return el;
}

/** The links in the open region, as `name → href`. */
function links(el: PvHelpPanel): Map<string, string> {
  const region = el.shadowRoot!.querySelector('[role="region"]')!;
  return new Map(Array.from(region.querySelectorAll('a')).map((a) => [a.textContent!.trim(), a.getAttribute('href')!]));
}

function services(el: PvHelpPanel): string[] {
  return Array.from(el.shadowRoot!.querySelectorAll('[data-helpline]')).map((li) => li.getAttribute('data-helpline')!);
}

// Who should see which helpline, written out by hand (not derived from the data file), so a
// wrong entry in the file fails here.
const EXPECTED: Record<Audience, Record<Nation, string[]>> = (() => {
  const pupils = ['childline', 'emergency'];
  const older = ['childline', 'nspcc-report-abuse-in-education', 'shout', 'emergency'];
  const adults = ['nspcc-report-abuse-in-education', 'nspcc-helpline', 'shout', 'emergency'];
  const withMeic = (list: string[]) => [list[0]!, 'meic', ...list.slice(1)];
  const byNation = (list: string[]): Record<Nation, string[]> => ({
    england: list,
    wales: list.includes('childline') ? withMeic(list) : list,
    scotland: list,
    'northern-ireland': list,
  });
  return { primary: byNation(pupils), secondary: byNation(older), post16: byNation(older), parent: byNation(adults), staff: byNation(adults) };
})();

describe('<pv-help-panel>', function () {
  this.timeout(60000);

  for (const audience of AUDIENCES) {
    it(`${audience}: the right helplines in each nation, as tel: and sms: links`, async () => {
      for (const nation of NATIONS) {
        const el = await openPanel({ audience, nation });
        expect(services(el), `${audience} in ${nation}`).to.deep.equal(EXPECTED[audience][nation]);
        const found = links(el);
        expect(found.get('Call 999')).to.equal('tel:999');
        if (services(el).includes('childline')) expect(found.get('Call 0800 1111')).to.equal('tel:08001111');
        if (services(el).includes('nspcc-helpline')) expect(found.get('Call 0808 800 5000')).to.equal('tel:08088005000');
        if (services(el).includes('nspcc-report-abuse-in-education')) expect(found.get('Call 0800 136 663')).to.equal('tel:0800136663');
        if (services(el).includes('shout')) expect(found.get('Text SHOUT to 85258')).to.equal('sms:85258?body=SHOUT');
        if (services(el).includes('meic')) {
          expect(found.get('Call 080880 23456')).to.equal('tel:08088023456');
          expect(found.get('Text 84001')).to.equal('sms:84001');
        }
      }
    });
  }

  it('defaults to England and reads an unknown audience as secondary', async () => {
    const el = await openPanel({ audience: 'pupils' });
    expect(services(el)).to.deep.equal(EXPECTED.secondary.england);
  });

  it('is a disclosure: a "Get help" button that opens a region named "Get help"', async () => {
    const el = await fixture<PvHelpPanel>(html`<pv-help-panel audience="primary"></pv-help-panel>`);
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!;
    const region = el.shadowRoot!.querySelector('[role="region"]')!;
    expect(toggle.textContent!.trim()).to.equal('Get help');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(region.hasAttribute('hidden')).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(region.hasAttribute('hidden')).to.equal(false);
    const labelledBy = el.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)!;
    expect(labelledBy.textContent!.trim()).to.equal('Get help');
    await expect(el).to.be.accessible();
  });

  it('lists the school’s own named contacts first', async () => {
    const el = await fixture<PvHelpPanel>(html`<pv-help-panel audience="secondary" open></pv-help-panel>`);
    el.contacts = [{ name: 'Mrs Patel', role: 'Designated safeguarding lead', where: 'Room 12', call: '01632 960 000', email: 'dsl@school.example' }];
    await el.updateComplete;
    const text = el.shadowRoot!.querySelector('[role="region"]')!.textContent!;
    expect(text.indexOf('Mrs Patel')).to.be.lessThan(text.indexOf('Helplines'));
    expect(links(el).get('Call 01632 960 000')).to.equal('tel:01632960000');
    expect(links(el).get('dsl@school.example')).to.equal('mailto:dsl@school.example');
  });

  it('speaks Welsh in a Welsh page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="cy"><pv-help-panel audience="primary" nation="wales" open></pv-help-panel></div>`);
    const el = wrapper.querySelector('pv-help-panel')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[data-helpline]'));
    expect(el.shadowRoot!.querySelector('button')!.textContent!.trim()).to.equal('Cael help');
    expect(links(el).get('Ffonio 0800 1111')).to.equal('tel:08001111');
  });

  it('shows 999 and the school’s contacts when the helpline file is missing or malformed', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      for (const src of ['/no-such-helplines.json', 'data:application/json,{"helplines":3}']) {
        const el = await openPanel({ audience: 'secondary', 'helplines-src': src });
        expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include('could not be loaded');
        expect(links(el).get('Call 999')).to.equal('tel:999');
      }
    } finally {
      console.warn = warn;
    }
  });

  it('a helpline file that fails to load never blocks the survey', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const el = await renderAudienceSurvey({ audience: 'primary', 'helplines-src': '/no-such-helplines.json' });
      const start = $<HTMLButtonElement>(el, '[part~="start-button"]')!;
      start.click();
      await settle(el);
      expect(el.shadowRoot!.querySelectorAll('[data-qid]')).to.have.length(1);
      const panel = $<PvHelpPanel>(el, 'pv-help-panel')!;
      panel.open = true;
      await waitUntil(() => panel.shadowRoot!.querySelector('[role="status"]'), 'failure shown');
      expect(links(panel).get('Call 999')).to.equal('tel:999');
    } finally {
      console.warn = warn;
    }
  });
});

describe('the helpline data file', () => {
  it('has every entry checked within its review period', () => {
    const overdue = overdueHelplines(HELPLINE_DIRECTORY, new Date());
    expect(
      overdue.map((line) => `${line.id} (last checked ${line.lastChecked})`),
      `check these against their source, then update lastChecked (review period ${HELPLINE_DIRECTORY.reviewDays} days)`,
    ).to.deep.equal([]);
  });

  it('would fail once an entry is older than the review period', () => {
    const checked = new Date('2026-01-01T00:00:00Z');
    const directory = { reviewDays: 30, helplines: [{ ...HELPLINE_DIRECTORY.helplines[0]!, lastChecked: '2026-01-01' }] };
    expect(overdueHelplines(directory, new Date(checked.getTime() + 30 * 86400000))).to.have.length(0);
    expect(overdueHelplines(directory, new Date(checked.getTime() + 31 * 86400000))).to.have.length(1);
  });

  it('records a source and a last-checked date for every number, and the numbers the brief names', () => {
    for (const line of HELPLINE_DIRECTORY.helplines) {
      expect(line.source, line.id).to.match(/^https?:\/\//);
      expect(line.lastChecked, line.id).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(line.name.cy && line.description.cy, `${line.id} in Welsh`).to.be.ok;
    }
    const numbers = HELPLINE_DIRECTORY.helplines.flatMap((line) => [line.call, line.text?.number]);
    expect(numbers).to.include.members(['0800 1111', '0808 800 5000', '0800 136 663', '85258', '999', '080880 23456']);
    expect(telUri('0800 1111')).to.equal('tel:08001111');
    expect(smsUri('85258', 'SHOUT')).to.equal('sms:85258?body=SHOUT');
  });
});
