import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, MIN_K, type CollectorConfig } from './collector.js';
import { parseStaticMount } from './http/static-files.js';
import { SEGMENT_KEYS, type SegmentKey } from './results/results.js';
import type { SqliteSynchronous } from './storage/sqlite-storage.js';
import { BANK_USAGE, parseBankCommand, type BankCommand } from './bank-command.js';

/** Environment variables read when a flag is absent (flags win). */
export const ENVIRONMENT = {
  DATABASE_URL: 'PostgreSQL connection string; selects PostgreSQL instead of SQLite',
  PV_DATA_DIR: 'data folder (SQLite file)',
  PV_SURVEYS_DIR: 'folder of SurveyJS JSON definitions',
  PV_PORT: 'port (0 = any free port)',
  PV_HOST: 'interface to listen on',
  PV_ORIGINS: 'comma-separated allowed origins',
  PV_STATIC: 'comma-separated dir[:mount] static folders',
  PV_K: 'suppression threshold (>= 5)',
  PV_LIVE_POLLS: 'comma-separated poll ids whose stream shows exact counts',
  PV_PUBLIC_RESULTS: 'comma-separated survey ids whose results need no analyst token (polls)',
  PV_RESULTS_SEGMENTS: 'segment keys published jointly in results (default audience,school,wave,year)',
  PV_SQLITE_SYNC: 'full (default: fsync each commit) or normal (faster; survives a crash, not a power cut)',
} as const;

export const USAGE = `Usage:
  pupil-voice-collector [serve] [--data DIR] [--surveys DIR] [--port 8787] [--host 127.0.0.1]
                        [--origin URL]... [--static DIR[:/mount/]]... [--k 10] [--live-poll ID]...
                        [--max-body BYTES] [--sqlite-sync full|normal]
                        [--results-segments audience,school,wave,year] [--public-results ID]...
  pupil-voice-collector token create --data DIR --survey ID
                        (prints a new analyst token for the survey's results on its last line;
                        only its SHA-256 is stored)
  pupil-voice-collector export --data DIR --survey ID --format csv|tallies [--surveys DIR]
                        [--audience AUDIENCE] [--private-key analyst-key.jwk]
      The data folder alone is enough: it keeps every definition version the collector served.
      --surveys uses the current file as the latest version; --audience exports one audience,
      labelled in its own wording; --private-key opens encrypted responses.
${BANK_USAGE}

Environment (flags win): ${Object.entries(ENVIRONMENT)
  .map(([name, meaning]) => `\n  ${name.padEnd(13)} ${meaning}`)
  .join('')}
`;

/** A command line after parsing: what to do, and with which configuration. */
export type Command =
  | { kind: 'serve'; config: CollectorConfig }
  | {
      kind: 'export';
      config: CollectorConfig;
      surveyId: string;
      format: 'csv' | 'tallies';
      privateKeyFile?: string;
      /** True when --surveys (or PV_SURVEYS_DIR) was given; otherwise definitions come from the data folder. */
      surveysGiven: boolean;
      audience?: string;
    }
  | BankCommand
  | { kind: 'token-create'; config: CollectorConfig; surveyId: string }
  | { kind: 'help' };

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

function integer(name: string, value: string, min: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new Error(`${name} must be an integer >= ${min}, got "${value}"`);
  return number;
}

function resultsSegments(value: string | undefined): SegmentKey[] {
  if (value === undefined) return [...DEFAULT_CONFIG.resultsSegments];
  const keys = list(value);
  for (const key of keys) {
    if (!(SEGMENT_KEYS as readonly string[]).includes(key)) throw new Error(`--results-segments takes ${SEGMENT_KEYS.join(', ')}, got "${key}"`);
  }
  return keys as SegmentKey[];
}

function sqliteSync(value: string): SqliteSynchronous {
  if (value !== 'full' && value !== 'normal') throw new Error(`--sqlite-sync must be full or normal, got "${value}"`);
  return value;
}

/** Parses argv (without `node` and the script) and the environment into a command. */
export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Command {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      data: { type: 'string' },
      surveys: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      origin: { type: 'string', multiple: true },
      static: { type: 'string', multiple: true },
      k: { type: 'string' },
      'live-poll': { type: 'string', multiple: true },
      'max-body': { type: 'string' },
      'sqlite-sync': { type: 'string' },
      'results-segments': { type: 'string' },
      'public-results': { type: 'string', multiple: true },
      survey: { type: 'string' },
      format: { type: 'string' },
      'private-key': { type: 'string' },
      force: { type: 'boolean' },
      audience: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help' };
  const verb = positionals[0] ?? 'serve';
  if (verb === 'bank') return parseBankCommand(positionals.slice(1), values.force === true);
  const isTokenCreate = verb === 'token' && positionals[1] === 'create' && positionals.length === 2;
  if (!isTokenCreate && (positionals.length > 1 || (verb !== 'serve' && verb !== 'export'))) throw new Error(`unknown command "${positionals.join(' ')}"`);
  const config: CollectorConfig = {
    ...DEFAULT_CONFIG,
    dataDir: resolve(values.data ?? env.PV_DATA_DIR ?? './data'),
    surveysDir: resolve(values.surveys ?? env.PV_SURVEYS_DIR ?? './surveys'),
    databaseUrl: env.DATABASE_URL || undefined,
    port: integer('--port', values.port ?? env.PV_PORT ?? String(DEFAULT_CONFIG.port), 0),
    host: values.host ?? env.PV_HOST ?? DEFAULT_CONFIG.host,
    origins: values.origin ?? list(env.PV_ORIGINS),
    staticMounts: (values.static ?? list(env.PV_STATIC)).map(parseStaticMount),
    k: integer('--k', values.k ?? env.PV_K ?? String(DEFAULT_CONFIG.k), MIN_K),
    livePolls: values['live-poll'] ?? list(env.PV_LIVE_POLLS),
    maxBodyBytes: integer('--max-body', values['max-body'] ?? String(DEFAULT_CONFIG.maxBodyBytes), 1024),
    resultsSegments: resultsSegments(values['results-segments'] ?? env.PV_RESULTS_SEGMENTS),
    publicResults: values['public-results'] ?? list(env.PV_PUBLIC_RESULTS),
    sqliteSynchronous: sqliteSync(values['sqlite-sync'] ?? env.PV_SQLITE_SYNC ?? DEFAULT_CONFIG.sqliteSynchronous),
  };
  if (verb === 'serve') return { kind: 'serve', config };
  if (isTokenCreate) {
    if (values.survey === undefined || values.survey === '') throw new Error('token create needs --survey ID');
    return { kind: 'token-create', config, surveyId: values.survey };
  }
  if (values.survey === undefined) throw new Error('export needs --survey ID');
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'tallies') throw new Error('--format must be csv or tallies');
  const command: Extract<Command, { kind: 'export' }> = {
    kind: 'export',
    config,
    surveyId: values.survey,
    format,
    surveysGiven: values.surveys !== undefined || (env.PV_SURVEYS_DIR ?? '') !== '',
  };
  const privateKeyFile = values['private-key'];
  if (privateKeyFile !== undefined) command.privateKeyFile = resolve(privateKeyFile);
  if (values.audience !== undefined) command.audience = values.audience;
  return command;
}
