// Correcting and removing a recorded donation. Edits are versioned (409 on a stale form) and audited with the
// values before and after. Once a book donation's books have become catalogue records, the donation is the
// acquisition record of those copies (their `details.donationId` points to it, and the unit's accounts
// count its value): its kind and book list are then fixed, and it cannot be deleted — a librarian corrects
// the value, day or purpose, and withdraws copies in the catalogue, but never erases where books came from.
// The books → records step itself stays once-only (`catalogued_at` is never cleared here).
import { z } from '@hono/zod-openapi';
import { authorize, authorizeEdit, can } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { staleVersion, VersionSchema } from '../../lib/versions.server.ts';
import { eventsPort } from '../events/index.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import type { DonatedBook, DonationValues } from './sponsorship.repository.server.ts';
import { DonationInputSchema, type SponsorshipDeps } from './sponsorship.usecases.server.ts';

export const DonationUpdateSchema = DonationInputSchema.extend({ version: VersionSchema }).strict();
export type DonationUpdate = z.infer<typeof DonationUpdateSchema>;
export const DonationDeleteSchema = z.strictObject({ version: VersionSchema });

type Key =
  | 'sponsorship.error.sponsor'
  | 'sponsorship.error.agreement'
  | 'sponsorship.error.planInstance'
  | 'sponsorship.error.event'
  | 'sponsorship.error.books'
  | 'sponsorship.error.cataloguedBooksFixed'
  | 'sponsorship.error.cataloguedNoDelete';
const err = (code: string, key: Key, status = 422) => new AppError(`sponsorship.${code}`, status, key);

const sameBooks = (a: readonly DonatedBook[], b: readonly DonatedBook[]) =>
  JSON.stringify(a.map((x) => [x.title, x.creators, x.isbn, x.year, x.copies])) ===
  JSON.stringify(b.map((x) => [x.title, x.creators, x.isbn, x.year, x.copies]));

async function loadForEdit(deps: SponsorshipDeps, actor: Actor, donationId: string) {
  const d = await deps.repos.sponsorship.donationById(deps.db, donationId);
  if (!d) throw notFound('sponsorship.donation');
  authorizeEdit(
    actor,
    'sponsorship.donation.create',
    d.unitId,
    can(actor, 'sponsorship.donation.read', { unitId: d.unitId }),
    'sponsorship.donation',
  );
  return d;
}

/** Corrects a donation: every field, except that a catalogued book donation keeps its kind and book list. */
export async function updateDonation(
  deps: SponsorshipDeps,
  actor: Actor,
  donationId: string,
  input: DonationUpdate,
) {
  const { version, ...rest } = input;
  const before = await loadForEdit(deps, actor, donationId);
  // The receiving unit may change only to another unit the actor records for.
  authorize(actor, 'sponsorship.donation.create', { unitId: rest.unitId });
  const v: DonationValues = { ...rest, planInstanceIds: [...new Set(rest.planInstanceIds)] };
  if (v.kind === 'books' ? v.books.length === 0 : v.books.length > 0)
    throw err('books', 'sponsorship.error.books');
  if (before.cataloguedAt && (v.kind !== 'books' || !sameBooks(before.books, v.books)))
    throw err('catalogued_books_fixed', 'sponsorship.error.cataloguedBooksFixed', 409);
  if (before.version !== version) throw staleVersion('sponsorship.donation');
  await deps.db.transaction(async (tx) => {
    const sponsor = await deps.repos.sponsorship.sponsorById(tx, v.sponsorId);
    if (!sponsor) throw err('sponsor_not_found', 'sponsorship.error.sponsor');
    if (v.agreementId) {
      const agreements = await deps.repos.sponsorship.agreementsOf(tx, v.sponsorId);
      if (!agreements.some((a) => a.id === v.agreementId))
        throw err('agreement_not_found', 'sponsorship.error.agreement');
    }
    for (const pid of v.planInstanceIds)
      if (!before.planInstanceIds.includes(pid) && !(await planInstancesPort.exists(deps, tx, pid)))
        throw err('plan_instance_not_found', 'sponsorship.error.planInstance');
    if (v.eventId && v.eventId !== before.eventId)
      if ((await eventsPort.summaries(deps, tx, [v.eventId])).length === 0)
        throw err('event_not_found', 'sponsorship.error.event');
    if (!(await deps.repos.sponsorship.updateDonation(tx, donationId, v, sponsor.name, version)))
      throw staleVersion('sponsorship.donation');
    const { id: _id, catalogueRecordIds: _r, cataloguedAt: _c, version: _v, ...was } = before;
    await deps.audit.record(tx, actor, {
      action: 'sponsorship.donation.update',
      entityType: 'donation',
      entityId: donationId,
      unitId: v.unitId,
      before: was,
      after: v,
    });
  });
}

/** Deletes a donation recorded in error; refused (409) once its books are catalogue records. */
export async function deleteDonation(
  deps: SponsorshipDeps,
  actor: Actor,
  donationId: string,
  input: z.infer<typeof DonationDeleteSchema>,
) {
  const before = await loadForEdit(deps, actor, donationId);
  if (before.cataloguedAt) throw err('catalogued_no_delete', 'sponsorship.error.cataloguedNoDelete', 409);
  if (before.version !== input.version) throw staleVersion('sponsorship.donation');
  await deps.db.transaction(async (tx) => {
    const gone = await deps.repos.sponsorship.deleteDonation(tx, donationId, input.version);
    if (gone === 'catalogued') throw err('catalogued_no_delete', 'sponsorship.error.cataloguedNoDelete', 409);
    if (gone === 'stale') throw staleVersion('sponsorship.donation');
    await deps.audit.record(tx, actor, {
      action: 'sponsorship.donation.delete',
      entityType: 'donation',
      entityId: donationId,
      unitId: before.unitId,
      before,
      after: null,
    });
  });
}
