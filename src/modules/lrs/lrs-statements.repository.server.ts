// SQL of the statement store (lrs_statements, lrs_attachments). Inserts draw `seq` under a transaction-level
// advisory lock, so `seq` order is commit order and `stored` never goes backwards: a `more` cursor on `seq`
// neither repeats nor skips statements stored while a client pages.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray, toDate } from '../../db/sql.server.ts';
import type { FilterKeys } from './xapi-format.ts';
import type { JsonObject } from './xapi-validate.ts';

const INSERT_LOCK = 7_461_001;

export interface StatementRow extends FilterKeys {
  id: string;
  statement: JsonObject;
  signature: string;
  timestamp: Date;
  registration: string | null;
  voids: string | null;
  credentialId: string | null;
  learnerId: string | null;
  unitId: string | null;
  placeId: string | null;
  commune: string | null;
  category: string | null;
  durationSeconds: number | null;
  hasAttachments: boolean;
}

export interface StoredStatement {
  id: string;
  seq: number;
  statement: JsonObject;
  signature: string;
  stored: Date;
  voided: boolean;
  voids: string | null;
  keys: FilterKeys;
  hasAttachments: boolean;
}

export interface StatementFilter {
  agent?: string;
  relatedAgents?: boolean;
  verb?: string;
  activity?: string;
  relatedActivities?: boolean;
  registration?: string;
  since?: Date;
  until?: Date;
  ascending?: boolean;
  /** Only statements with seq beyond this (cursor of a `more` page). */
  after?: number;
  /** Only statements with seq up to this (the store as of the first page). */
  bound?: number;
  limit: number;
}

type RawStored = {
  id: string;
  seq: string | number;
  statement: JsonObject | string;
  signature: string;
  stored: unknown;
  voided: boolean;
  voids: string | null;
  verbs: string[];
  agents: string[];
  related_agents: string[];
  activities: string[];
  related_activities: string[];
  has_attachments: boolean;
};

const COLUMNS = sql`id::text AS id, seq, statement, signature, stored, voided, voids::text AS voids, verbs, agents,
  related_agents, activities, related_activities, has_attachments`;

const fromRaw = (r: RawStored): StoredStatement => ({
  id: r.id,
  seq: Number(r.seq),
  statement: typeof r.statement === 'string' ? (JSON.parse(r.statement) as JsonObject) : r.statement,
  signature: r.signature,
  stored: toDate(r.stored) as Date,
  voided: r.voided,
  voids: r.voids,
  hasAttachments: r.has_attachments,
  keys: {
    verbs: r.verbs,
    agents: r.agents,
    relatedAgents: r.related_agents,
    activities: r.activities,
    relatedActivities: r.related_activities,
  },
});

const arr = (a: readonly string[]) => sql`${textArray(a)}::text[]`;

