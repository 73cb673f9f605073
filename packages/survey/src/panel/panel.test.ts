import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PanelModel } from 'survey-core';
import { $, $$, deepActiveElement, modelOf, renderSurvey, settle } from '../test-helpers.js';
import type { PvSurvey } from '../survey/survey.js';

const lunch = {
  elements: [
    { type: 'radiogroup', name: 'school', title: 'Do you have school dinners?', choices: ['Yes', 'No'] },
    {
      type: 'panel',
      name: 'dinners',
      title: 'School dinners',
      description: 'Only if you have them.',
      visibleIf: "{school} = 'Yes'",
      elements: [
        { type: 'text', name: 'favourite', title: 'Favourite dinner', isRequired: true },
        { type: 'text', name: 'why', title: 'Why is it your favourite?', visibleIf: '{favourite} notempty' },
      ],
    },
    {
      type: 'panel',
      name: 'more',
      title: 'Tell us more',
      state: 'collapsed',
      elements: [{ type: 'text', name: 'extra', title: 'Anything else' }],
    },
  ],
};

function panelGroup(el: PvSurvey, name: string): HTMLElement | null {
  const panel = modelOf(el).getPanelByName(name) as PanelModel;
  return $(el, `[aria-labelledby="${CSS.escape(`${panel.id}_title`)}"]`);
}

function textInput(el: PvSurvey, title: string): HTMLInputElement {
  const label = $$<HTMLLabelElement>(el, 'label').find((candidate) => candidate.textContent?.includes(title));
  const input = label && $<HTMLInputElement>(el, `#${CSS.escape(label.htmlFor)}`);
  if (!input) throw new Error(`no input for ${title}`);
  return input;
}

describe('<pv-panel>', () => {
  it('is hidden until its visibleIf holds, then a group named by its title and described', async () => {
    const el = await renderSurvey(lunch);
    expect(panelGroup(el, 'dinners')).to.equal(null);
    modelOf(el).setValue('school', 'Yes');
    await settle(el);
    const group = panelGroup(el, 'dinners')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect($(el, `#${CSS.escape(group.getAttribute('aria-labelledby')!)}`)?.textContent?.trim()).to.equal('School dinners');
    expect($(el, `#${CSS.escape(group.getAttribute('aria-describedby')!)}`)?.textContent?.trim()).to.equal('Only if you have them.');
    expect(group.querySelector('pv-text-question')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows nested questions as their own visibleIf changes, answered by keyboard', async () => {
    const el = await renderSurvey(lunch);
    modelOf(el).setValue('school', 'Yes');
    await settle(el);
    expect(panelGroup(el, 'dinners')!.querySelectorAll('pv-text-question')).to.have.length(1);
    textInput(el, 'Favourite dinner').focus();
    await sendKeys({ type: 'Pizza' });
    await sendKeys({ press: 'Tab' });
    await settle(el);
    expect(modelOf(el).data).to.deep.equal({ school: 'Yes', favourite: 'Pizza' });
    expect(panelGroup(el, 'dinners')!.querySelectorAll('pv-text-question')).to.have.length(2);
    expect(textInput(el, 'Why is it your favourite?')).to.exist;
    modelOf(el).setValue('favourite', '');
    await settle(el);
    expect(panelGroup(el, 'dinners')!.querySelectorAll('pv-text-question')).to.have.length(1);
  });

  it('marks errors of nested questions and stays accessible', async () => {
    const el = await renderSurvey(lunch);
    modelOf(el).setValue('school', 'Yes');
    await settle(el);
    $<HTMLButtonElement>(el, '.pv-navigation button:last-child')!.click();
    await settle(el);
    expect(textInput(el, 'Favourite dinner').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('opens and closes a collapsible panel with a disclosure button', async () => {
    const el = await renderSurvey(lunch);
    const toggle = panelGroup(el, 'more')!.querySelector<HTMLButtonElement>('button.pv-panel-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(panelGroup(el, 'more')!.querySelector('pv-text-question')).to.equal(null);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect((modelOf(el).getPanelByName('more') as PanelModel).isExpanded).to.be.true;
    expect($(el, `#${CSS.escape(toggle.getAttribute('aria-controls')!)}`)?.querySelector('pv-text-question')).to.exist;
    expect(deepActiveElement()).to.equal(toggle);
    await expect(el).to.be.accessible();
    toggle.click();
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('is accessible with read-only nested questions', async () => {
    const el = await renderSurvey({ ...lunch, mode: 'display' });
    modelOf(el).data = { school: 'Yes', favourite: 'Pizza' };
    await settle(el);
    expect(textInput(el, 'Favourite dinner').disabled || textInput(el, 'Favourite dinner').readOnly).to.be.true;
    await expect(el).to.be.accessible();
  });
});
