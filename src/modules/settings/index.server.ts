// The settings module's public surface: what other modules may use (read/write ports).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const settingsPort = {
  /** Writes (null: clears) a setting in the caller's transaction; returns the value it replaced. */
  write: (deps: Repos, tx: Db, key: string, value: unknown): Promise<unknown> =>
    deps.repos.settings.writeInTransaction(tx, key, value),
  /** A settings page's version, kept on one key's row; `lock` serialises concurrent savers. */
  version: (deps: Repos, db: Db, key: string, lock = false): Promise<number> =>
    deps.repos.settings.versionOf(db, key, lock),
  bumpVersion: (deps: Repos, tx: Db, key: string): Promise<void> => deps.repos.settings.bumpVersion(tx, key),
};
