// SQL for the credentials module's own tables: issuer keys, achievements and awarded credentials.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';
import { newId } from './credentials.ids.server.ts';
import type { AwardRule } from './credentials.rules.ts';

export interface IssuerKey {
  id: string;
  unitId: string;
  publicKeyMultibase: string;
  privateKeyEncrypted: string;
  status: 'active' | 'retired';
  createdAt: Date;
  retiredAt: Date | null;
}

export interface Achievement {
  id: string;
  unitId: string;
  nameVi: string;
  nameEn: string;
  criteriaVi: string;
  criteriaEn: string;
  imageAlt: string;
  imageColor: string;
  awardRule: AwardRule | null;
  validityMonths: number | null;
  status: 'active' | 'archived';
  createdAt: Date;
  /** Optimistic concurrency: every edit names the version it was loaded with. */
  version: number;
}

export type AchievementValues = Omit<Achievement, 'id' | 'status' | 'createdAt' | 'version'>;

export interface Award {
  id: string;
  achievementId: string;
  unitId: string;
  learnerId: string;
  recipientName: string;
  source: 'manual' | 'rule';
  reason: string | null;
  periodKey: string;
  statusIndex: number;
  document: Record<string, unknown>;
  issuedAt: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  hidden: boolean;
}

const KEY_COLS = sql`id, unit_id AS "unitId", public_key_multibase AS "publicKeyMultibase",
  private_key_encrypted AS "privateKeyEncrypted", status, created_at AS "createdAt", retired_at AS "retiredAt"`;
const ACH_COLS = sql`id, unit_id AS "unitId", name_vi AS "nameVi", name_en AS "nameEn", criteria_vi AS "criteriaVi",
  criteria_en AS "criteriaEn", image_alt AS "imageAlt", image_color AS "imageColor", award_rule AS "awardRule",
  validity_months AS "validityMonths", status, created_at AS "createdAt", version`;
const AWARD_COLS = sql`id, achievement_id AS "achievementId", unit_id AS "unitId", learner_id AS "learnerId",
  recipient_name AS "recipientName", source, reason, period_key AS "periodKey", status_index AS "statusIndex",
  document, issued_at AS "issuedAt", valid_until AS "validUntil", revoked_at AS "revokedAt",
  revoked_reason AS "revokedReason", hidden`;

const key = (r: IssuerKey): IssuerKey => ({
  ...r,
  createdAt: toDate(r.createdAt)!,
  retiredAt: toDate(r.retiredAt),
});
const ach = (r: Achievement): Achievement => ({
  ...r,
  createdAt: toDate(r.createdAt)!,
  version: Number(r.version),
});
const award = (r: Award): Award => ({
  ...r,
  statusIndex: Number(r.statusIndex),
  issuedAt: toDate(r.issuedAt)!,
  validUntil: toDate(r.validUntil),
  revokedAt: toDate(r.revokedAt),
  document: typeof r.document === 'string' ? JSON.parse(r.document) : r.document,
});

