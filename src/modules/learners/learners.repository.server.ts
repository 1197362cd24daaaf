// SQL on the learners module's own tables: contacts, one-time codes and their limits, profiles and their
// versions, consents. The use cases decide what is allowed.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, sqlList } from '../../db/sql.server.ts';

export type ContactKind = 'phone' | 'email';
export type Relation = 'self' | 'child' | 'parent' | 'other';
export type CodePurpose = 'sign-in' | 'verify' | 'privacy-request';

export interface ContactRow {
  address: string;
  kind: ContactKind;
  userId: string;
  verifiedAt: Date | null;
}

export interface ProfileRow {
  id: string;
  managerUserId: string;
  relation: Relation;
  displayName: string;
  birthYear: number | null;
  youngestBirthYear: number | null;
  commune: string | null;
  interests: string[];
  preferredLanguage: 'vi' | 'en';
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ConsentRow {
  id: string;
  learnerId: string;
  kind: 'guardian' | 'child';
  givenByUserId: string;
  verifiedContact: string;
  wording: string;
  givenAt: Date;
  withdrawnAt: Date | null;
}

const PROFILE_COLUMNS = sql`id, manager_user_id AS "managerUserId", relation, display_name AS "displayName",
  birth_year AS "birthYear", youngest_birth_year AS "youngestBirthYear", commune, interests,
  preferred_language AS "preferredLanguage", version, created_at AS "createdAt", updated_at AS "updatedAt"`;

const CONSENT_COLUMNS = sql`id, learner_id AS "learnerId", kind, given_by_user_id AS "givenByUserId",
  verified_contact AS "verifiedContact", wording, given_at AS "givenAt", withdrawn_at AS "withdrawnAt"`;

function toProfile(r: ProfileRow): ProfileRow {
  return {
    ...r,
    birthYear: r.birthYear === null ? null : Number(r.birthYear),
    youngestBirthYear: r.youngestBirthYear === null ? null : Number(r.youngestBirthYear),
    interests: Array.isArray(r.interests) ? r.interests : [],
    version: Number(r.version),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}

export interface ProfileValues {
  displayName: string;
  birthYear: number | null;
  youngestBirthYear: number | null;
  commune: string | null;
  interests: readonly string[];
  preferredLanguage: 'vi' | 'en';
}

export function createLearnersRepository() {
  return {
    // ---- contacts
    async contact(db: Db, address: string): Promise<ContactRow | undefined> {
      const rows = await queryRows<ContactRow>(
        db,
        sql`SELECT address, kind, user_id AS "userId", verified_at AS "verifiedAt" FROM learner_contacts
            WHERE address = ${address}`,
      );
      return rows[0];
    },
    async contactsOf(db: Db, userIds: readonly string[]): Promise<ContactRow[]> {
      if (userIds.length === 0) return [];
      return queryRows<ContactRow>(
        db,
        sql`SELECT address, kind, user_id AS "userId", verified_at AS "verifiedAt" FROM learner_contacts
            WHERE user_id IN (${sqlList(userIds)}) ORDER BY kind, address`,
      );
    },
    /** Adds a contact; false when the address already belongs to someone. */
    async addContact(
      db: Db,
      c: { address: string; kind: ContactKind; userId: string; verifiedAt: Date | null },
    ): Promise<boolean> {
      const rows = await queryRows<{ address: string }>(
        db,
        sql`INSERT INTO learner_contacts (address, kind, user_id, verified_at)
            VALUES (${c.address}, ${c.kind}, ${c.userId}, ${c.verifiedAt}) ON CONFLICT (address) DO NOTHING
            RETURNING address`,
      );
      return rows.length === 1;
    },
    async markVerified(db: Db, address: string, userId: string, at: Date): Promise<boolean> {
      const rows = await queryRows<{ address: string }>(
        db,
        sql`UPDATE learner_contacts SET verified_at = coalesce(verified_at, ${at})
            WHERE address = ${address} AND user_id = ${userId} RETURNING address`,
      );
      return rows.length === 1;
    },
    async deleteContactsOf(db: Db, userIds: readonly string[]): Promise<void> {
      if (userIds.length === 0) return;
      await db.execute(sql`DELETE FROM learner_contacts WHERE user_id IN (${sqlList(userIds)})`);
    },

    // ---- one-time codes
    async insertCode(
      db: Db,
      c: {
        id: string;
        purpose: CodePurpose;
        addressHash: string;
        codeHash: string;
        expiresAt: Date;
        now: Date;
      },
    ): Promise<void> {
      // A new code replaces the previous ones for the same address: only the latest works.
      await db.execute(sql`UPDATE learner_codes SET used_at = ${c.now}
          WHERE address_hash = ${c.addressHash} AND purpose = ${c.purpose} AND used_at IS NULL`);
      await db.execute(sql`INSERT INTO learner_codes (id, purpose, address_hash, code_hash, expires_at, created_at)
          VALUES (${c.id}, ${c.purpose}, ${c.addressHash}, ${c.codeHash}, ${c.expiresAt}, ${c.now})`);
      await db.execute(
        sql`DELETE FROM learner_codes WHERE expires_at < ${new Date(c.now.getTime() - 86_400_000)}`,
      );
    },
    /**
     * Counts one try against the live code for the address (latest, unused, unexpired, tries left) and returns
     * it; undefined when there is none. The count is taken before the comparison, so parallel guesses each use
     * up a try.
     */
    async takeTry(
      db: Db,
      purpose: CodePurpose,
      addressHash: string,
      now: Date,
      maxTries: number,
    ): Promise<{ id: string; codeHash: string } | undefined> {
      const rows = await queryRows<{ id: string; codeHash: string }>(
        db,
        sql`UPDATE learner_codes SET attempts = attempts + 1
            WHERE id = (SELECT id FROM learner_codes WHERE address_hash = ${addressHash} AND purpose = ${purpose}
                          AND used_at IS NULL AND expires_at > ${now} ORDER BY created_at DESC LIMIT 1)
              AND attempts < ${maxTries}
            RETURNING id, code_hash AS "codeHash"`,
      );
      return rows[0];
    },
    /** Marks the code used; false when it already was (a replay racing the first use). */
    async markCodeUsed(db: Db, id: string, now: Date): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE learner_codes SET used_at = ${now} WHERE id = ${id} AND used_at IS NULL RETURNING id`,
      );
      return rows.length === 1;
    },
    async recordCodeEvent(
      db: Db,
      e: {
        kind: 'send' | 'fail';
        addressHash: string | null;
        ip: string | null;
        at: Date;
        pruneBefore: Date;
      },
    ): Promise<void> {
      await db.execute(sql`INSERT INTO learner_code_events (kind, address_hash, ip, at)
          VALUES (${e.kind}, ${e.addressHash}, ${e.ip}, ${e.at})`);
      await db.execute(sql`DELETE FROM learner_code_events WHERE at < ${e.pruneBefore}`);
    },
    async countCodeEvents(
      db: Db,
      kind: 'send' | 'fail',
      by: { addressHash: string } | { ip: string },
      since: Date,
    ): Promise<number> {
      const where = 'ip' in by ? sql`ip = ${by.ip}` : sql`address_hash = ${by.addressHash}`;
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM learner_code_events WHERE kind = ${kind} AND ${where} AND at > ${since}`,
      );
      return Number(rows[0]?.n ?? 0);
    },

    // ---- profiles
    async profiles(db: Db, ids: readonly string[]): Promise<ProfileRow[]> {
      if (ids.length === 0) return [];
      const rows = await queryRows<ProfileRow>(
        db,
        sql`SELECT ${PROFILE_COLUMNS} FROM learner_profiles WHERE id IN (${sqlList(ids)})`,
      );
      return rows.map(toProfile);
    },
    async managedBy(db: Db, userId: string): Promise<ProfileRow[]> {
      const rows = await queryRows<ProfileRow>(
        db,
        sql`SELECT ${PROFILE_COLUMNS} FROM learner_profiles WHERE manager_user_id = ${userId}
            ORDER BY (relation = 'self') DESC, created_at, id`,
      );
      return rows.map(toProfile);
    },
    async lockProfile(db: Db, id: string): Promise<ProfileRow | undefined> {
      const rows = await queryRows<ProfileRow>(
        db,
        sql`SELECT ${PROFILE_COLUMNS} FROM learner_profiles WHERE id = ${id} FOR UPDATE`,
      );
      return rows[0] ? toProfile(rows[0]) : undefined;
    },
    async insertProfile(
      db: Db,
      p: ProfileValues & { id: string; managerUserId: string; relation: Relation },
    ): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO learner_profiles (id, manager_user_id, relation, display_name, birth_year,
              youngest_birth_year, commune, interests, preferred_language)
            VALUES (${p.id}, ${p.managerUserId}, ${p.relation}, ${p.displayName}, ${p.birthYear},
              ${p.youngestBirthYear}, ${p.commune}, ${sql.param([...p.interests])}::text[], ${p.preferredLanguage})
            ON CONFLICT (id) DO NOTHING RETURNING id`,
      );
      return rows.length === 1;
    },
    /** Writes the new values and grows the version by one; keeps what it replaced in learner_profile_versions. */
    async updateProfile(
      db: Db,
      before: ProfileRow,
      next: ProfileValues,
      by: string,
      at: Date,
    ): Promise<number> {
      const { createdAt: _c, updatedAt: _u, ...data } = before;
      await db.execute(sql`INSERT INTO learner_profile_versions (learner_id, version, data, changed_by, changed_at)
          VALUES (${before.id}, ${before.version}, ${JSON.stringify(data)}::jsonb, ${by}, ${at})`);
      const rows = await queryRows<{ version: number }>(
        db,
        sql`UPDATE learner_profiles SET display_name = ${next.displayName}, birth_year = ${next.birthYear},
              youngest_birth_year = ${next.youngestBirthYear}, commune = ${next.commune},
              interests = ${sql.param([...next.interests])}::text[], preferred_language = ${next.preferredLanguage},
              version = version + 1, updated_at = ${at}
            WHERE id = ${before.id} AND version = ${before.version} RETURNING version`,
      );
      return Number(rows[0]?.version ?? 0);
    },
    async profileVersions(
      db: Db,
      learnerId: string,
    ): Promise<Array<{ version: number; data: unknown; changedBy: string | null; changedAt: Date }>> {
      return queryRows(
        db,
        sql`SELECT version, data, changed_by AS "changedBy", changed_at AS "changedAt"
            FROM learner_profile_versions WHERE learner_id = ${learnerId} ORDER BY version`,
      );
    },
    async deleteProfiles(db: Db, ids: readonly string[]): Promise<void> {
      if (ids.length === 0) return;
      await db.execute(sql`DELETE FROM learner_profiles WHERE id IN (${sqlList(ids)})`);
    },

    // ---- consents
    async activeConsents(db: Db, learnerIds: readonly string[]): Promise<ConsentRow[]> {
      if (learnerIds.length === 0) return [];
      return queryRows<ConsentRow>(
        db,
        sql`SELECT ${CONSENT_COLUMNS} FROM learner_consents
            WHERE learner_id IN (${sqlList(learnerIds)}) AND withdrawn_at IS NULL ORDER BY given_at`,
      );
    },
    async consentsOf(db: Db, learnerIds: readonly string[]): Promise<ConsentRow[]> {
      if (learnerIds.length === 0) return [];
      return queryRows<ConsentRow>(
        db,
        sql`SELECT ${CONSENT_COLUMNS} FROM learner_consents WHERE learner_id IN (${sqlList(learnerIds)})
            ORDER BY given_at`,
      );
    },
    async insertConsent(db: Db, c: Omit<ConsentRow, 'withdrawnAt'>): Promise<void> {
      await db.execute(sql`INSERT INTO learner_consents (id, learner_id, kind, given_by_user_id, verified_contact,
            wording, given_at)
          VALUES (${c.id}, ${c.learnerId}, ${c.kind}, ${c.givenByUserId}, ${c.verifiedContact}, ${c.wording},
            ${c.givenAt})`);
    },
    async withdrawConsents(db: Db, learnerId: string, at: Date): Promise<number> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE learner_consents SET withdrawn_at = ${at} WHERE learner_id = ${learnerId}
            AND withdrawn_at IS NULL RETURNING id`,
      );
      return rows.length;
    },
  };
}

export type LearnersRepository = ReturnType<typeof createLearnersRepository>;
