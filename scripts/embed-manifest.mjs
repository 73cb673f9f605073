// Rollup plugins for the embed bundle (dist/pupil-voice.js), used by rollup.config.js:
// - cleanDist: empties dist/ before the first bundle is written, so chunks of an older build
//   (their names carry a content hash) never linger beside the new ones;
// - embedManifest: writes dist/preload.json (which files to preload, which a respondent
//   downloads before the first question, which the service worker precaches) and
//   dist/pupil-voice-sw.js (the optional service worker, with that list and a version built in).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';

/** Removes `dir` once, when the build that carries this plugin starts. */
export function cleanDist(dir) {
  return {
    name: 'pv-clean-dist',
    buildStart() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * @param {object} options
 * @param {string} options.entry the entry's file name (`pupil-voice.js`)
 * @param {RegExp[]} options.firstQuestion module ids whose chunks are loaded before the first
 *   question although imported with import() (the draft is read before the early page is drawn)
 * @param {string} options.serviceWorker the service worker's source (placeholders replaced)
 */
export function embedManifest({ entry, firstQuestion, serviceWorker }) {
  return {
    name: 'pv-embed-manifest',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const entryChunk = byName.get(entry);
      if (!entryChunk) this.error(`the embed entry ${entry} was not built`);
      // Everything the entry imports statically is fetched before it runs.
      const before = new Set();
      const visit = (fileName) => {
        if (before.has(fileName)) return;
        before.add(fileName);
        for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
      };
      visit(entry);
      // The early page's own chunks (loaded with import()): hinted too, or the browser finds
      // them only once the entry has run.
      const firstPaint = chunks
        .filter((chunk) => chunk.moduleIds.some((id) => firstQuestion.some((pattern) => pattern.test(id))))
        .map((chunk) => chunk.fileName);
      if (firstQuestion.length > 0 && firstPaint.length === 0) this.error('no chunk holds the early page (firstQuestion patterns matched nothing)');
      // With what they import (markup they share with the question elements): everything
      // before the first question is hinted, so none waits for another to arrive before it is
      // requested.
      for (const fileName of firstPaint) visit(fileName);
      const surveyCore = chunks.find((chunk) => chunk.moduleIds.some((id) => /[\\/]survey-core[\\/]fesm[\\/]survey-core\.m?js$/.test(id)));
      if (!surveyCore) this.error('no chunk holds survey-core');
      const precache = chunks.map((chunk) => chunk.fileName).sort();
      // The version changes whenever any file a respondent may download changes.
      const hash = createHash('sha256');
      for (const fileName of precache) hash.update(fileName).update('\0').update(byName.get(fileName).code);
      const version = hash.digest('hex').slice(0, 16);
      const manifest = {
        $comment: 'Written by rollup (scripts/embed-manifest.mjs). modulepreload: the <link rel="modulepreload"> hints of the embed snippet (the entry, the early page\'s chunk and what it imports; survey-core is fetched once the first page is on screen, so it is not hinted); firstPaint: the early page\'s chunk; firstQuestion: the files a respondent downloads before the first question (npm run size budgets them together); precache: what dist/pupil-voice-sw.js caches.',
        version,
        entry,
        surveyCore: surveyCore.fileName,
        firstPaint,
        // Not survey-core: hinted, its 250-320 KB would share the network with the entry and
        // the early page's chunk and arrive before the first question (npm run bench:survey).
        modulepreload: [...before],
        firstQuestion: [...before],
        precache,
      };
      this.emitFile({ type: 'asset', fileName: 'preload.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
      this.emitFile({ type: 'asset', fileName: 'preload.html', source: embedSnippet(manifest, '/pupil-voice/') });
      const source = readFileSync(serviceWorker, 'utf8')
        .replace("'__PV_VERSION__'", JSON.stringify(version))
        .replace("['__PV_PRECACHE__']", JSON.stringify(precache))
        .replace("'__PV_ENTRY__'", JSON.stringify(entry));
      if (source.includes('__PV_')) this.error(`a placeholder in ${serviceWorker} was not replaced`);
      this.emitFile({ type: 'asset', fileName: 'pupil-voice-sw.js', source });
    },
  };
}

/**
 * The embed snippet for this build (dist/preload.html; README.md shows the same): the
 * modulepreload hints let the browser fetch the early page's chunk while the entry is still
 * arriving. The README adds a preload of the survey's definition, whose URL only the page knows.
 */
export function embedSnippet(manifest, base) {
  return [
    `<!-- Pupil Voice ${manifest.version}: in <head>; ${base} is where you copied dist/. -->`,
    ...manifest.modulepreload.map((file) => `<link rel="modulepreload" href="${base}${file}" />`),
    `<script type="module" src="${base}${manifest.entry}"></script>`,
    '',
  ].join('\n');
}

/**
 * `text` (README.md or an example page) with each run of modulepreload hints that starts with
 * the entry's replaced by this build's hints, keeping the run's indentation and base: a hint
 * this build adds is added, one it no longer has is dropped, a renamed chunk is renamed.
 */
export function updateHints(text, manifest) {
  return text.replace(
    /^([ \t]*)<link rel="modulepreload" href="([^"]*)pupil-voice\.js" \/>\r?\n(?:[ \t]*<link rel="modulepreload" href="[^"]*" \/>\r?\n)*/gm,
    (_run, indent, base) => manifest.modulepreload.map((file) => `${indent}<link rel="modulepreload" href="${base}${file}" />\n`).join(''),
  );
}
