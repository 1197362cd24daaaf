// Site settings (department name, tile URL, …) stored as JSON values by key.
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../../db/client.server.ts';
import { queryRows } from '../../db/sql.server.ts';

/** How long a page may show a setting another process changed (writes in this process clear it at once). */
const CACHE_TTL_MS = 10_000;

export function createSettingsRepository(dbh: DbHandle) {
  const cache = new Map<string, { value: unknown; at: number }>();
  return {
    /** Read-mostly settings shown on every page (department name…): served from memory for a few seconds. */
    async getCached<T>(key: string): Promise<T | undefined> {
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.value as T | undefined;
      const rows = await dbh.query<{ value: T }>('SELECT value FROM settings WHERE key = $1', [key]);
      cache.set(key, { value: rows[0]?.value, at: Date.now() });
      return rows[0]?.value;
    },
    /**
     * Forgets every setting kept in memory: a change made by another process is announced by `actor_changed`
     * ('*', migration 0198), and a page kept past it must not be rendered again from the old value.
     */
    forgetCached(): void {
      cache.clear();
    },
    async get<T>(key: string): Promise<T | undefined> {
      const rows = await dbh.query<{ value: T }>('SELECT value FROM settings WHERE key = $1', [key]);
      return rows[0]?.value;
    },
    async all(): Promise<Record<string, unknown>> {
      const rows = await dbh.query<{ key: string; value: unknown }>(
        'SELECT key, value FROM settings ORDER BY key',
      );
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    /** Inserts a default only when the key is absent, so re-seeding never overwrites an admin's change. */
    async setDefault(key: string, value: unknown): Promise<void> {
      cache.delete(key);
      await dbh.query(
        'INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING',
        [key, JSON.stringify(value)],
      );
    },
    /**
     * Writes a setting in the caller's transaction and returns the value it replaced. A cleared setting keeps
     * its row (JSON null) so a settings page's version on it keeps growing.
     */
    async writeInTransaction(db: Db, key: string, value: unknown): Promise<unknown> {
      cache.delete(key);
      const before = await queryRows<{ value: unknown }>(
        db,
        sql`SELECT value FROM settings WHERE key = ${key} FOR UPDATE`,
      );
      await db.execute(sql`INSERT INTO settings (key, value) VALUES (${key}, ${JSON.stringify(value ?? null)}::jsonb)
          ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`);
      return before[0]?.value ?? null;
    },
    /** The version of a settings page kept on one key's row (1 while never saved); `lock` serialises savers. */
    async versionOf(db: Db, key: string, lock = false): Promise<number> {
      if (lock) await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`setting:${key}`}))`);
      const rows = await queryRows<{ version: number }>(
        db,
        sql`SELECT version FROM settings WHERE key = ${key}`,
      );
      return Number(rows[0]?.version ?? 1);
    },
    /**
     * Writes a setting that carries its own version (its form is the setting alone) while it is still at
     * `version` (when given), and grows the version; returns the value it replaced, or null when someone saved
     * first. In the caller's transaction; the advisory lock is the one `versionOf(…, true)` takes.
     */
    async writeVersioned(
      tx: Db,
      key: string,
      value: unknown,
      version?: number,
    ): Promise<{ before: unknown } | null> {
      cache.delete(key);
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`setting:${key}`}))`);
      const [before] = await queryRows<{ value: unknown; version: number }>(
        tx,
        sql`SELECT value, version FROM settings WHERE key = ${key} FOR UPDATE`,
      );
      if (version !== undefined && Number(before?.version ?? 1) !== version) return null;
      await tx.execute(
        sql`INSERT INTO settings (key, value, version) VALUES (${key}, ${JSON.stringify(value)}::jsonb, 2)
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, version = settings.version + 1,
              updated_at = now()`,
      );
      return { before: before?.value };
    },
    /** Grows a settings page's version by one (its key's row, created when missing). */
    async bumpVersion(db: Db, key: string): Promise<void> {
      await db.execute(sql`INSERT INTO settings (key, value, version) VALUES (${key}, 'null'::jsonb, 2)
        ON CONFLICT (key) DO UPDATE SET version = settings.version + 1, updated_at = now()`);
    },
    async set(key: string, value: unknown): Promise<void> {
      cache.delete(key);
      await dbh.query(
        `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [key, JSON.stringify(value)],
      );
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
