// Nomination evidence files on a real database and through the pages: a PDF is stored private after the
// files module checks its content (a program named .pdf is refused), listed on the nomination, downloaded by
// staff who may read it (another unit's staff and anonymous visitors get nothing), removed while the
// nomination is open, and refused once it is decided. Every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { tinyPdf } from '../../test/zip.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { listEvidence } from './commendations.evidence.server.ts';
import { createNomination, decideNomination } from './commendations.usecases.server.ts';

describe('nomination evidence files', () => {
  let ctx: TestContext;
  let library = '';
  let nominationId = '';
  const cookies: Record<string, string> = {};
  const get = (path: string, who?: string) =>
    ctx.request(path, { headers: who ? { cookie: cookies[who] ?? '' } : {}, redirect: 'manual' });
  const upload = (who: string, name: string, body: Buffer, caption = '') => {
    const form = new FormData();
    form.set('caption', caption);
    form.set('file', new Blob([new Uint8Array(body)]), name);
    return ctx.request(`/admin/commendations/${nominationId}/evidence`, {
      method: 'POST',
      headers: { cookie: cookies[who] ?? '' },
      body: form,
      redirect: 'manual',
    });
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    for (const [who, code] of [
      ['staff', 'thu-vien-tinh'],
      ['museum', 'bao-tang-tinh'],
    ] as const) {
      const u = await signUpAndSignIn(ctx, { name: `Cán bộ ${who}` });
      await grantRoleAsSystem(ctx.deps, {
        userId: u.userId,
        role: 'unit_staff',
        unitId: await unitIdOf(ctx, code),
      });
      cookies[who] = u.cookie;
    }
    nominationId = await createNomination(ctx.deps, await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'), {
      unitId: library,
      nomineeKind: 'collective',
      nomineeName: 'Tổ Thư viện lưu động',
      nomineeUnitId: library,
      category: 'model',
      title: 'Mô hình "Xe sách đến trường"',
      achievements: 'Phục vụ 40 trường tiểu học vùng sâu.',
      evidenceUrls: [],
      planInstanceIds: [],
    });
  }, 180_000);
  afterAll(() => ctx?.close());

  it('stores a PDF checked by content and refuses a program named .pdf', async () => {
    const bad = await upload('staff', 'bao-cao.pdf', Buffer.from('MZ\x90\x00not a pdf at all'));
    expect(bad.status).toBe(422);
    const ok = await upload('staff', 'Báo cáo thành tích.pdf', tinyPdf(), 'Báo cáo thành tích năm 2026');
    expect(ok.status).toBe(303);
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const files = await listEvidence(ctx.deps, staff, nominationId);
    expect(files.map((f) => [f.fileName, f.caption])).toEqual([
      ['Báo cáo thành tích.pdf', 'Báo cáo thành tích năm 2026'],
    ]);
    expect(await auditCount(ctx, 'commendations.evidence.add', nominationId)).toBe(1);
    const stored = await ctx.dbh.query<{ visibility: string }>(
      'SELECT visibility FROM stored_files WHERE id = $1',
      [files[0]?.fileId],
    );
    expect(stored[0]?.visibility).toBe('private');
  });

  it('lets only staff who may read the nomination download the file', async () => {
    const html = await (await get(`/admin/commendations/${nominationId}`, 'staff')).text();
    const link = new RegExp(`/admin/commendations/${nominationId}/evidence/cev_[a-z2-9]{16}`).exec(html)?.[0];
    expect(link).toBeDefined();
    const res = await get(link ?? '', 'staff');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get(link ?? '', 'museum')).status).toBe(404);
    expect((await get(link ?? '')).status).toBe(401);
    expect((await upload('museum', 'x.pdf', tinyPdf())).status).toBe(404);
  });

  it('removes a file while open and refuses new files once decided', async () => {
    const extra = await upload('staff', 'anh.pdf', tinyPdf());
    expect(extra.status).toBe(303);
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    const files = await listEvidence(ctx.deps, staff, nominationId);
    const removed = await ctx.request(`/admin/commendations/${nominationId}/evidence`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.staff ?? '' },
      body: new URLSearchParams({ intent: 'remove', evidenceId: files[1]?.id ?? '' }).toString(),
      redirect: 'manual',
    });
    expect(removed.status).toBe(303);
    expect(await listEvidence(ctx.deps, staff, nominationId)).toHaveLength(1);
    expect(await auditCount(ctx, 'commendations.evidence.remove', nominationId)).toBe(1);
    const officer = await actorOn(ctx, 'department_officer', 'so-vhttdl');
    await decideNomination(ctx.deps, officer, nominationId, { step: 'review', version: 1, note: '' });
    await decideNomination(ctx.deps, officer, nominationId, {
      step: 'decide',
      version: 2,
      note: '',
      decisionNumber: '125/QĐ-SVHTTDL',
      decisionDate: '2026-11-20',
      level: 'department',
    });
    expect((await upload('staff', 'muon.pdf', tinyPdf())).status).toBe(409);
  });
});
