/**
 * One seed for every fast-check property in a test file, so a failure can be replayed:
 * `PV_FC_SEED=<seed>` runs the same cases again. Without it a fresh seed is drawn. Either way
 * the seed is printed before the properties run (and fast-check repeats it, with the path of
 * the shrunk counterexample, in any failure). `npm test` runs the properties twice: once with
 * a fixed seed, once with a random one (scripts/run-tests.mjs).
 */
import fc from 'fast-check';

/** Seeds this file's properties from `PV_FC_SEED` (or a random one) and prints it. */
export function seedProperties(file: string): number {
  const fromEnvironment = process.env['PV_FC_SEED'];
  const seed = fromEnvironment !== undefined && fromEnvironment !== '' ? Number(fromEnvironment) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed)) throw new Error(`PV_FC_SEED must be an integer, got "${fromEnvironment}"`);
  // verbose: the assertion message of the shrunk counterexample is printed with it.
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed, verbose: 1, includeErrorInReport: true });
  console.log(`fast-check seed ${seed} (${file}); replay with PV_FC_SEED=${seed}`);
  return seed;
}
