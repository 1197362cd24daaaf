// The credentials module's public surface for other modules: the achievements a unit can issue, and issuing
// one as a signed Open Badges credential inside the caller's transaction (the "Công dân học tập" recognition).
import type { Db } from '../../db/client.server.ts';
import { type CredentialDeps, issueAward } from './credentials.usecases.server.ts';

export const credentialsPort = {
  /** The active achievements of these units (what a reviewer can issue). */
  async activeAchievements(deps: CredentialDeps, unitIds: readonly string[]) {
    if (!unitIds.length) return [];
    const all = await deps.repos.credentials.achievements(deps.db, unitIds);
    return all
      .filter((a) => a.status === 'active')
      .map((a) => ({ id: a.id, unitId: a.unitId, nameVi: a.nameVi, nameEn: a.nameEn }));
  },
  /**
   * Signs and stores the award in `tx`. Null when the achievement is unknown, archived, of another unit than
   * `unitId`, or already held for `periodKey`.
   */
  async issue(
    deps: CredentialDeps,
    tx: Db,
    a: {
      achievementId: string;
      unitId: string;
      learnerId: string;
      recipientName: string;
      reason: string;
      periodKey: string;
    },
    by: string | null,
  ): Promise<string | null> {
    const ach = await deps.repos.credentials.achievement(tx, a.achievementId);
    if (ach?.status !== 'active' || ach.unitId !== a.unitId) return null;
    return issueAward(
      deps,
      tx,
      ach,
      {
        learnerId: a.learnerId,
        recipientName: a.recipientName,
        source: 'manual',
        reason: a.reason,
        periodKey: a.periodKey,
      },
      by,
    );
  },
};
