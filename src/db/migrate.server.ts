// Forward-only numbered SQL migrations (src/db/migrations/NNNN_name.sql), each applied once in its own
// transaction and recorded with a checksum so an edited, already-applied file is detected.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from './client.server.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 727_2030;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return {
        version: Number(f.slice(0, 4)),
        name: f.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

export async function appliedMigrations(h: DbHandle): Promise<Array<{ version: number; checksum: string }>> {
  await h.query(BOOKKEEPING);
  return h.query<{ version: number; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations ORDER BY version',
  );
}

export async function migrate(h: DbHandle, dir = MIGRATIONS_DIR): Promise<string[]> {
  return h.withLock(LOCK_KEY, async () => {
    const done = new Map((await appliedMigrations(h)).map((m) => [m.version, m.checksum]));
    const applied: string[] = [];
    for (const m of listMigrations(dir)) {
      const prev = done.get(m.version);
      if (prev) {
        if (prev !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied.`);
        continue;
      }
      const record = `INSERT INTO schema_migrations (version, name, checksum) VALUES (${m.version}, '${m.name}', '${m.checksum}');`;
      await h.execScript(`${m.sql}\n;\n${record}`);
      applied.push(m.name);
    }
    return applied;
  });
}

/** True when every migration file has been applied (used by /readyz). */
export async function migrationsCurrent(h: DbHandle, dir = MIGRATIONS_DIR): Promise<boolean> {
  const done = new Set(
    (await h.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  return listMigrations(dir).every((m) => done.has(m.version));
}