export function createCredentialsRepository() {
  return {
    async activeKey(db: Db, unitId: string): Promise<IssuerKey | null> {
      const rows = await queryRows<IssuerKey>(
        db,
        sql`SELECT ${KEY_COLS} FROM credential_issuer_keys WHERE unit_id = ${unitId} AND status = 'active'`,
      );
      return rows[0] ? key(rows[0]) : null;
    },
    async keysOfUnit(db: Db, unitId: string): Promise<IssuerKey[]> {
      const rows = await queryRows<IssuerKey>(
        db,
        sql`SELECT ${KEY_COLS} FROM credential_issuer_keys WHERE unit_id = ${unitId} ORDER BY created_at, id`,
      );
      return rows.map(key);
    },
    async insertKey(db: Db, v: { unitId: string; publicKeyMultibase: string; privateKeyEncrypted: string }) {
      const id = newId('ikey');
      await db.execute(sql`INSERT INTO credential_issuer_keys (id, unit_id, public_key_multibase, private_key_encrypted)
        VALUES (${id}, ${v.unitId}, ${v.publicKeyMultibase}, ${v.privateKeyEncrypted})`);
      return id;
    },
    async retireActive(db: Db, unitId: string, at: Date): Promise<void> {
      await db.execute(sql`UPDATE credential_issuer_keys SET status = 'retired', retired_at = ${at.toISOString()}
        WHERE unit_id = ${unitId} AND status = 'active'`);
    },
    /** Serialises key creation and rotation per unit until the transaction ends. */
    async lockUnit(db: Db, unitId: string): Promise<void> {
      await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`credentials:${unitId}`}))`);
    },

    async insertAchievement(db: Db, v: AchievementValues & { createdBy: string | null }): Promise<string> {
      const id = newId('ach');
      await db.execute(sql`INSERT INTO achievements (id, unit_id, name_vi, name_en, criteria_vi, criteria_en,
          image_alt, image_color, award_rule, validity_months, created_by)
        VALUES (${id}, ${v.unitId}, ${v.nameVi}, ${v.nameEn}, ${v.criteriaVi}, ${v.criteriaEn}, ${v.imageAlt},
          ${v.imageColor}, ${v.awardRule ? JSON.stringify(v.awardRule) : null}::jsonb, ${v.validityMonths},
          ${v.createdBy})`);
      return id;
    },
    async achievement(db: Db, id: string): Promise<Achievement | null> {
      const rows = await queryRows<Achievement>(
        db,
        sql`SELECT ${ACH_COLS} FROM achievements WHERE id = ${id}`,
      );
      return rows[0] ? ach(rows[0]) : null;
    },
    /** Sets the award rule when the stored version is `version`; false when someone else saved first. */
    async updateRule(db: Db, id: string, rule: AwardRule | null, version: number): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE achievements SET award_rule = ${rule ? JSON.stringify(rule) : null}::jsonb, version = version + 1
            WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length > 0;
    },
    /** Achievements of these units (all units when null), newest first. */
    async achievements(db: Db, unitIds: readonly string[] | null): Promise<Achievement[]> {
      const where = unitIds ? sql`WHERE unit_id = ANY(${sql.param(unitIds)}::text[])` : sql``;
      const rows = await queryRows<Achievement>(
        db,
        sql`SELECT ${ACH_COLS} FROM achievements ${where} ORDER BY created_at DESC, id`,
      );
      return rows.map(ach);
    },
    async withRule(db: Db, kind: string): Promise<Achievement[]> {
      const rows = await queryRows<Achievement>(
        db,
        sql`SELECT ${ACH_COLS} FROM achievements WHERE status = 'active' AND award_rule->>'kind' = ${kind}`,
      );
      return rows.map(ach);
    },

    /** Inserts an award; null when this learner already holds it for the period (idempotent rule runs). */
    async insertAward(
      db: Db,
      v: Omit<Award, 'statusIndex' | 'revokedAt' | 'revokedReason' | 'hidden'> & { awardedBy: string | null },
    ): Promise<string | null> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO credential_awards (id, achievement_id, unit_id, learner_id, recipient_name, source, reason,
              period_key, status_index, document, issued_at, valid_until, awarded_by)
            VALUES (${v.id}, ${v.achievementId}, ${v.unitId}, ${v.learnerId}, ${v.recipientName}, ${v.source},
              ${v.reason}, ${v.periodKey}, ${(v.document.credentialStatus as { statusListIndex: string }).statusListIndex}::integer,
              ${JSON.stringify(v.document)}::jsonb, ${v.issuedAt.toISOString()}, ${v.validUntil?.toISOString() ?? null},
              ${v.awardedBy})
            ON CONFLICT (achievement_id, learner_id, period_key) DO NOTHING RETURNING id`,
      );
      return rows[0]?.id ?? null;
    },
    async nextStatusIndex(db: Db): Promise<number> {
      const rows = await queryRows<{ n: string | number }>(
        db,
        sql`SELECT nextval('credential_status_index_seq') AS n`,
      );
      return Number(rows[0]?.n);
    },
    async award(db: Db, id: string): Promise<Award | null> {
      const rows = await queryRows<Award>(
        db,
        sql`SELECT ${AWARD_COLS} FROM credential_awards WHERE id = ${id}`,
      );
      return rows[0] ? award(rows[0]) : null;
    },
    async awardsOf(db: Db, learnerIds: readonly string[]): Promise<Award[]> {
      if (!learnerIds.length) return [];
      const rows = await queryRows<Award>(
        db,
        sql`SELECT ${AWARD_COLS} FROM credential_awards WHERE learner_id = ANY(${sql.param(learnerIds)}::text[])
            ORDER BY issued_at DESC, id`,
      );
      return rows.map(award);
    },
    async awardsOfAchievement(db: Db, achievementId: string): Promise<Award[]> {
      const rows = await queryRows<Award>(
        db,
        sql`SELECT ${AWARD_COLS} FROM credential_awards WHERE achievement_id = ${achievementId} ORDER BY issued_at DESC`,
      );
      return rows.map(award);
    },
    async revoke(db: Db, id: string, at: Date, reason: string, by: string | null): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE credential_awards SET revoked_at = ${at.toISOString()}, revoked_reason = ${reason}, revoked_by = ${by}
            WHERE id = ${id} AND revoked_at IS NULL RETURNING id`,
      );
      return rows.length > 0;
    },
    async setHidden(db: Db, id: string, learnerIds: readonly string[], hidden: boolean): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE credential_awards SET hidden = ${hidden}
            WHERE id = ${id} AND learner_id = ANY(${sql.param(learnerIds)}::text[]) RETURNING id`,
      );
      return rows.length > 0;
    },
    /** The unit's revoked bit indexes and the highest index it has used (for the status list's size). */
    async revocations(db: Db, unitId: string): Promise<{ revoked: number[]; maxIndex: number }> {
      const rows = await queryRows<{ i: number | string; r: boolean }>(
        db,
        sql`SELECT status_index AS i, revoked_at IS NOT NULL AS r FROM credential_awards WHERE unit_id = ${unitId}`,
      );
      return {
        revoked: rows.filter((r) => r.r).map((r) => Number(r.i)),
        maxIndex: rows.reduce((m, r) => Math.max(m, Number(r.i)), 0),
      };
    },
    /** Erasure: the learners' credentials go (the signed documents carry their names). */
    async deleteAwardsOf(db: Db, learnerIds: readonly string[]): Promise<void> {
      if (!learnerIds.length) return;
      await db.execute(
        sql`DELETE FROM credential_awards WHERE learner_id = ANY(${sql.param(learnerIds)}::text[])`,
      );
    },
  };
}
export type CredentialsRepository = ReturnType<typeof createCredentialsRepository>;
