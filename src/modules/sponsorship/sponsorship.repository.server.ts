// SQL for sponsors, agreements/projects and donations, their totals and the public thank-you list.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { likeEscape, queryRows, textArray, toDate, toDay } from '../../db/sql.server.ts';
import { fold } from '../../lib/vn-text.ts';
import { newId } from './sponsorship.ids.server.ts';
import type { DonationKind, SponsorKind } from './sponsorship.vocab.ts';

export interface SponsorValues {
  unitId: string;
  kind: SponsorKind;
  name: string;
  email: string | null;
  phone: string | null;
  address: string;
  publicConsent: boolean;
  consentOn: string | null;
}
export interface SponsorRecord extends SponsorValues {
  id: string;
  version: number;
}
export interface DonatedBook {
  title: string;
  creators: string[];
  isbn: string | null;
  year: number | null;
  copies: number;
}
export interface DonationValues {
  sponsorId: string;
  agreementId: string | null;
  unitId: string;
  kind: DonationKind;
  description: string;
  valueVnd: number;
  receivedOn: string;
  purpose: string;
  planInstanceIds: string[];
  eventId: string | null;
  books: DonatedBook[];
}
export interface DonationRecord extends DonationValues {
  id: string;
  catalogueRecordIds: string[];
  cataloguedAt: Date | null;
  version: number;
}

const SPONSOR = sql`id, unit_id AS "unitId", kind, name, email, phone, address, public_consent AS "publicConsent",
  consent_on AS "consentOn", version`;
const DONATION = sql`id, sponsor_id AS "sponsorId", agreement_id AS "agreementId", unit_id AS "unitId", kind,
  description, value_vnd::float AS "valueVnd", received_on AS "receivedOn", purpose,
  plan_instance_ids AS "planInstanceIds", event_id AS "eventId", books,
  catalogue_record_ids AS "catalogueRecordIds", catalogued_at AS "cataloguedAt", version`;

const toSponsor = (r: SponsorRecord): SponsorRecord => ({ ...r, consentOn: toDay(r.consentOn) });
const toDonation = (r: DonationRecord): DonationRecord => ({
  ...r,
  valueVnd: Number(r.valueVnd),
  receivedOn: toDay(r.receivedOn) as string,
  planInstanceIds: r.planInstanceIds ?? [],
  catalogueRecordIds: r.catalogueRecordIds ?? [],
  books: (typeof r.books === 'string' ? JSON.parse(r.books) : r.books) ?? [],
  cataloguedAt: toDate(r.cataloguedAt),
});
const words = (q: string | undefined, col: string) =>
  fold(q ?? '')
    .split(' ')
    .filter(Boolean)
    .map((w) => sql`${sql.raw(col)} LIKE ${`%${likeEscape(w)}%`}`);
const inUnits = (col: string, unitIds: readonly string[] | undefined) =>
  unitIds ? sql`AND ${sql.raw(col)} = ANY(${textArray(unitIds)}::text[])` : sql``;

