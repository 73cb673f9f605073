// custom-elements.json for @pupil-voice/survey, generated from the source's JSDoc (@fires,
// @csspart, @cssproperty, @slot, property docs) by `npm run build`. The manifest names the
// compiled modules the package ships (dist/….js), not the TypeScript sources it was read from.
const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

function shippedPaths() {
  return {
    name: 'pupil-voice-shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      const rewrite = (node) => {
        if (Array.isArray(node)) return node.forEach(rewrite);
        if (!node || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = toDist(value);
          else rewrite(value);
        }
      };
      rewrite(customElementsManifest.modules);
      // Event classes name their event in `static eventName`; the element's events get that
      // class as their type. Events the analyzer guessed from a constructor argument
      // (`new PvQuickExitEvent(url)` reads as an event named "url") are dropped: every real
      // one is named pv-… and documented with @fires.
      const eventClasses = new Map();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const name = declaration.members?.find((member) => member.static && member.name === 'eventName')?.default;
          if (name) eventClasses.set(name.replace(/^['"]|['"]$/g, ''), declaration.name);
        }
      }
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && !String(member.name).startsWith('#'));
          }
          if (!declaration.customElement || !declaration.events) continue;
          declaration.events = declaration.events
            .filter((event) => typeof event.name === 'string' && event.name.startsWith('pv-'))
            .map((event) => (eventClasses.has(event.name) ? { ...event, type: { text: eventClasses.get(event.name) } } : event));
        }
      }
      // Only modules with something public in them: skip styles and private helpers.
      customElementsManifest.modules = customElementsManifest.modules.filter(
        (module) => (module.declarations?.length ?? 0) > 0 || (module.exports?.length ?? 0) > 0,
      );
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts', 'src/test-helpers.ts', 'src/**/*-test-support.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [shippedPaths()],
};
