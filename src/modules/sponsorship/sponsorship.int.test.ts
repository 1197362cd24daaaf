// Sponsorship on a real database: sponsors with consent (and its day), donations of money and books for a plan
// task or an event, donated books made catalogue records in one step (once, with copies, by staff who may
// catalogue), the public list only of consenting sponsors, totals per unit/kind/source as indicators, the
// acknowledgement letter as a real DOCX, versioned sponsor edits, and erasure of a person sponsor.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../app/modules.server.ts';
import { indicatorSources } from '../../app/registries.server.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { catalogueRecordsPort } from '../catalogue/index.server.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { sponsorshipLinksPort } from './index.server.ts';
import { acknowledgementLetter } from './sponsorship.letter.server.ts';
import {
  catalogueDonatedBooks,
  createSponsor,
  type DonationInput,
  listDonations,
  listSponsors,
  publicSponsors,
  recordDonation,
  type SponsorInput,
  updateSponsor,
} from './sponsorship.usecases.server.ts';

describe('sponsorship and donations', () => {
  let ctx: TestContext;
  let library = '';
  let museum = '';
  let instanceId = '';
  let eventId = '';
  let company = '';
  let person = '';
  let books = '';
  const sponsor = (over: Partial<SponsorInput> = {}): SponsorInput => ({
    unitId: library,
    kind: 'organisation',
    name: 'Công ty Cổ phần Sách Nha Trang',
    email: null,
    phone: null,
    address: '',
    publicConsent: true,
    consentOn: '2026-03-01',
    ...over,
  });
  const donation = (over: Partial<DonationInput> = {}): DonationInput => ({
    sponsorId: company,
    agreementId: null,
    unitId: library,
    kind: 'money',
    description: 'Kinh phí tổ chức Ngày Sách',
    valueVnd: 15_000_000,
    receivedOn: '2026-04-10',
    purpose: 'Ngày Sách và Văn hóa đọc',
    planInstanceIds: [],
    eventId: null,
    books: [],
    ...over,
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    const rows = await ctx.dbh.query<{ id: string }>(
      'SELECT id FROM plan_task_instances ORDER BY id LIMIT 1',
    );
    instanceId = rows[0]?.id ?? '';
    const manager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    const place = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
    eventId = await createEvent(ctx.deps, manager, eventInput(library, place));
  }, 120_000);
  afterAll(() => ctx.close());

  it('registers sponsors; public consent needs its day; only the sponsor’s unit sees contacts', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await expect(createSponsor(ctx.deps, staff, sponsor({ consentOn: null }))).rejects.toMatchObject({
      status: 422,
    });
    company = await createSponsor(ctx.deps, staff, sponsor());
    person = await createSponsor(
      ctx.deps,
      staff,
      sponsor({
        kind: 'person',
        name: 'Nguyễn Thị Hoa',
        email: 'Hoa@Example.vn',
        phone: '+84912345678',
        publicConsent: false,
        consentOn: null,
      }),
    );
    expect(await auditCount(ctx, 'sponsorship.sponsor.create', company)).toBe(1);
    const other = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    const seen = await listSponsors(ctx.deps, other, 'nguyen thi HOA');
    expect(seen.map((s) => [s.id, s.email])).toEqual([[person, null]]);
    const mine = await listSponsors(ctx.deps, staff, 'hoa');
    expect(mine[0]?.email).toBe('hoa@example.vn');
    await expect(createSponsor(ctx.deps, other, sponsor())).rejects.toMatchObject({ status: 403 });
  });

  it('lists only consenting sponsors on the public page', async () => {
    const names = (await publicSponsors(ctx.deps)).map((s) => s.name);
    expect(names).toEqual(['Công ty Cổ phần Sách Nha Trang']);
  });

  it('records donations for the receiving unit, linked to a plan task and an event', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const money = await recordDonation(ctx.deps, staff, donation({ planInstanceIds: [instanceId], eventId }));
    await expect(recordDonation(ctx.deps, staff, donation({ unitId: museum }))).rejects.toMatchObject({
      status: 403,
    });
    await expect(recordDonation(ctx.deps, staff, donation({ kind: 'books' }))).rejects.toMatchObject({
      status: 422,
    });
    await expect(
      recordDonation(ctx.deps, staff, donation({ eventId: 'evt_aaaaaaaaaaaaaaaa' })),
    ).rejects.toMatchObject({ status: 422 });
    books = await recordDonation(
      ctx.deps,
      staff,
      donation({
        sponsorId: person,
        kind: 'books',
        description: 'Tủ sách thiếu nhi',
        valueVnd: 2_400_000,
        books: [
          { title: 'Dế Mèn phiêu lưu ký', creators: ['Tô Hoài'], isbn: null, year: 2020, copies: 3 },
          {
            title: 'Tuổi thơ dữ dội',
            creators: ['Phùng Quán'],
            isbn: '978-604-2-12345-6',
            year: null,
            copies: 1,
          },
        ],
      }),
    );
    expect(
      (await sponsorshipLinksPort.forPlanInstances(ctx.deps, ctx.deps.db, [instanceId])).map((d) => d.id),
    ).toEqual([money]);
    const found = await listDonations(ctx.deps, staff, { q: 'KINH phi ngay sach' });
    expect(found.map((d) => d.id)).toEqual([money]);
    expect(await listDonations(ctx.deps, await actorOn(ctx, 'unit_staff', 'bao-tang-tinh'), {})).toEqual([]);
  });

  it('turns donated books into catalogue records with their copies, once', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const ids = await catalogueDonatedBooks(ctx.deps, staff, books);
    expect(ids).toHaveLength(2);
    const summaries = await catalogueRecordsPort.summaries(ctx.deps, ctx.deps.db, ids);
    expect(summaries.map((s) => s.title).sort()).toEqual(['Dế Mèn phiêu lưu ký', 'Tuổi thơ dữ dội']);
    const copies = await ctx.dbh.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM catalogue_holdings WHERE record_id = ANY($1)',
      [ids],
    );
    expect(copies[0]?.n).toBe(4);
    await expect(catalogueDonatedBooks(ctx.deps, staff, books)).rejects.toMatchObject({ status: 409 });
    expect(await auditCount(ctx, 'catalogue.record.create', ids[0] as string)).toBe(1);
    expect(await auditCount(ctx, 'sponsorship.donation.catalogue', books)).toBe(1);
  });

  it('feeds totals per unit, kind and source to the indicators', async () => {
    const from = new Date('2025-12-31T17:00:00Z');
    const to = new Date('2026-12-31T17:00:00Z');
    const value = indicatorSources.get('sponsorship.value_vnd');
    expect(await value?.compute(ctx.deps, { from, to })).toEqual([{ value: 17_400_000 }]);
    expect(await value?.compute(ctx.deps, { from, to, breakdown: 'category' })).toEqual([
      { key: 'books', value: 2_400_000 },
      { key: 'money', value: 15_000_000 },
    ]);
    expect(
      await indicatorSources
        .get('sponsorship.value_vnd_by_source')
        ?.compute(ctx.deps, { from, to, breakdown: 'category' }),
    ).toEqual([
      { key: 'organisation', value: 15_000_000 },
      { key: 'person', value: 2_400_000 },
    ]);
    expect(await value?.compute(ctx.deps, { from, to, unitIds: [museum] })).toEqual([{ value: 0 }]);
    expect(await indicatorSources.get('sponsorship.donations')?.compute(ctx.deps, { from, to })).toEqual([
      { value: 2 },
    ]);
  });

  it('writes the acknowledgement letter as a DOCX naming the sponsor and the value', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const letter = await acknowledgementLetter(ctx.deps, staff, books);
    const zip = await JSZip.loadAsync(letter.body);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('THƯ CẢM ƠN');
    expect(xml).toContain('Nguyễn Thị Hoa');
    expect(xml).toContain('2.400.000');
    const other = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    await expect(acknowledgementLetter(ctx.deps, other, books)).rejects.toMatchObject({ status: 404 });
  });

  it('versions sponsor edits, and erases a person sponsor while the donations keep counting', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await updateSponsor(ctx.deps, staff, company, {
      ...sponsor({ publicConsent: false, consentOn: null }),
      version: 1,
    });
    await expect(updateSponsor(ctx.deps, staff, company, { ...sponsor(), version: 1 })).rejects.toMatchObject(
      {
        status: 409,
      },
    );
    expect(await publicSponsors(ctx.deps)).toEqual([]);
    const feature = modules.find((m) => m.name === 'sponsorship');
    const subject = { userId: null, learnerIds: [], emails: ['hoa@example.vn'], phones: [] };
    expect((await feature?.personalData?.export(ctx.deps, ctx.deps.db, subject))?.sponsors).toHaveLength(1);
    await feature?.personalData?.erase(ctx.deps, ctx.deps.db, subject);
    expect((await ctx.deps.repos.sponsorship.sponsorById(ctx.deps.db, person))?.name).toBe('—');
    const from = new Date('2025-12-31T17:00:00Z');
    const to = new Date('2026-12-31T17:00:00Z');
    expect(await indicatorSources.get('sponsorship.value_vnd')?.compute(ctx.deps, { from, to })).toEqual([
      { value: 17_400_000 },
    ]);
  });
});
