// Sponsorship and donations (xã hội hóa): a shared register of sponsors (organisations or people, with the
// day they agreed to be thanked in public), their agreements/projects, and the donations units receive —
// money, books or equipment valued in VND, for a purpose (a plan task instance, an event). Donated books are
// turned into catalogue records in one step (the catalogue's write port). Sponsor edits are versioned; all
// writes are audited.
import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, authorizeEdit, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { calendarDay, DAY_RANGES } from '../../lib/date-fields.server.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { MAX_VND_AMOUNT } from '../../lib/money.ts';
import { multiLineText, singleLineText } from '../../lib/text.server.ts';
import { checkVersion, staleVersion, VersionSchema } from '../../lib/versions.server.ts';
import { catalogueCreatePort } from '../catalogue/index.server.ts';
import { eventsPort } from '../events/index.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import { processingRestrictions } from '../privacy/index.server.ts';
import type { DonationValues, SponsorValues } from './sponsorship.repository.server.ts';
import { DONATION_KINDS, SPONSOR_KINDS } from './sponsorship.vocab.ts';

export type SponsorshipDeps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now'>;

const id = z.string().regex(/^[a-z]{2,5}_[a-z2-9]{16}$/);
const vnd = z.number().int().min(0).max(MAX_VND_AMOUNT);

export const SponsorInputSchema = z.strictObject({
  unitId: id,
  kind: z.enum(SPONSOR_KINDS),
  name: singleLineText({ min: 2, max: 300 }),
  email: z.string().max(254).email().nullable().default(null),
  phone: z
    .string()
    .regex(/^\+?[0-9]{8,15}$/)
    .nullable()
    .default(null),
  address: singleLineText({ max: 500 }).default(''),
  publicConsent: z.boolean().default(false),
  consentOn: calendarDay(DAY_RANGES.history).nullable().default(null),
});
export type SponsorInput = z.infer<typeof SponsorInputSchema>;
export const SponsorUpdateSchema = SponsorInputSchema.extend({ version: VersionSchema }).strict();

export const AgreementInputSchema = z.strictObject({
  title: singleLineText({ min: 3, max: 500 }),
  unitId: id,
  signedOn: calendarDay(DAY_RANGES.history),
  endsOn: calendarDay(DAY_RANGES.history).nullable().default(null),
  valueVnd: vnd.nullable().default(null),
});

export const BookSchema = z.strictObject({
  title: singleLineText({ min: 1, max: 500 }),
  creators: z
    .array(singleLineText({ min: 1, max: 300 }))
    .max(10)
    .default([]),
  isbn: z
    .string()
    .regex(/^[0-9Xx-]{10,17}$/)
    .nullable()
    .default(null),
  year: z.number().int().min(1000).max(2100).nullable().default(null),
  copies: z.number().int().min(1).max(500).default(1),
});

export const DonationInputSchema = z.strictObject({
  sponsorId: id,
  agreementId: id.nullable().default(null),
  unitId: id,
  kind: z.enum(DONATION_KINDS),
  description: multiLineText({ min: 2, max: 2000 }),
  valueVnd: vnd,
  receivedOn: calendarDay(DAY_RANGES.history),
  purpose: singleLineText({ max: 500 }).default(''),
  planInstanceIds: z.array(id).max(20).default([]),
  eventId: id.nullable().default(null),
  books: z.array(BookSchema).max(500).default([]),
});
export type DonationInput = z.infer<typeof DonationInputSchema>;

