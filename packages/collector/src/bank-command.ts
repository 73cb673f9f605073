import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getDefinition, listSurveys } from '@pupil-voice/question-bank';

/** `bank list` or `bank copy ID DIR [--force]`, after parsing. */
export type BankCommand = { kind: 'bank-list' } | { kind: 'bank-copy'; surveyId: string; dir: string; force: boolean };

export const BANK_USAGE = `  pupil-voice-collector bank list
  pupil-voice-collector bank copy ID DIR [--force]   (writes DIR/ID.json from the question bank)`;

/** Parses the words after `bank`. */
export function parseBankCommand(words: readonly string[], force: boolean): BankCommand {
  if (words[0] === 'list' && words.length === 1) return { kind: 'bank-list' };
  if (words[0] === 'copy' && words.length === 3) return { kind: 'bank-copy', surveyId: words[1]!, dir: resolve(words[2]!), force };
  throw new Error(`bank takes "list" or "copy ID DIR", got "${words.join(' ')}"`);
}

/**
 * Prints the bank's surveys, or writes one out as a SurveyJS file a school can edit (in
 * SurveyJS Creator or by hand) and serve from its `--surveys` folder. The file is the whole
 * authored definition: every audience and both languages, audience wording in `x-<audience>`
 * keys, so pupils, parents and staff answer one survey id and their tallies can be compared.
 * An existing file is never overwritten without `--force` (it may hold the school's edits).
 */
export function runBankCommand(command: BankCommand, print: (line: string) => void = console.log): void {
  if (command.kind === 'bank-list') {
    for (const survey of listSurveys()) print(`${survey.id}\t${survey.audiences.join(',')}\t${survey.languages.join(',')}\t${survey.title}`);
    return;
  }
  const definition = getDefinition(command.surveyId);
  const file = join(command.dir, `${command.surveyId}.json`);
  if (existsSync(file) && !command.force) throw new Error(`${file} already exists (it may hold your edits); pass --force to replace it`);
  mkdirSync(command.dir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(definition, null, 2)}\n`);
  print(`wrote ${file}`);
}
