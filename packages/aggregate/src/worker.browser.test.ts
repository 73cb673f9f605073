/// <reference types="mocha" />
// The aggregate package in a real browser: on the page and in a module Web Worker (where a
// dashboard tallies a county's responses without freezing), with the same result as Node's.
import { expect } from '@open-wc/testing';
import { merge, parseTally, serializeTally, tally, toCSV } from './index.js';
import { SYNTHETIC_SEGMENTS, generateResponses, syntheticDescriptor } from './synthetic.test.helper.js';
import type { Tally } from './index.js';

describe('@pupil-voice/aggregate in Chromium', () => {
  it('tallies in a module worker exactly as on the page, and the tally crosses postMessage intact', async () => {
    const definition = syntheticDescriptor();
    const responses = generateResponses(definition, 2000, { seed: 3, schools: 5 });
    const onPage = tally(definition, responses, { segments: [...SYNTHETIC_SEGMENTS] });

    const moduleUrl = new URL('./index.ts', import.meta.url).href;
    const source = `
      import { tally } from ${JSON.stringify(moduleUrl)};
      self.onmessage = ({ data }) => self.postMessage(tally(data.definition, data.responses, { segments: data.segments }));
    `;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' });
    try {
      const inWorker = await new Promise<Tally>((resolve, reject) => {
        worker.onmessage = ({ data }) => resolve(data as Tally);
        worker.onerror = (event) => reject(new Error(event.message || 'worker failed to load'));
        worker.postMessage({ definition, responses, segments: [...SYNTHETIC_SEGMENTS] });
      });
      expect(serializeTally(inWorker)).to.equal(serializeTally(onPage));
    } finally {
      worker.terminate();
    }
  });

  it('merges, round-trips and exports CSV in the page', () => {
    const definition = syntheticDescriptor();
    const responses = generateResponses(definition, 600, { seed: 4, schools: 3 });
    const whole = tally(definition, responses, { segments: ['school'] });
    const parts = [responses.slice(0, 200), responses.slice(200)].map((part) => tally(definition, part, { segments: ['school'] }));
    expect(serializeTally(merge(...parts.map((part) => parseTally(serializeTally(part)))))).to.equal(serializeTally(whole));
    const csv = toCSV(whole);
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
    expect(csv.split('\r\n')[0]).to.equal('\uFEFFquestion,row,choice,school,count,base,percent');
  });
});
