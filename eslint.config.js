// ESLint (flat config) with typescript-eslint's type-aware rules. Run by `npm run lint` and as
// one check of `npm test`. What it enforces is what review kept finding by hand:
// - no `any` in library code (tests may use it to poke at internals);
// - no floating promises: a promise is awaited, returned, or explicitly `void`ed, so a failed
//   IndexedDB write or fetch is never silently dropped;
// - no focused tests (`describe.only`, `it.only`, `test.only`): they silently skip the rest.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const FOCUSED_TESTS = ['describe', 'it', 'test', 'suite', 'context'].map((object) => ({
  object,
  property: 'only',
  message: 'A focused test skips every other test; remove .only before committing.',
}));

const TYPESCRIPT = ['packages/*/src/**/*.ts', 'packages/*/bench/**/*.ts'];
const TEST_FILES = [
  'packages/*/src/**/*.test.ts',
  'packages/*/src/**/*.test.*.ts',
  'packages/*/src/**/test-helpers.ts',
  'packages/*/src/**/test-support.ts',
  'packages/*/src/**/test-support/**/*.ts',
  'packages/*/src/**/*-test-support.ts',
  'packages/*/src/bench/**/*.ts',
  'packages/*/bench/**/*.ts',
];

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '.bench/',
    '.scratch/',
    '.test-results/',
    'coverage/',
    'data/',
    'examples/embed/build/',
    // Type-checked by tsc in package-surface.test.mjs (fixtures, some deliberately wrong).
    'packages/*/test/types/',
  ]),
  {
    name: 'pupil-voice/all',
    files: ['**/*.{js,mjs,cjs,ts}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-restricted-properties': ['error', ...FOCUSED_TESTS],
    },
  },
  {
    name: 'pupil-voice/typescript',
    files: TYPESCRIPT,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // A package's entry exports its public API by name, so nothing internal leaks by accident.
    name: 'pupil-voice/package-entries',
    files: ['packages/*/src/index.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'ExportAllDeclaration',
        message: 'Export the public API by name (no `export *` in a package entry).',
      }],
    },
  },
  {
    name: 'pupil-voice/tests',
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [
          // node:test's describe/it return promises the runner itself awaits.
          { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          // @open-wc/semantic-dom-diff types every chai `equal` as returning a promise; only
          // the DOM and snapshot comparisons are asynchronous, and those are awaited.
          { from: 'package', package: 'chai', name: 'Equal' },
        ],
      }],
    },
  },
]);
