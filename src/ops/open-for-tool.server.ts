// Command-line tools (`npm run migrate`, `npm run create-admin`) open the database the way the server does:
// in embedded mode they check the data directory and take its lock (two processes on one PGlite directory
// corrupt it), and a failure is one clear line with exit code 1.
import { join } from 'node:path';
import type { Config } from '../config.server.ts';
import { type DbHandle, openDatabase } from '../db/client.server.ts';
import { checkWritableDir, lockDataDir } from './data-dir.server.ts';
import { describeStartupError } from './startup-errors.server.ts';

export async function openDatabaseForTool(config: Config, max: number): Promise<DbHandle> {
  const dataDir = join(config.dataDir, 'db');
  try {
    if (config.databaseUrl) return await openDatabase({ kind: 'postgres', url: config.databaseUrl, max });
    checkWritableDir(dataDir);
    lockDataDir(config.dataDir);
    return await openDatabase({ kind: 'pglite', dataDir });
  } catch (e) {
    console.error(
      describeStartupError(e, {
        dataDir: config.embedded ? dataDir : undefined,
        databaseUrl: config.databaseUrl,
      }),
    );
    process.exit(1);
  }
}
