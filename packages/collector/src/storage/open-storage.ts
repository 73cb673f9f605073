import { join } from 'node:path';
import { SqliteStorage, type SqliteSynchronous } from './sqlite-storage.js';
import type { ResponseStorage } from './storage.js';

/** File name of the embedded database inside the data folder. */
export const SQLITE_FILE_NAME = 'pupil-voice.sqlite';

/**
 * Chooses storage the way an operator expects: a `DATABASE_URL` (PostgreSQL) wins, otherwise
 * an SQLite file in the data folder. Migrations are applied before the storage is returned.
 */
export async function openStorage(options: {
  dataDir: string;
  databaseUrl?: string | undefined;
  sqliteSynchronous?: SqliteSynchronous;
}): Promise<ResponseStorage> {
  // pg is loaded only when used, so the embedded default starts faster on an old laptop.
  const storage: ResponseStorage =
    options.databaseUrl !== undefined && options.databaseUrl !== ''
      ? new (await import('./postgres-storage.js')).PostgresStorage(options.databaseUrl)
      : new SqliteStorage(join(options.dataDir, SQLITE_FILE_NAME), options.sqliteSynchronous);
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close().catch(() => undefined);
    throw error;
  }
  return storage;
}
