// Correcting and deleting donations on a real database: versioned edits (409 on a stale form) audited with
// before/after, the receiving unit kept within the actor's units, a catalogued book donation keeping its
// books and refusing deletion (and never catalogued twice), and the totals port the plan's budget view reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { sponsorshipTotalsPort } from './index.server.ts';
import { deleteDonation, updateDonation } from './sponsorship.donation-edit.server.ts';
import {
  catalogueDonatedBooks,
  createSponsor,
  type DonationInput,
  recordDonation,
} from './sponsorship.usecases.server.ts';

describe('donation edit and delete', () => {
  let ctx: TestContext;
  let library = '';
  let museum = '';
  let sponsorId = '';
  let personId = '';
  const donation = (over: Partial<DonationInput> = {}): DonationInput => ({
    sponsorId,
    agreementId: null,
    unitId: library,
    kind: 'money',
    description: 'Kinh phí Ngày hội đọc sách',
    valueVnd: 10_000_000,
    receivedOn: '2026-04-10',
    purpose: '',
    planInstanceIds: [],
    eventId: null,
    books: [],
    ...over,
  });
  const book = { title: 'Đất rừng phương Nam', creators: ['Đoàn Giỏi'], isbn: null, year: 2019, copies: 2 };

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const base = { unitId: library, email: null, phone: null, address: '' };
    sponsorId = await createSponsor(ctx.deps, staff, {
      ...base,
      kind: 'organisation',
      name: 'Ngân hàng Biển Xanh',
      publicConsent: true,
      consentOn: '2026-01-05',
    });
    personId = await createSponsor(ctx.deps, staff, {
      ...base,
      kind: 'person',
      name: 'Trần Văn An',
      publicConsent: false,
      consentOn: null,
    });
  }, 120_000);
  afterAll(() => ctx.close());

  it('saves a correction at the loaded version, refuses a stale one, and audits before and after', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const id = await recordDonation(ctx.deps, staff, donation());
    await updateDonation(ctx.deps, staff, id, { ...donation({ valueVnd: 12_500_000 }), version: 1 });
    const saved = await ctx.deps.repos.sponsorship.donationById(ctx.deps.db, id);
    expect(saved).toMatchObject({ valueVnd: 12_500_000, version: 2 });
    await expect(
      updateDonation(ctx.deps, staff, id, { ...donation({ valueVnd: 1 }), version: 1 }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await auditCount(ctx, 'sponsorship.donation.update', id)).toBe(1);
    const audit = await ctx.dbh.query<{ before: { valueVnd: number }; after: { valueVnd: number } }>(
      "SELECT before, after FROM audit_log WHERE action = 'sponsorship.donation.update' AND entity_id = $1",
      [id],
    );
    expect([audit[0]?.before.valueVnd, audit[0]?.after.valueVnd]).toEqual([10_000_000, 12_500_000]);
    // Another unit's staff neither see it nor may move it to a unit they do not record for.
    const other = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    await expect(updateDonation(ctx.deps, other, id, { ...donation(), version: 2 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      updateDonation(ctx.deps, staff, id, { ...donation({ unitId: museum }), version: 2 }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      updateDonation(ctx.deps, staff, id, { ...donation({ kind: 'books' }), version: 2 }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('deletes a donation recorded in error at its version, audited', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const id = await recordDonation(ctx.deps, staff, donation({ description: 'Ghi nhầm' }));
    await expect(deleteDonation(ctx.deps, staff, id, { version: 7 })).rejects.toMatchObject({ status: 409 });
    await deleteDonation(ctx.deps, staff, id, { version: 1 });
    expect(await ctx.deps.repos.sponsorship.donationById(ctx.deps.db, id)).toBeUndefined();
    expect(await auditCount(ctx, 'sponsorship.donation.delete', id)).toBe(1);
  });

  it('keeps a catalogued book donation: books fixed, no delete, still catalogued once', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const books = { kind: 'books' as const, sponsorId: personId, valueVnd: 300_000, books: [book] };
    const id = await recordDonation(ctx.deps, staff, donation(books));
    const records = await catalogueDonatedBooks(ctx.deps, staff, id);
    expect(records).toHaveLength(1);
    const version = (await ctx.deps.repos.sponsorship.donationById(ctx.deps.db, id))?.version ?? 0;
    await expect(deleteDonation(ctx.deps, staff, id, { version })).rejects.toMatchObject({
      status: 409,
      messageKey: 'sponsorship.error.cataloguedNoDelete',
    });
    await expect(
      updateDonation(ctx.deps, staff, id, {
        ...donation({ ...books, books: [{ ...book, copies: 5 }] }),
        version,
      }),
    ).rejects.toMatchObject({ status: 409, messageKey: 'sponsorship.error.cataloguedBooksFixed' });
    // The value, day and purpose can still be corrected; the catalogue step stays done.
    await updateDonation(ctx.deps, staff, id, {
      ...donation({ ...books, valueVnd: 350_000, purpose: 'Tủ sách thiếu nhi' }),
      version,
    });
    const after = await ctx.deps.repos.sponsorship.donationById(ctx.deps.db, id);
    expect(after).toMatchObject({ valueVnd: 350_000, catalogueRecordIds: records });
    expect(after?.cataloguedAt).not.toBeNull();
    await expect(catalogueDonatedBooks(ctx.deps, staff, id)).rejects.toMatchObject({ status: 409 });
    expect(await ctx.deps.repos.sponsorship.donationById(ctx.deps.db, id)).toBeDefined();
  });

  it('gives the budget view totals per year, unit and source through the port, in the actor’s scope', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await recordDonation(ctx.deps, staff, donation({ receivedOn: '2025-11-02', valueVnd: 4_000_000 }));
    const all = await sponsorshipTotalsPort.totals(ctx.deps, staff, { fromYear: 2023, toYear: 2030 });
    expect(all).toMatchObject({
      total: 16_850_000,
      donations: 3,
      byYear: [
        { year: 2025, value: 4_000_000 },
        { year: 2026, value: 12_850_000 },
      ],
      byUnit: [{ unitId: library, value: 16_850_000 }],
      bySource: [
        { source: 'organisation', value: 16_500_000 },
        { source: 'person', value: 350_000 },
      ],
    });
    const y2025 = await sponsorshipTotalsPort.totals(ctx.deps, staff, {
      fromYear: 2025,
      toYear: 2025,
      unit: 'thu-vien-tinh',
    });
    expect(y2025?.total).toBe(4_000_000);
    const other = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    expect(
      (await sponsorshipTotalsPort.totals(ctx.deps, other, { fromYear: 2023, toYear: 2030 }))?.total,
    ).toBe(0);
  });
});