export const DonationQuerySchema = z.strictObject({
  q: singleLineText({ max: 200 }).optional(),
  kind: z.enum(DONATION_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type DonationQuery = z.infer<typeof DonationQuerySchema>;

type ErrKey =
  | 'sponsorship.error.consentDay'
  | 'sponsorship.error.sponsor'
  | 'sponsorship.error.agreement'
  | 'sponsorship.error.planInstance'
  | 'sponsorship.error.event'
  | 'sponsorship.error.books'
  | 'sponsorship.error.catalogued';
const err = (code: string, key: ErrKey, status = 422) => new AppError(`sponsorship.${code}`, status, key);

const sponsorValues = (i: SponsorInput): SponsorValues => {
  if (i.publicConsent && !i.consentOn) throw err('consent_day', 'sponsorship.error.consentDay');
  return { ...i, email: i.email?.toLowerCase() ?? null };
};

export async function createSponsor(
  deps: SponsorshipDeps,
  actor: Actor,
  input: SponsorInput,
): Promise<string> {
  authorize(actor, 'sponsorship.sponsor.update', { unitId: input.unitId });
  const v = sponsorValues(input);
  return deps.db.transaction(async (tx) => {
    const sid = await deps.repos.sponsorship.insertSponsor(
      tx,
      v,
      actor.kind === 'user' ? actor.userId : null,
    );
    await deps.audit.record(tx, actor, {
      action: 'sponsorship.sponsor.create',
      entityType: 'sponsor',
      entityId: sid,
      unitId: v.unitId,
      before: null,
      after: v,
    });
    return sid;
  });
}

export async function updateSponsor(
  deps: SponsorshipDeps,
  actor: Actor,
  sponsorId: string,
  input: z.infer<typeof SponsorUpdateSchema>,
) {
  const { version, ...rest } = input;
  const v = sponsorValues(rest);
  const before = await deps.repos.sponsorship.sponsorById(deps.db, sponsorId);
  if (!before) throw notFound('sponsorship.sponsor');
  authorizeEdit(
    actor,
    'sponsorship.sponsor.update',
    before.unitId,
    can(actor, 'sponsorship.sponsor.list'),
    'sponsor',
  );
  authorize(actor, 'sponsorship.sponsor.update', { unitId: v.unitId });
  checkVersion('sponsorship.sponsor', before.version, version);
  await deps.db.transaction(async (tx) => {
    if (!(await deps.repos.sponsorship.updateSponsor(tx, sponsorId, v, version)))
      throw staleVersion('sponsorship.sponsor');
    await deps.audit.record(tx, actor, {
      action: 'sponsorship.sponsor.update',
      entityType: 'sponsor',
      entityId: sponsorId,
      unitId: v.unitId,
      before,
      after: v,
    });
  });
}

export async function addAgreement(
  deps: SponsorshipDeps,
  actor: Actor,
  sponsorId: string,
  input: z.infer<typeof AgreementInputSchema>,
) {
  authorize(actor, 'sponsorship.donation.create', { unitId: input.unitId });
  const sponsor = await deps.repos.sponsorship.sponsorById(deps.db, sponsorId);
  if (!sponsor) throw notFound('sponsorship.sponsor');
  return deps.db.transaction(async (tx) => {
    const aid = await deps.repos.sponsorship.insertAgreement(tx, { ...input, sponsorId });
    await deps.audit.record(tx, actor, {
      action: 'sponsorship.agreement.create',
      entityType: 'sponsorship_agreement',
      entityId: aid,
      unitId: input.unitId,
      before: null,
      after: { ...input, sponsorId },
    });
    return aid;
  });
}

export async function recordDonation(
  deps: SponsorshipDeps,
  actor: Actor,
  input: DonationInput,
): Promise<string> {
  authorize(actor, 'sponsorship.donation.create', { unitId: input.unitId });
  const v: DonationValues = { ...input, planInstanceIds: [...new Set(input.planInstanceIds)] };
  if (v.kind === 'books' ? v.books.length === 0 : v.books.length > 0)
    throw err('books', 'sponsorship.error.books');
  return deps.db.transaction(async (tx) => {
    const sponsor = await deps.repos.sponsorship.sponsorById(tx, v.sponsorId);
    if (!sponsor) throw err('sponsor_not_found', 'sponsorship.error.sponsor');
    if (v.agreementId) {
      const agreements = await deps.repos.sponsorship.agreementsOf(tx, v.sponsorId);
      if (!agreements.some((a) => a.id === v.agreementId))
        throw err('agreement_not_found', 'sponsorship.error.agreement');
    }
    for (const pid of v.planInstanceIds)
      if (!(await planInstancesPort.exists(deps, tx, pid)))
        throw err('plan_instance_not_found', 'sponsorship.error.planInstance');
    if (v.eventId && (await eventsPort.summaries(deps, tx, [v.eventId])).length === 0)
      throw err('event_not_found', 'sponsorship.error.event');
    const did = await deps.repos.sponsorship.insertDonation(
      tx,
      v,
      sponsor.name,
      actor.kind === 'user' ? actor.userId : null,
    );
    await deps.audit.record(tx, actor, {
      action: 'sponsorship.donation.create',
      entityType: 'donation',
      entityId: did,
      unitId: v.unitId,
      before: null,
      after: v,
    });
    return did;
  });
}

/** Turns the donation's books into catalogue records of the receiving unit (one copy per book given), once. */
export async function catalogueDonatedBooks(deps: SponsorshipDeps, actor: Actor, donationId: string) {
  const d = await deps.repos.sponsorship.donationById(deps.db, donationId);
  if (!d) throw notFound('sponsorship.donation');
  authorizeEdit(
    actor,
    'sponsorship.donation.create',
    d.unitId,
    can(actor, 'sponsorship.donation.read', { unitId: d.unitId }),
    'sponsorship.donation',
  );
  if (d.kind !== 'books' || d.books.length === 0) throw err('books', 'sponsorship.error.books');
  if (d.cataloguedAt) throw err('already_catalogued', 'sponsorship.error.catalogued', 409);
  return deps.db.transaction(async (tx) => {
    const ids = await catalogueCreatePort.createRecords(
      deps,
      tx,
      actor,
      d.books.map((b) => ({
        type: 'book' as const,
        title: b.title,
        creators: b.creators,
        subjects: [],
        year: b.year ?? undefined,
        isbn: b.isbn ?? undefined,
        unitId: d.unitId,
        published: true,
        details: { acquisition: 'donation', donationId: d.id },
        holdings: Array.from({ length: b.copies }, () => ({ availability: 'available' as const })),
      })),
    );
    if (!(await deps.repos.sponsorship.markCatalogued(tx, d.id, ids)))
      throw err('already_catalogued', 'sponsorship.error.catalogued', 409);
    await deps.audit.record(tx, actor, {
      action: 'sponsorship.donation.catalogue',
      entityType: 'donation',
      entityId: d.id,
      unitId: d.unitId,
      before: null,
      after: { catalogueRecordIds: ids },
    });
    return ids;
  });
}

export async function listSponsors(deps: SponsorshipDeps, actor: Actor, q: string | undefined) {
  authorize(actor, 'sponsorship.sponsor.list');
  return (await deps.repos.sponsorship.listSponsors(deps.db, q)).map((s) => {
    const mine = can(actor, 'sponsorship.sponsor.update', { unitId: s.unitId });
    return {
      ...s,
      email: mine ? s.email : null,
      phone: mine ? s.phone : null,
      address: mine ? s.address : '',
    };
  });
}

const readableUnits = async (deps: SponsorshipDeps, actor: Actor) =>
  (await deps.repos.units.all(deps.db)).filter((u) =>
    can(actor, 'sponsorship.donation.read', { unitId: u.id }),
  );

export async function listDonations(
  deps: SponsorshipDeps,
  actor: Actor,
  q: DonationQuery & { sponsorId?: string },
) {
  authorize(actor, 'sponsorship.sponsor.list');
  const units = await readableUnits(deps, actor);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows = await deps.repos.sponsorship.listDonations(deps.db, { ...q, unitIds: units.map((u) => u.id) });
  const sponsors = new Map<string, string>();
  for (const r of rows)
    if (!sponsors.has(r.sponsorId))
      sponsors.set(r.sponsorId, (await deps.repos.sponsorship.sponsorById(deps.db, r.sponsorId))?.name ?? '');
  return rows.map((r) => ({
    ...r,
    unitName: names.get(r.unitId) ?? '',
    sponsorName: sponsors.get(r.sponsorId) ?? '',
  }));
}

/** Totals of a year over the readable units: per unit, per donation kind, per source (sponsor kind). */
export async function donationTotals(deps: SponsorshipDeps, actor: Actor, year: number) {
  authorize(actor, 'sponsorship.sponsor.list');
  const units = await readableUnits(deps, actor);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const q = {
    what: 'value' as const,
    from: `${year}-01-01`,
    to: `${year + 1}-01-01`,
    unitIds: units.map((u) => u.id),
  };
  const [byUnit, byKind, bySource] = await Promise.all(
    (['unit', 'kind', 'source'] as const).map((by) => deps.repos.sponsorship.totals(deps.db, { ...q, by })),
  );
  return {
    byUnit: (byUnit ?? []).map((r) => ({ ...r, name: names.get(r.key ?? '') ?? '' })),
    byKind: byKind ?? [],
    bySource: bySource ?? [],
    total: (byKind ?? []).reduce((s, r) => s + r.value, 0),
  };
}

export async function getSponsor(deps: SponsorshipDeps, actor: Actor, sponsorId: string) {
  authorize(actor, 'sponsorship.sponsor.list');
  const s = await deps.repos.sponsorship.sponsorById(deps.db, sponsorId);
  if (!s) throw notFound('sponsorship.sponsor');
  const canEdit = can(actor, 'sponsorship.sponsor.update', { unitId: s.unitId });
  return {
    sponsor: canEdit ? s : { ...s, email: null, phone: null, address: '' },
    canEdit,
    agreements: await deps.repos.sponsorship.agreementsOf(deps.db, sponsorId),
    donations: await listDonations(deps, actor, { sponsorId }),
  };
}

export async function getDonation(deps: SponsorshipDeps, actor: Actor, donationId: string) {
  const d = await deps.repos.sponsorship.donationById(deps.db, donationId);
  if (!d || !can(actor, 'sponsorship.donation.read', { unitId: d.unitId })) {
    if (actor.kind !== 'user') authorize(actor, 'sponsorship.donation.read', {});
    throw notFound('sponsorship.donation');
  }
  const sponsor = await deps.repos.sponsorship.sponsorById(deps.db, d.sponsorId);
  const unit = (await deps.repos.units.all(deps.db)).find((u) => u.id === d.unitId);
  const event = d.eventId ? (await eventsPort.summaries(deps, deps.db, [d.eventId]))[0] : undefined;
  return {
    donation: d,
    sponsorName: sponsor?.name ?? '',
    sponsorKind: sponsor?.kind ?? 'organisation',
    unitName: unit?.name ?? '',
    eventTitle: event?.title ?? null,
    canEdit: can(actor, 'sponsorship.donation.create', { unitId: d.unitId }),
    canCatalogue: can(actor, 'catalogue.record.create', { unitId: d.unitId }),
  };
}

/** The public thank-you list: only sponsors who consented (and the day they did is on record). */
/**
 * The public thank-you list: sponsors who consented, less people under a restriction or objection in force
 * (matched by their e-mail or phone); contacts never leave this function.
 */
export async function publicSponsors(deps: SponsorshipDeps & Pick<AppDeps, 'config'>) {
  const rows = await deps.repos.sponsorship.publicSponsors(deps.db);
  const people = rows.filter((r) => r.kind === 'person');
  const restricted = await processingRestrictions.check(deps, people);
  return rows.filter((r) => r.kind !== 'person' || !restricted(r)).map(({ email: _e, phone: _p, ...r }) => r);
}
