// The settings module's public surface: what other modules may use (read/write ports).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db, DbHandle } from '../../db/client.server.ts';
import { createSettingsRepository, type SettingsRepository } from './settings.repository.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const settingsPort = {
  /** Writes (null: clears) a setting in the caller's transaction; returns the value it replaced. */
  write: (deps: Repos, tx: Db, key: string, value: unknown): Promise<unknown> =>
    deps.repos.settings.writeInTransaction(tx, key, value),
  /** A settings page's version, kept on one key's row; `lock` serialises concurrent savers. */
  version: (deps: Repos, db: Db, key: string, lock = false): Promise<number> =>
    deps.repos.settings.versionOf(db, key, lock),
  bumpVersion: (deps: Repos, tx: Db, key: string): Promise<void> => deps.repos.settings.bumpVersion(tx, key),
  /**
   * Writes a setting that carries its own version while it is still at `version` (when given); the value it
   * replaced, or null when someone saved first (→ 409). In the caller's transaction.
   */
  writeVersioned: (
    deps: Repos,
    tx: Db,
    key: string,
    value: unknown,
    version?: number,
  ): Promise<{ before: unknown } | null> => deps.repos.settings.writeVersioned(tx, key, value, version),
};

const readers = new WeakMap<DbHandle, SettingsRepository>();

/**
 * A setting's current value, read from the database each time (not the few-seconds page cache): for settings
 * checked on every request that must take effect at once (staff two-step verification). Takes the database
 * handle, not deps, because other modules' repositories built on that handle call it.
 */
export function readSetting<T>(dbh: DbHandle, key: string): Promise<T | undefined> {
  let repo = readers.get(dbh);
  if (!repo) {
    repo = createSettingsRepository(dbh);
    readers.set(dbh, repo);
  }
  return repo.get<T>(key);
}
