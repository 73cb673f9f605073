// The lint rules the house style relies on do fire: ESLint's own API on small snippets, linted
// as if they were files of the repository (so the type-aware rules see the real projects).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();
async function rulesBroken(code, filePath) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? message.message);
}

describe('eslint.config.js', () => {
  it('refuses focused tests in browser, node and example tests', async () => {
    for (const [code, file] of [
      ["describe.only('x', () => {});\n", 'packages/store/src/idle-timeout.test.ts'],
      ["import { it } from 'node:test';\nit.only('x', () => {});\n", 'examples/embed/embed.test.mjs'],
      ["import { test } from 'node:test';\ntest.only('x', () => {});\n", 'scripts/lint.test.mjs'],
    ]) {
      assert.deepEqual(await rulesBroken(code, file), ['no-restricted-properties'], file);
    }
  });

  it('refuses `any` in library code but allows it in tests', async () => {
    const code = 'export function f(value: any): string {\n  return String(value);\n}\n';
    assert.deepEqual(await rulesBroken(code, 'packages/store/src/day.ts'), ['@typescript-eslint/no-explicit-any']);
    assert.deepEqual(await rulesBroken(code, 'packages/store/src/idle-timeout.test.ts'), []);
  });

  it('refuses `export *` in a package entry', async () => {
    const code = "export * from './day.js';\n";
    assert.deepEqual(await rulesBroken(code, 'packages/store/src/index.ts'), ['no-restricted-syntax']);
  });

  it('refuses a floating promise, accepts one that is awaited or explicitly voided', async () => {
    const floating = 'async function save(): Promise<void> {}\nexport function f(): void {\n  save();\n}\n';
    assert.deepEqual(await rulesBroken(floating, 'packages/store/src/day.ts'), ['@typescript-eslint/no-floating-promises']);
    const handled = 'async function save(): Promise<void> {}\nexport async function f(): Promise<void> {\n  await save();\n  void save();\n}\n';
    assert.deepEqual(await rulesBroken(handled, 'packages/store/src/day.ts'), []);
  });
});
