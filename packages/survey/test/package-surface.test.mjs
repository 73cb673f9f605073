// What @pupil-voice/survey ships besides its code: custom-elements.json (generated from the
// source by `npm run build`) and the React and Vue typings, checked by type-checking usage
// fixtures with tsc: hand-written ones, and ones generated from the manifest so that every
// documented attribute and event of <pv-survey> and <pv-outbox-status> is typed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const TYPES = join(PACKAGE, 'test', 'types');
const GENERATED = join(TYPES, '.generated');
const require = createRequire(import.meta.url);
const TSC = require.resolve('typescript/bin/tsc');
const PUBLIC_ELEMENTS = ['pv-survey', 'pv-outbox-status', 'pv-poll'];

const manifestPath = join(PACKAGE, 'custom-elements.json');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

function declarations(manifest) {
  return manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })));
}

function element(manifest, tag) {
  const found = declarations(manifest).find(({ declaration }) => declaration.tagName === tag);
  assert.ok(found, `${tag} is in custom-elements.json`);
  return found;
}

/** Tags the source defines: every customElements.define('pv-…') in a defining module. */
function definedTags(dir = join(PACKAGE, 'src')) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return definedTags(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/customElements\.define\(\s*'(pv-[a-z-]+)'/g)].map((match) => match[1]);
  });
}

function typecheck() {
  return spawnSync(process.execPath, [TSC, '-p', join(TYPES, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' });
}

const valueFor = (type) => (/boolean/.test(type ?? '') ? '{true}' : /number/.test(type ?? '') ? '{5}' : '"x"');
const vueValueFor = (type) => (/boolean/.test(type ?? '') ? 'true' : /number/.test(type ?? '') ? '5' : "'x'");

describe('@pupil-voice/survey package surface', { skip: existsSync(manifestPath) ? false : 'custom-elements.json is not built (npm run build)' }, () => {
  let manifest;
  before(() => {
    manifest = readJson(manifestPath);
  });

  it('package.json ships custom-elements.json and exports only public entry points', () => {
    const pkg = readJson(join(PACKAGE, 'package.json'));
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
    for (const entry of ['.', './custom-elements.json', './define.js', './react', './vue']) assert.ok(entry in pkg.exports, entry);
    assert.ok(!Object.keys(pkg.exports).some((entry) => entry.includes('*')), 'no wildcard exports of internals');
    for (const [entry, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      assert.equal(Object.keys(target)[0], 'types', `${entry}: types first`);
      assert.ok(existsSync(join(PACKAGE, target.default)), `${entry}: ${target.default} is built`);
      assert.ok(existsSync(join(PACKAGE, target.types)), `${entry}: ${target.types} is built`);
    }
  });

  it('custom-elements.json describes every element the source defines, at modules the package ships', () => {
    const tags = definedTags();
    assert.ok(tags.length >= 20, `found ${tags.length} defined tags`);
    for (const tag of tags) {
      const { module } = element(manifest, tag);
      assert.match(module.path, /^dist\/.*\.js$/);
      assert.ok(existsSync(join(PACKAGE, module.path)), `${module.path} exists`);
    }
  });

  it('<pv-survey> has its attributes, events (with their classes), parts and CSS properties, each described', () => {
    const { declaration: survey } = element(manifest, 'pv-survey');
    const attributes = survey.attributes.map((attribute) => attribute.name);
    for (const name of ['src', 'survey-id', 'endpoint', 'locale', 'kiosk', 'idle-timeout', 'kiosk-reset', 'public-key', 'audience', 'school', 'wave', 'quick-exit', 'store-name']) {
      assert.ok(attributes.includes(name), `attribute ${name}`);
    }
    const definition = survey.members.find((member) => member.name === 'definition');
    assert.ok(definition && !definition.attribute, 'definition is a property without an attribute');
    assert.ok(!survey.members.some((member) => member.privacy === 'private'), 'no private members');
    const events = Object.fromEntries(survey.events.map((event) => [event.name, event.type?.text]));
    for (const [name, type] of Object.entries({ 'pv-ready': 'PvReadyEvent', 'pv-complete': 'PvCompleteEvent', 'pv-error': 'PvErrorEvent', 'pv-page-changed': 'PvPageChangedEvent' })) {
      assert.equal(events[name], type, `event ${name}`);
    }
    assert.ok(survey.events.every((event) => event.name.startsWith('pv-')), Object.keys(events).join(', '));
    assert.ok(survey.cssParts.some((part) => part.name === 'survey'));
    assert.ok(survey.cssProperties.some((property) => property.name === '--pv-color-accent'));
    for (const item of [...survey.attributes, ...survey.events, ...survey.cssParts, ...survey.cssProperties]) {
      assert.ok(item.description, `${item.name} is described`);
    }
  });

  it('the React and Vue typings type-check real usage, reject wrong usage, and cover every documented attribute and event', () => {
    rmSync(GENERATED, { recursive: true, force: true });
    mkdirSync(GENERATED, { recursive: true });
    const react = [
      "import type {} from '@pupil-voice/survey/react';",
      // Each attribute with a value of its type; hyphenated names are not checked by JSX unless
      // declared, so a value of the wrong type must be an error too.
    ];
    const vue = ["import type {} from '@pupil-voice/survey/vue';", "import type { GlobalComponents } from 'vue';"];
    for (const tag of PUBLIC_ELEMENTS) {
      const { declaration } = element(manifest, tag);
      const props = `InstanceType<GlobalComponents['${tag}']>['$props']`;
      for (const [index, attribute] of declaration.attributes.entries()) {
        const id = `${camel(tag)}${index}`;
        react.push(`export const ${id} = <${tag} ${attribute.name}=${valueFor(attribute.type?.text)} />;`);
        react.push(`// @ts-expect-error ${attribute.name} does not take an object`);
        react.push(`export const ${id}Wrong = <${tag} ${attribute.name}={{ wrong: true }} />;`);
        vue.push(`export const ${id}: ${props} = { ${camel(attribute.name)}: ${vueValueFor(attribute.type?.text)} };`);
        vue.push(`// @ts-expect-error ${attribute.name} does not take an object`);
        vue.push(`export const ${id}Wrong: ${props} = { ${camel(attribute.name)}: { wrong: true } };`);
      }
      for (const [index, event] of (declaration.events ?? []).entries()) {
        const id = `${camel(tag)}Event${index}`;
        // An undeclared event prop leaves `event` implicitly `any`: an error under strict.
        react.push(`export const ${id} = <${tag} on${event.name}={(event) => event.type} />;`);
        vue.push(`export const ${id}: ${props} = { on${camel(`-${event.name}`)}: (event) => event.type };`);
      }
    }
    writeFileSync(join(GENERATED, 'react-from-manifest.tsx'), `${react.join('\n')}\n`);
    writeFileSync(join(GENERATED, 'vue-from-manifest.ts'), `${vue.join('\n')}\n`);
    const result = typecheck();
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('the type-check fails on a typing mistake (the fixtures are really checked)', () => {
    mkdirSync(GENERATED, { recursive: true });
    writeFileSync(join(GENERATED, 'mistake.tsx'), "import type {} from '@pupil-voice/survey/react';\nexport const wrong = <pv-survey kiosk=\"yes\" />;\n");
    try {
      const result = typecheck();
      assert.notEqual(result.status, 0);
      assert.match(result.stdout, /mistake\.tsx.*kiosk|mistake\.tsx\(2,/);
    } finally {
      rmSync(join(GENERATED, 'mistake.tsx'), { force: true });
    }
  });
});
