import { startCollector } from './collector.js';
import { parseCommand, USAGE, type Command } from './config.js';
import { readFileSync } from 'node:fs';
import { describeDifferences, exportCsv, exportTallies, unsealWith } from './export.js';
import { openStorage } from './storage/open-storage.js';
import type { ResponseStorage } from './storage/storage.js';
import { SurveyRegistry, type RegisteredSurvey } from './surveys/survey-registry.js';
import { runBankCommand } from './bank-command.js';
import { hashAnalystToken, newAnalystToken } from './access/analyst-access.js';
import { utcDay } from './wire.js';

async function serve(command: Extract<Command, { kind: 'serve' }>): Promise<void> {
  const collector = await startCollector(command.config);
  console.log(`Pupil Voice collector listening on ${collector.url}`);
  console.log(
    `  storage: ${collector.storage.kind}; surveys: ${collector.surveys.ids.join(', ') || '(none)'}; ` +
      `origins: ${command.config.origins.join(', ') || '(same origin only)'}; k=${command.config.k}` +
      (collector.storage.kind === 'sqlite' ? `; sqlite synchronous=${command.config.sqliteSynchronous}` : ''),
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      console.error(`collector: second ${signal}, exiting at once`);
      process.exit(1);
    }
    stopping = true;
    console.log(`collector: ${signal} received, finishing in-flight writes`);
    collector.close().then(
      () => {
        console.log('collector: stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`collector: shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/**
 * The survey to export: from the surveys folder when one is given, else the latest definition
 * version kept in the data folder (every version the collector served is stored there).
 */
async function exportedSurvey(command: Extract<Command, { kind: 'export' }>, storage: ResponseStorage): Promise<RegisteredSurvey> {
  if (command.surveysGiven) {
    const surveys = SurveyRegistry.fromFolder(command.config.surveysDir);
    const survey = surveys.get(command.surveyId);
    if (survey === undefined) {
      const problem = surveys.problems.find((item) => item.file.endsWith(`${command.surveyId}.json`));
      throw new Error(`survey "${command.surveyId}" is not in ${command.config.surveysDir}${problem ? `: ${problem.reason}` : ''}`);
    }
    return survey;
  }
  const versions = await storage.definitions(command.surveyId);
  const latest = versions[versions.length - 1];
  if (latest === undefined) {
    const kept = await storage.surveyIds();
    throw new Error(
      `no definition of survey "${command.surveyId}" is kept in ${command.config.dataDir} (a collector keeps each one it serves; ` +
        `kept: ${kept.join(', ') || 'none'}); pass --surveys DIR`,
    );
  }
  return new SurveyRegistry().add(command.surveyId, latest.definition);
}

async function runExport(command: Extract<Command, { kind: 'export' }>): Promise<void> {
  const storage = await openStorage({ dataDir: command.config.dataDir, databaseUrl: command.config.databaseUrl, sqliteSynchronous: command.config.sqliteSynchronous });
  try {
    const survey = await exportedSurvey(command, storage);
    const sealed = command.privateKeyFile === undefined ? {} : { unseal: await unsealWith(JSON.parse(readFileSync(command.privateKeyFile, 'utf8')) as JsonWebKey) };
    if (command.format === 'csv') {
      await exportCsv(storage, survey, process.stdout, sealed, command.audience);
    } else {
      const { sealedSkipped, differences } = await exportTallies(storage, survey, process.stdout, command.config.yearQuestions, sealed, command.audience);
      if (sealedSkipped > 0) console.error(`pupil-voice-collector: ${sealedSkipped} encrypted responses not tallied; pass --private-key to open them`);
      for (const line of describeDifferences(differences)) console.error(`pupil-voice-collector: ${line}`);
    }
  } finally {
    await storage.close();
  }
}

async function createToken(command: Extract<Command, { kind: 'token-create' }>): Promise<void> {
  const storage = await openStorage({ dataDir: command.config.dataDir, databaseUrl: command.config.databaseUrl, sqliteSynchronous: command.config.sqliteSynchronous });
  try {
    const token = newAnalystToken();
    await storage.addAnalystToken(command.surveyId, hashAnalystToken(token), utcDay());
    console.log(`Analyst token for the results of survey "${command.surveyId}" (only its hash is stored; keep it safe, it is not shown again).`);
    console.log(`Send it as "Authorization: Bearer <token>", or paste it into the results page, /results/${encodeURIComponent(command.surveyId)}:`);
    console.log(token);
  } finally {
    await storage.close();
  }
}

/** Entry point of the `pupil-voice-collector` command; returns the process exit code for errors. */
export async function main(argv: readonly string[]): Promise<void> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    console.error(`pupil-voice-collector: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  try {
    if (command.kind === 'help') console.log(USAGE);
    else if (command.kind === 'serve') await serve(command);
    else if (command.kind === 'bank-list' || command.kind === 'bank-copy') runBankCommand(command);
    else if (command.kind === 'token-create') await createToken(command);
    else await runExport(command);
  } catch (error) {
    console.error(`pupil-voice-collector: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
