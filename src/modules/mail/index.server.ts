// The mail module's public surface: the outbox other modules may write to directly (notices that no provider
// delivered, or a delivered notice's redacted copy). Mail itself goes through deps.mailer.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';

type Repos = Pick<AppDeps, 'repos'>;

export const outboxPort = {
  /** Keeps one message in the outbox: undelivered (`sentAt` null) or a delivered copy. */
  record: (
    deps: Repos,
    m: { to: string; subject: string; text: string; purpose: string },
    sentAt: Date | null,
    error: string | null,
  ): Promise<void> => deps.repos.outbox.insert(m, sentAt, error),
  /**
   * Erasure: deletes, in the caller's transaction, the mails about these event registrations (the ones written
   * with their `registrationId`), whatever their text or address.
   */
  eraseAboutRegistrations: (deps: Repos, db: Db, registrationIds: readonly string[]): Promise<number> =>
    deps.repos.outbox.eraseAboutRegistrations(db, registrationIds),
};
