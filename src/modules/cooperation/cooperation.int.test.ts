// International cooperation on a real database: partners and activities are unit-scoped, audited and
// versioned; search folds Vietnamese (title, partner, Vietnamese country name); activities link to section V
// plan instances both ways; documents are checked by content; the indicator counts activities by kind; the
// personal-data handler exports and forgets staff participants.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { feature } from './cooperation.module.server.ts';
import {
  type ActivityInput,
  ActivityInputSchema,
  attachActivityDocument,
  createActivity,
  createPartner,
  getActivity,
  listActivities,
  updateActivity,
} from './cooperation.usecases.server.ts';
import { cooperationLinksPort } from './index.server.ts';

describe('international cooperation', () => {
  let ctx: TestContext;
  let library = '';
  let staffUserId = '';
  let partnerId = '';
  let activityId = '';
  let instanceV = '';

  const input = (over: Partial<ActivityInput> = {}): ActivityInput => ({
    unitId: library,
    kind: 'study_visit',
    title: 'Khảo sát mô hình thư viện cộng đồng',
    country: 'JP',
    startsOn: '2026-09-10',
    endsOn: '2026-09-15',
    partnerIds: [partnerId],
    staffUserIds: [staffUserId],
    externalNames: ['Tanaka Hiroshi, giám đốc thư viện'],
    outcomes: 'Học tập cách tổ chức câu lạc bộ đọc sách cho người cao tuổi.',
    planInstanceIds: [instanceV],
    ...over,
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    const u = await signUpAndSignIn(ctx, { name: 'Lê Văn Đoàn' });
    staffUserId = u.userId;
    await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: library });
    const [row] = await ctx.dbh.query<{ id: string }>(
      `SELECT i.id FROM plan_task_instances i JOIN plan_tasks t ON t.id = i.task_id
        WHERE t.section = 'V' ORDER BY i.year LIMIT 1`,
    );
    instanceV = row?.id ?? '';
  }, 120_000);
  afterAll(() => ctx?.close());

  it('records a partner and an activity for the unit, audited, and refuses other units', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    partnerId = await createPartner(ctx.deps, staff, {
      unitId: library,
      name: 'Học viện Thư viện Tokyo',
      country: 'JP',
      website: null,
      note: '',
    });
    activityId = await createActivity(ctx.deps, staff, input());
    expect(await auditCount(ctx, 'cooperation.activity.create', activityId)).toBe(1);
    expect(await auditCount(ctx, 'cooperation.partner.create', partnerId)).toBe(1);
    const museum = await actorOn(ctx, 'unit_staff', 'bao-tang-tinh');
    await expect(createActivity(ctx.deps, museum, input())).rejects.toMatchObject({ status: 403 });
    await expect(getActivity(ctx.deps, museum, activityId)).rejects.toMatchObject({ status: 404 });
    expect(await listActivities(ctx.deps, museum, {})).toHaveLength(0);
    await expect(listActivities(ctx.deps, { kind: 'anonymous' }, {})).rejects.toMatchObject({ status: 401 });
  });

  it('validates country codes and dates, and unknown partners or participants', async () => {
    expect(ActivityInputSchema.safeParse({ ...input(), country: 'XX' }).success).toBe(false);
    expect(ActivityInputSchema.safeParse({ ...input(), endsOn: '2026-09-01' }).success).toBe(false);
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await expect(
      createActivity(ctx.deps, staff, input({ staffUserIds: ['usr_nobodynobodynobo'] })),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      createActivity(ctx.deps, staff, input({ partnerIds: ['cpar_aaaaaaaaaaaaaaaa'] })),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('finds activities with folded Vietnamese: title, partner and the Vietnamese country name', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    for (const q of ['khao sat MO HINH', 'hoc vien thu vien tokyo', 'nhat ban', 'tanaka'])
      expect((await listActivities(ctx.deps, staff, { q })).map((a) => a.id)).toEqual([activityId]);
    expect(await listActivities(ctx.deps, staff, { q: 'han quoc' })).toHaveLength(0);
    expect(await listActivities(ctx.deps, staff, { kind: 'delegation_sent' })).toHaveLength(0);
  });

  it('versions edits and links to the plan instance both ways', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await updateActivity(ctx.deps, staff, activityId, { ...input({ kind: 'delegation_sent' }), version: 1 });
    await expect(
      updateActivity(ctx.deps, staff, activityId, { ...input({ title: 'Cũ hơn' }), version: 1 }),
    ).rejects.toMatchObject({ status: 409 });
    expect(await auditCount(ctx, 'cooperation.activity.update', activityId)).toBe(1);
    const linked = await cooperationLinksPort.forPlanInstances(ctx.deps, ctx.deps.db, [instanceV]);
    expect(linked).toEqual([
      { id: activityId, title: input().title, kind: 'delegation_sent', startsOn: '2026-09-10' },
    ]);
    const view = await getActivity(ctx.deps, staff, activityId);
    expect(view.activity.planInstanceIds).toEqual([instanceV]);
    expect(view.staff).toEqual([{ userId: staffUserId, name: 'Lê Văn Đoàn' }]);
  });

  it('stores a real PDF as a document and refuses a disguised file, keeping nothing', async () => {
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    await mkdir(ctx.deps.config.dataDir, { recursive: true });
    const tmp = (name: string) => join(ctx.deps.config.dataDir, name);
    await writeFile(tmp('ok.upload'), '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const docId = await attachActivityDocument(ctx.deps, staff, activityId, {
      tempPath: tmp('ok.upload'),
      fileName: 'bien-ban-ghi-nho.pdf',
      title: 'Biên bản ghi nhớ',
    });
    expect(await auditCount(ctx, 'cooperation.document.create', docId)).toBe(1);
    await writeFile(tmp('bad.upload'), '<script>alert(1)</script> not a pdf');
    const before = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM stored_files');
    await expect(
      attachActivityDocument(ctx.deps, staff, activityId, {
        tempPath: tmp('bad.upload'),
        fileName: 'virus.pdf',
        title: '',
      }),
    ).rejects.toMatchObject({ status: 422, code: 'files.type_not_allowed' });
    const after = await ctx.dbh.query<{ n: number }>('SELECT count(*)::int AS n FROM stored_files');
    expect(after[0]?.n).toBe(before[0]?.n);
    expect((await getActivity(ctx.deps, staff, activityId)).documents.map((d) => d.title)).toEqual([
      'Biên bản ghi nhớ',
    ]);
  });

  it('counts activities for the indicators, by kind and unit', async () => {
    const source = feature.indicatorSources?.find((s) => s.key === 'cooperation.activities');
    const q = { from: new Date('2026-01-01T00:00:00+07:00'), to: new Date('2027-01-01T00:00:00+07:00') };
    expect(await source?.compute(ctx.deps, q)).toEqual([{ value: 1 }]);
    expect(await source?.compute(ctx.deps, { ...q, breakdown: 'category' })).toEqual([
      { key: 'delegation_sent', value: 1 },
    ]);
    expect(await source?.compute(ctx.deps, { ...q, breakdown: 'unit' })).toEqual([
      { key: library, value: 1 },
    ]);
    expect(
      await source?.compute(ctx.deps, { from: new Date('2025-01-01'), to: new Date('2026-01-01') }),
    ).toEqual([{ value: 0 }]);
  });

  it('exports and forgets a staff participant', async () => {
    const pd = feature.personalData;
    const subject = { userId: staffUserId, learnerIds: [], emails: [], phones: [] };
    expect((await pd?.export(ctx.deps, ctx.deps.db, subject))?.coop_activities).toHaveLength(1);
    await pd?.erase(ctx.deps, ctx.deps.db, subject);
    expect((await pd?.export(ctx.deps, ctx.deps.db, subject))?.coop_activities).toHaveLength(0);
    const staff = await actorOn(ctx, 'unit_staff', 'thu-vien-tinh');
    expect((await getActivity(ctx.deps, staff, activityId)).activity.staffUserIds).toEqual([]);
  });
});
