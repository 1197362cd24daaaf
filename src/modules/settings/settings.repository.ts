// Site settings (department name, tile URL, …) stored as JSON values by key.
import type { DbHandle } from '../../db/client.ts';

export function createSettingsRepository(dbh: DbHandle) {
  return {
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
      await dbh.query(
        'INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING',
        [key, JSON.stringify(value)],
      );
    },
    async set(key: string, value: unknown): Promise<void> {
      await dbh.query(
        `INSERT INTO settings (key, value) VALUES ($1, $2::jsonb)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [key, JSON.stringify(value)],
      );
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
