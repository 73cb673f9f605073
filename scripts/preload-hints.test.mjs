// updateHints (scripts/preload-hints.mjs --write): the hints in README.md and the example pages
// become this build's, including the early page's chunk that older pages lack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedSnippet, updateHints } from './embed-manifest.mjs';

const manifest = {
  version: 'abc',
  entry: 'pupil-voice.js',
  modulepreload: ['pupil-voice.js', 'chunks/first-paint.NEW1.js', 'chunks/survey-core.NEW2.js'],
};

test('a page with the entry and survey-core hints gains the early page hint, renamed chunks follow', () => {
  const page = [
    '<head>',
    '    <!-- hints -->',
    '    <link rel="modulepreload" href="../../dist/pupil-voice.js" />',
    '    <link rel="modulepreload" href="../../dist/chunks/survey-core.OLD.js" />',
    '    <script type="module" src="../../dist/pupil-voice.js"></script>',
    '</head>',
    '',
  ].join('\n');
  assert.equal(
    updateHints(page, manifest),
    [
      '<head>',
      '    <!-- hints -->',
      '    <link rel="modulepreload" href="../../dist/pupil-voice.js" />',
      '    <link rel="modulepreload" href="../../dist/chunks/first-paint.NEW1.js" />',
      '    <link rel="modulepreload" href="../../dist/chunks/survey-core.NEW2.js" />',
      '    <script type="module" src="../../dist/pupil-voice.js"></script>',
      '</head>',
      '',
    ].join('\n'),
  );
});

test('updating twice changes nothing more; a page without hints is left alone', () => {
  const snippet = embedSnippet(manifest, 'https://school.example/pv/');
  assert.match(snippet, /href="https:\/\/school\.example\/pv\/chunks\/first-paint\.NEW1\.js"/);
  assert.equal(updateHints(snippet, manifest), snippet);
  const old = snippet.replace('chunks/first-paint.NEW1.js', 'chunks/first-paint.OLD.js');
  assert.equal(updateHints(old, manifest), snippet);
  const plain = '<script type="module" src="../dist/pupil-voice.js"></script>\n';
  assert.equal(updateHints(plain, manifest), plain);
});