export function createSponsorshipRepository() {
  return {
    async insertSponsor(db: Db, v: SponsorValues, by: string | null) {
      const id = newId('spn');
      await db.execute(sql`INSERT INTO sponsors (id, unit_id, kind, name, email, phone, address, public_consent,
        consent_on, search_folded, created_by) VALUES (${id}, ${v.unitId}, ${v.kind}, ${v.name}, ${v.email},
        ${v.phone}, ${v.address}, ${v.publicConsent}, ${v.consentOn}, ${fold(v.name)}, ${by})`);
      return id;
    },
    async updateSponsor(db: Db, id: string, v: SponsorValues, version: number) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE sponsors SET unit_id = ${v.unitId}, kind = ${v.kind}, name = ${v.name}, email = ${v.email},
          phone = ${v.phone}, address = ${v.address}, public_consent = ${v.publicConsent},
          consent_on = ${v.consentOn}, search_folded = ${fold(v.name)}, version = version + 1, updated_at = now()
          WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    async sponsorById(db: Db, id: string) {
      const rows = await queryRows<SponsorRecord>(db, sql`SELECT ${SPONSOR} FROM sponsors WHERE id = ${id}`);
      return rows[0] ? toSponsor(rows[0]) : undefined;
    },
    async listSponsors(db: Db, q: string | undefined) {
      const rows = await queryRows<SponsorRecord & { total: number; donations: number }>(
        db,
        sql`SELECT ${SPONSOR}, (SELECT coalesce(sum(value_vnd), 0)::float FROM donations d WHERE d.sponsor_id = s.id) AS total,
          (SELECT count(*)::int FROM donations d WHERE d.sponsor_id = s.id) AS donations
          FROM sponsors s WHERE ${sql.join([sql`true`, ...words(q, 'search_folded')], sql` AND `)}
          ORDER BY name, id LIMIT 500`,
      );
      return rows.map((r) => ({ ...toSponsor(r), total: Number(r.total), donations: Number(r.donations) }));
    },
    async insertAgreement(
      db: Db,
      a: {
        sponsorId: string;
        unitId: string;
        title: string;
        signedOn: string;
        endsOn: string | null;
        valueVnd: number | null;
      },
    ) {
      const id = newId('sagr');
      await db.execute(sql`INSERT INTO sponsorship_agreements (id, sponsor_id, unit_id, title, signed_on, ends_on,
        value_vnd) VALUES (${id}, ${a.sponsorId}, ${a.unitId}, ${a.title}, ${a.signedOn}, ${a.endsOn}, ${a.valueVnd})`);
      return id;
    },
    async agreementsOf(db: Db, sponsorId: string) {
      const rows = await queryRows<{
        id: string;
        unitId: string;
        title: string;
        signedOn: string;
        endsOn: string | null;
        valueVnd: number | null;
      }>(
        db,
        sql`SELECT id, unit_id AS "unitId", title, signed_on AS "signedOn", ends_on AS "endsOn",
          value_vnd::float AS "valueVnd" FROM sponsorship_agreements WHERE sponsor_id = ${sponsorId} ORDER BY signed_on DESC`,
      );
      return rows.map((r) => ({ ...r, signedOn: toDay(r.signedOn) as string, endsOn: toDay(r.endsOn) }));
    },
    async insertDonation(db: Db, v: DonationValues, sponsorName: string, by: string | null) {
      const id = newId('don');
      await db.execute(sql`INSERT INTO donations (id, sponsor_id, agreement_id, unit_id, kind, description,
        value_vnd, received_on, purpose, plan_instance_ids, event_id, books, search_folded, created_by)
        VALUES (${id}, ${v.sponsorId}, ${v.agreementId}, ${v.unitId}, ${v.kind}, ${v.description}, ${v.valueVnd},
        ${v.receivedOn}, ${v.purpose}, ${textArray(v.planInstanceIds)}::text[], ${v.eventId},
        ${JSON.stringify(v.books)}::jsonb, ${fold(`${sponsorName} ${v.description} ${v.purpose}`)}, ${by})`);
      return id;
    },
    /** Saves a corrected donation if `version` is still the stored one (false: someone saved meanwhile). */
    async updateDonation(db: Db, id: string, v: DonationValues, sponsorName: string, version: number) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE donations SET sponsor_id = ${v.sponsorId}, agreement_id = ${v.agreementId}, unit_id = ${v.unitId},
          kind = ${v.kind}, description = ${v.description}, value_vnd = ${v.valueVnd}, received_on = ${v.receivedOn},
          purpose = ${v.purpose}, plan_instance_ids = ${textArray(v.planInstanceIds)}::text[], event_id = ${v.eventId},
          books = ${JSON.stringify(v.books)}::jsonb, search_folded = ${fold(`${sponsorName} ${v.description} ${v.purpose}`)},
          version = version + 1, updated_at = now() WHERE id = ${id} AND version = ${version} RETURNING id`,
      );
      return rows.length === 1;
    },
    /** Deletes a donation not yet catalogued, at `version`; says why not otherwise. */
    async deleteDonation(db: Db, id: string, version: number): Promise<'deleted' | 'catalogued' | 'stale'> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM donations WHERE id = ${id} AND version = ${version} AND catalogued_at IS NULL RETURNING id`,
      );
      if (rows.length === 1) return 'deleted';
      const now = await queryRows<{ catalogued: boolean }>(
        db,
        sql`SELECT catalogued_at IS NOT NULL AS catalogued FROM donations WHERE id = ${id}`,
      );
      return now[0]?.catalogued ? 'catalogued' : 'stale';
    },
    async donationById(db: Db, id: string) {
      const rows = await queryRows<DonationRecord>(
        db,
        sql`SELECT ${DONATION} FROM donations WHERE id = ${id}`,
      );
      return rows[0] ? toDonation(rows[0]) : undefined;
    },
    async listDonations(
      db: Db,
      f: {
        q?: string | undefined;
        kind?: DonationKind | undefined;
        year?: number | undefined;
        sponsorId?: string;
        unitIds: readonly string[];
      },
    ) {
      const parts = [sql`unit_id = ANY(${textArray(f.unitIds)}::text[])`, ...words(f.q, 'search_folded')];
      if (f.kind) parts.push(sql`kind = ${f.kind}`);
      if (f.sponsorId) parts.push(sql`sponsor_id = ${f.sponsorId}`);
      if (f.year)
        parts.push(sql`received_on >= ${`${f.year}-01-01`} AND received_on < ${`${f.year + 1}-01-01`}`);
      const rows = await queryRows<DonationRecord>(
        db,
        sql`SELECT ${DONATION} FROM donations WHERE ${sql.join(parts, sql` AND `)}
          ORDER BY received_on DESC, id LIMIT 1000`,
      );
      return rows.map(toDonation);
    },
    /** Claims the donation for cataloguing (once): false when it was already catalogued. */
    async markCatalogued(db: Db, id: string, recordIds: readonly string[]) {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`UPDATE donations SET catalogue_record_ids = ${textArray(recordIds)}::text[], catalogued_at = now(),
          version = version + 1, updated_at = now() WHERE id = ${id} AND catalogued_at IS NULL RETURNING id`,
      );
      return rows.length === 1;
    },
    /** Sum of values (or count of donations) in [from, to): total, per unit, per donation kind, per sponsor kind. */
    async totals(
      db: Db,
      q: {
        what: 'value' | 'count';
        from: string;
        to: string;
        unitIds?: readonly string[] | undefined;
        by?: 'unit' | 'kind' | 'source' | 'year' | undefined;
      },
    ) {
      const key =
        q.by === 'year'
          ? sql`extract(year FROM d.received_on)::int::text`
          : q.by === 'unit'
            ? sql`d.unit_id`
            : q.by === 'kind'
              ? sql`d.kind`
              : q.by === 'source'
                ? sql`s.kind`
                : sql`NULL`;
      const value = q.what === 'value' ? sql`coalesce(sum(d.value_vnd), 0)::float` : sql`count(*)::float`;
      const rows = await queryRows<{ key: string | null; value: number }>(
        db,
        sql`SELECT ${key} AS key, ${value} AS value FROM donations d JOIN sponsors s ON s.id = d.sponsor_id
          WHERE d.received_on >= ${q.from} AND d.received_on < ${q.to} ${inUnits('d.unit_id', q.unitIds)}
          ${q.by ? sql`GROUP BY 1 ORDER BY 1` : sql``}`,
      );
      return rows.map((r) => ({ key: r.key, value: Number(r.value) }));
    },
    /** Sponsors who consented to public thanks, with the years and kinds of what they gave. */
    async publicSponsors(db: Db) {
      const rows = await queryRows<{
        id: string;
        name: string;
        kind: SponsorKind;
        email: string | null;
        phone: string | null;
        years: number[];
        kinds: DonationKind[];
      }>(
        db,
        sql`SELECT s.id, s.name, s.kind, s.email, s.phone,
          coalesce(array_agg(DISTINCT extract(year FROM d.received_on)::int) FILTER (WHERE d.id IS NOT NULL), '{}') AS years,
          coalesce(array_agg(DISTINCT d.kind) FILTER (WHERE d.id IS NOT NULL), '{}') AS kinds
          FROM sponsors s LEFT JOIN donations d ON d.sponsor_id = s.id
          WHERE s.public_consent GROUP BY s.id, s.name, s.kind, s.email, s.phone ORDER BY s.name, s.id`,
      );
      return rows.map((r) => ({
        ...r,
        years: (r.years ?? []).map(Number).sort((a, b) => b - a),
        kinds: r.kinds ?? [],
      }));
    },
    async forPlanInstances(db: Db, ids: readonly string[]) {
      if (!ids.length) return [];
      const rows = await queryRows<DonationRecord>(
        db,
        sql`SELECT ${DONATION} FROM donations WHERE plan_instance_ids && ${textArray(ids)}::text[] ORDER BY received_on DESC`,
      );
      return rows.map(toDonation);
    },
    async personSponsors(db: Db, emails: readonly string[], phones: readonly string[]) {
      if (!emails.length && !phones.length) return [];
      return queryRows<Record<string, unknown>>(
        db,
        sql`SELECT id, name, email, phone, address, public_consent, consent_on, created_at FROM sponsors
          WHERE kind = 'person' AND (lower(email) = ANY(${textArray(emails.map((e) => e.toLowerCase()))}::text[])
          OR phone = ANY(${textArray(phones)}::text[]))`,
      );
    },
    async forgetPersons(db: Db, ids: readonly string[]) {
      if (!ids.length) return;
      await db.execute(sql`UPDATE sponsors SET name = '—', email = NULL, phone = NULL, address = '',
        public_consent = false, search_folded = '', version = version + 1, updated_at = now()
        WHERE id = ANY(${textArray(ids)}::text[])`);
      await db.execute(
        sql`UPDATE donations SET search_folded = '' WHERE sponsor_id = ANY(${textArray(ids)}::text[])`,
      );
    },
  };
}
