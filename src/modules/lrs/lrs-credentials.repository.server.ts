// SQL of the LRS client credentials (lrs_credentials). Secrets are stored as SHA-256 only.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

export interface LrsCredential {
  id: string;
  key: string;
  secretHash: string;
  name: string;
  unitId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

type Raw = {
  id: string;
  key: string;
  secret_hash: string;
  name: string;
  unit_id: string | null;
  created_at: unknown;
  last_used_at: unknown;
  revoked_at: unknown;
};

const fromRaw = (r: Raw): LrsCredential => ({
  id: r.id,
  key: r.key,
  secretHash: r.secret_hash,
  name: r.name,
  unitId: r.unit_id,
  createdAt: toDate(r.created_at) as Date,
  lastUsedAt: toDate(r.last_used_at),
  revokedAt: toDate(r.revoked_at),
});

export function createLrsCredentialsRepository() {
  return {
    async insert(
      db: Db,
      v: {
        id: string;
        key: string;
        secretHash: string;
        name: string;
        unitId: string | null;
        createdBy: string | null;
      },
    ): Promise<void> {
      await db.execute(sql`INSERT INTO lrs_credentials (id, key, secret_hash, name, unit_id, created_by)
        VALUES (${v.id}, ${v.key}, ${v.secretHash}, ${v.name}, ${v.unitId}, ${v.createdBy})`);
    },
    async byKey(db: Db, key: string): Promise<LrsCredential | null> {
      const [r] = await queryRows<Raw>(db, sql`SELECT * FROM lrs_credentials WHERE key = ${key}`);
      return r ? fromRaw(r) : null;
    },
    async byId(db: Db, id: string): Promise<LrsCredential | null> {
      const [r] = await queryRows<Raw>(db, sql`SELECT * FROM lrs_credentials WHERE id = ${id}`);
      return r ? fromRaw(r) : null;
    },
    async list(db: Db): Promise<LrsCredential[]> {
      return (await queryRows<Raw>(db, sql`SELECT * FROM lrs_credentials ORDER BY created_at DESC, id`)).map(
        fromRaw,
      );
    },
    async revoke(db: Db, id: string, by: string | null, at: Date): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE lrs_credentials SET revoked_at = ${at.toISOString()}::timestamptz, revoked_by = ${by}
            WHERE id = ${id} AND revoked_at IS NULL RETURNING id`,
      );
      return rows.length > 0;
    },
    async touch(db: Db, id: string, at: Date): Promise<void> {
      // At most once a minute: not every request writes.
      await db.execute(sql`UPDATE lrs_credentials SET last_used_at = ${at.toISOString()}::timestamptz
        WHERE id = ${id} AND (last_used_at IS NULL OR last_used_at < ${at.toISOString()}::timestamptz - interval '1 minute')`);
    },
  };
}
