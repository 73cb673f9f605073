import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SurveyModelController } from './model-controller.js';
import { loadSurveyCore } from './survey-core-loader.js';

/** A host that counts update requests, standing in for a Lit element. */
class CountingHost implements ReactiveControllerHost {
  updates = 0;
  readonly controllers: ReactiveController[] = [];
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(controller: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(controller), 1);
  }
  requestUpdate(): void {
    this.updates += 1;
  }
  connect(): void {
    for (const controller of this.controllers) controller.hostConnected?.();
  }
  disconnect(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}

async function twoQuestionSurvey() {
  const { Model } = await loadSurveyCore();
  return new Model({
    elements: [
      { type: 'text', name: 'a', title: 'A' },
      { type: 'checkbox', name: 'b', choices: ['x', 'y'] },
    ],
  });
}

describe('SurveyModelController', () => {
  it('asks the host to update when an observed model object changes a property', async () => {
    const survey = await twoQuestionSurvey();
    const host = new CountingHost();
    const controller = new SurveyModelController(host);
    host.connect();
    controller.observe(survey.getQuestionByName('a'));
    survey.getQuestionByName('a').isRequired = true;
    expect(host.updates).to.be.greaterThan(0);
  });

  it('asks the host to update when an observed array changes', async () => {
    const survey = await twoQuestionSurvey();
    const question = survey.getQuestionByName('b');
    const host = new CountingHost();
    const controller = new SurveyModelController(host);
    host.connect();
    controller.observe(question);
    host.updates = 0;
    question.choices.push(new (await loadSurveyCore()).ItemValue('z'));
    expect(host.updates).to.be.greaterThan(0);
  });

  it('stops listening when the host disconnects and resumes when it reconnects', async () => {
    const survey = await twoQuestionSurvey();
    const question = survey.getQuestionByName('a');
    const host = new CountingHost();
    const controller = new SurveyModelController(host);
    controller.observe(question);
    question.isRequired = true;
    expect(host.updates, 'not connected yet').to.equal(0);
    host.connect();
    host.disconnect();
    question.isRequired = false;
    expect(host.updates).to.equal(0);
    host.connect();
    question.isRequired = true;
    expect(host.updates).to.be.greaterThan(0);
  });

  it('drops the old model objects when it observes new ones', async () => {
    const survey = await twoQuestionSurvey();
    const first = survey.getQuestionByName('a');
    const second = survey.getQuestionByName('b');
    const host = new CountingHost();
    const controller = new SurveyModelController(host);
    host.connect();
    controller.observe(first);
    controller.observe(second, undefined, null);
    host.updates = 0;
    first.isRequired = true;
    expect(host.updates).to.equal(0);
    second.isRequired = true;
    expect(host.updates).to.be.greaterThan(0);
  });

  it('subscribes once when asked to observe the same objects again', async () => {
    const survey = await twoQuestionSurvey();
    const question = survey.getQuestionByName('a');
    const host = new CountingHost();
    const controller = new SurveyModelController(host);
    host.connect();
    controller.observe(question);
    question.isRequired = true;
    const once = host.updates;
    question.isRequired = false;
    host.updates = 0;
    controller.observe(question);
    question.isRequired = true;
    expect(host.updates).to.equal(once);
  });
});
