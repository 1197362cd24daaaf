// The guidance library on a real database: filing a document notifies the staff of the targeted units (once),
// a repeated number is refused, search folds Vietnamese, opening records one receipt per person, only filers
// of the unit may file or edit, and edits are versioned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import {
  fileGuidance,
  type GuidanceInput,
  openGuidance,
  searchGuidance,
  updateGuidance,
} from './guidance.usecases.server.ts';

describe('guidance documents', () => {
  let ctx: TestContext;
  let office = '';
  let library = '';
  let museum = '';
  let librarianId = '';
  const input = (over: Partial<GuidanceInput> = {}): GuidanceInput => ({
    unitId: office,
    docType: 'huong_dan',
    issuer: 'Sở Văn hóa, Thể thao và Du lịch',
    numberSymbol: '1234/SVHTTDL-VP',
    issuedOn: '2026-03-15',
    title: 'Hướng dẫn tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2026',
    summary: 'Các đơn vị xây dựng kế hoạch hưởng ứng.',
    url: null,
    planInstanceIds: [],
    targetUnitIds: [],
    ...over,
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    office = await unitIdOf(ctx, 'van-phong-so');
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    museum = await unitIdOf(ctx, 'bao-tang-tinh');
    const u = await signUpAndSignIn(ctx);
    librarianId = u.userId;
    await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: library });
  }, 120_000);
  afterAll(() => ctx.close());

  it('files a document, notifies the targeted units’ staff once, and refuses the same number again', async () => {
    const officer = await actorOn(ctx, 'unit_manager', 'van-phong-so');
    const id = await fileGuidance(ctx.deps, officer, input({ targetUnitIds: [library, museum] }));
    const notes = await ctx.deps.repos.notifications.list(ctx.deps.db, librarianId);
    expect(notes.filter((n) => n.link === `/admin/guidance/${id}`)).toHaveLength(1);
    expect(notes[0]?.params.number).toBe('1234/SVHTTDL-VP');
    await expect(fileGuidance(ctx.deps, officer, input())).rejects.toMatchObject({ status: 409 });
    expect(await auditCount(ctx, 'guidance.document.create', id)).toBe(1);
  });

  it('lets only filers of the unit file; staff may read and search with folded Vietnamese', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await expect(
      fileGuidance(ctx.deps, staff, input({ unitId: library, numberSymbol: '9/HD' })),
    ).rejects.toMatchObject({ status: 403 });
    const found = await searchGuidance(ctx.deps, staff, { q: 'ngay sach VAN HOA doc' });
    expect(found.map((d) => d.numberSymbol)).toEqual(['1234/SVHTTDL-VP']);
    expect(await searchGuidance(ctx.deps, staff, { q: '1234/svhttdl' })).toHaveLength(1);
    expect(await searchGuidance(ctx.deps, staff, { docType: 'quyet_dinh' })).toHaveLength(0);
    await expect(searchGuidance(ctx.deps, { kind: 'anonymous' }, {})).rejects.toMatchObject({ status: 401 });
  });

  it('records one receipt per reader, under the targeted unit, shown to the filer', async () => {
    const [doc] = await searchGuidance(ctx.deps, await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'), {});
    const reader = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await openGuidance(ctx.deps, reader, doc?.id as string);
    await openGuidance(ctx.deps, reader, doc?.id as string);
    const view = await openGuidance(
      ctx.deps,
      await actorOn(ctx, 'unit_manager', 'van-phong-so'),
      doc?.id as string,
    );
    expect(view.canEdit).toBe(true);
    expect(view.receipts.filter((r) => r.unitId === library)).toHaveLength(1);
    expect(view.targets).toEqual([
      { id: library, name: expect.any(String), read: true },
      { id: museum, name: expect.any(String), read: false },
    ]);
  });

  it('versions edits', async () => {
    const officer = await actorOn(ctx, 'unit_manager', 'van-phong-so');
    const [doc] = await searchGuidance(ctx.deps, officer, {});
    const id = doc?.id as string;
    await updateGuidance(ctx.deps, officer, id, { ...input({ title: 'Hướng dẫn (sửa)' }), version: 1 });
    await expect(
      updateGuidance(ctx.deps, officer, id, { ...input({ title: 'Cũ' }), version: 1 }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await ctx.deps.repos.guidance.byId(ctx.deps.db, id))?.title).toBe('Hướng dẫn (sửa)');
  });
});