export function createLrsStatementsRepository() {
  return {
    /** Serialises statement writers until the transaction ends; returns the `stored` time to use. */
    async lockForInsert(tx: Db, now: Date): Promise<Date> {
      await queryRows(tx, sql`SELECT pg_advisory_xact_lock(${INSERT_LOCK})`);
      const [r] = await queryRows<{ last: unknown }>(tx, sql`SELECT max(stored) AS last FROM lrs_statements`);
      const last = toDate(r?.last);
      return last && last > now ? last : now;
    },

    async byIds(db: Db, ids: readonly string[]): Promise<StoredStatement[]> {
      if (ids.length === 0) return [];
      const rows = await queryRows<RawStored>(
        db,
        sql`SELECT ${COLUMNS} FROM lrs_statements WHERE id = ANY(${textArray(ids)}::uuid[])`,
      );
      return rows.map(fromRaw);
    },

    async insert(tx: Db, rows: readonly StatementRow[], stored: Date): Promise<void> {
      if (rows.length === 0) return;
      const values = rows.map((r) => {
        const st = { ...r.statement, stored: stored.toISOString() };
        return sql`(${r.id}::uuid, nextval('lrs_statement_seq'), ${JSON.stringify(st)}::jsonb, ${r.signature},
          ${stored.toISOString()}::timestamptz, ${r.timestamp.toISOString()}::timestamptz, ${r.verbs[0] ?? ''},
          ${arr(r.verbs)}, ${arr(r.agents)}, ${arr(r.relatedAgents)}, ${arr(r.activities)}, ${arr(r.relatedActivities)},
          ${r.registration}::uuid, ${r.voids}::uuid, ${r.credentialId}, ${r.learnerId}, ${r.unitId}, ${r.placeId},
          ${r.commune}, ${r.category}, ${r.durationSeconds}, ${r.hasAttachments})`;
      });
      await tx.execute(sql`INSERT INTO lrs_statements (id, seq, statement, signature, stored, "timestamp", verb_id,
        verbs, agents, related_agents, activities, related_activities, registration, voids, credential_id,
        learner_id, unit_id, place_id, commune, category, duration_seconds, has_attachments)
        VALUES ${sql.join(values, sql`, `)}`);
    },

    async markVoided(tx: Db, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await tx.execute(
        sql`UPDATE lrs_statements SET voided = true WHERE id = ANY(${textArray(ids)}::uuid[])`,
      );
    },

    /** The highest seq stored so far (the bound of a new query). */
    async lastSeq(db: Db): Promise<number> {
      const [r] = await queryRows<{ s: string | null }>(db, sql`SELECT max(seq) AS s FROM lrs_statements`);
      return r?.s ? Number(r.s) : 0;
    },

    async query(db: Db, f: StatementFilter): Promise<StoredStatement[]> {
      const where: SQL[] = [sql`NOT voided`];
      if (f.agent) {
        where.push(
          f.relatedAgents
            ? sql`related_agents @> ARRAY[${f.agent}]::text[]`
            : sql`agents @> ARRAY[${f.agent}]::text[]`,
        );
      }
      if (f.verb) where.push(sql`verbs @> ARRAY[${f.verb}]::text[]`);
      if (f.activity) {
        where.push(
          f.relatedActivities
            ? sql`related_activities @> ARRAY[${f.activity}]::text[]`
            : sql`activities @> ARRAY[${f.activity}]::text[]`,
        );
      }
      if (f.registration) where.push(sql`registration = ${f.registration}::uuid`);
      if (f.since) where.push(sql`stored > ${f.since.toISOString()}::timestamptz`);
      if (f.until) where.push(sql`stored <= ${f.until.toISOString()}::timestamptz`);
      if (f.bound !== undefined) where.push(sql`seq <= ${f.bound}`);
      if (f.after !== undefined) where.push(f.ascending ? sql`seq > ${f.after}` : sql`seq < ${f.after}`);
      const order = f.ascending ? sql`seq ASC` : sql`seq DESC`;
      const rows = await queryRows<RawStored>(
        db,
        sql`SELECT ${COLUMNS} FROM lrs_statements WHERE ${sql.join(where, sql` AND `)} ORDER BY ${order}
            LIMIT ${f.limit}`,
      );
      return rows.map(fromRaw);
    },

    async putAttachments(
      tx: Db,
      parts: ReadonlyArray<{ sha2: string; contentType: string; content: Uint8Array }>,
    ) {
      for (const p of parts) {
        await tx.execute(sql`INSERT INTO lrs_attachments (sha2, content_type, content)
          VALUES (${p.sha2}, ${p.contentType}, ${Buffer.from(p.content)}) ON CONFLICT (sha2) DO NOTHING`);
      }
    },

    async attachments(db: Db, sha2s: readonly string[]) {
      if (sha2s.length === 0) return [];
      const rows = await queryRows<{ sha2: string; content_type: string; content: Uint8Array }>(
        db,
        sql`SELECT sha2, content_type, content FROM lrs_attachments WHERE sha2 = ANY(${textArray(sha2s)}::text[])`,
      );
      return rows.map((r) => ({
        sha2: r.sha2,
        contentType: r.content_type,
        content: new Uint8Array(r.content),
      }));
    },
  };
}

/** Reads for the Activities and Agents resources: what statements said about an activity or an agent. */
export function createLrsLookupRepository() {
  return {
    async activityObjects(db: Db, activityId: string): Promise<JsonObject[]> {
      const rows = await queryRows<{ o: JsonObject | string }>(
        db,
        sql`SELECT statement->'object' AS o FROM lrs_statements WHERE activities @> ARRAY[${activityId}]::text[]
            ORDER BY seq ASC LIMIT 200`,
      );
      return rows.map((r) => (typeof r.o === 'string' ? (JSON.parse(r.o) as JsonObject) : r.o));
    },
    async actorsNamed(db: Db, key: string): Promise<JsonObject[]> {
      const rows = await queryRows<{ a: JsonObject | string }>(
        db,
        sql`SELECT statement->'actor' AS a FROM lrs_statements WHERE agents @> ARRAY[${key}]::text[]
            ORDER BY seq DESC LIMIT 50`,
      );
      return rows.map((r) => (typeof r.a === 'string' ? (JSON.parse(r.a) as JsonObject) : r.a));
    },
  };
}
