// Staff training on a real database: a unit registers a course with sessions, enrols its staff (only staff
// accounts of its units), takes attendance; the indicators count people and hours per session day and unit;
// records are per person and per unit; certificates are checked by content; erasure keeps the totals; edits
// are versioned and every write is audited.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../app/modules.server.ts';
import { indicatorSources } from '../../app/registries.server.ts';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { tinyPdf } from '../../test/zip.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { actorOn, auditCount, unitIdOf } from '../units/units.test-helpers.ts';
import { trainingLinksPort } from './index.server.ts';
import { personRecord, unitRecord } from './training.records.server.ts';
import {
  addParticipants,
  addSession,
  type CourseInput,
  createCourse,
  getCourse,
  listCourses,
  setAttendance,
  setCertificate,
  updateCourse,
} from './training.usecases.server.ts';

describe('staff training', () => {
  let ctx: TestContext;
  let library = '';
  let instanceId = '';
  let courseId = '';
  let s1 = '';
  let s2 = '';
  const people: string[] = [];
  const input = (over: Partial<CourseInput> = {}): CourseInput => ({
    unitId: library,
    organiserLevel: 'department',
    organiser: 'Sở Văn hóa, Thể thao và Du lịch Khánh Hòa',
    title: 'Tập huấn kỹ năng số cho người làm thư viện',
    topic: 'Chuyển đổi số, học tập suốt đời',
    startsOn: '2026-05-04',
    endsOn: '2026-05-05',
    placeId: null,
    onlineUrl: 'https://hoc.example.vn/lop-1',
    planInstanceIds: [],
    ...over,
  });
  const temp = async (name: string, body: Buffer) => {
    const dir = join(ctx.deps.config.dataDir, 'files', 'tmp');
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    await writeFile(path, body);
    return path;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    library = await unitIdOf(ctx, 'thu-vien-tinh');
    for (let i = 0; i < 2; i++) {
      const u = await signUpAndSignIn(ctx);
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role: 'unit_staff', unitId: library });
      people.push(u.userId);
    }
    const rows = await ctx.dbh.query<{ id: string }>(
      'SELECT id FROM plan_task_instances ORDER BY id LIMIT 1',
    );
    instanceId = rows[0]?.id ?? '';
  }, 120_000);
  afterAll(() => ctx.close());

  it('registers a course for its own unit only, with valid dates, linked to a plan task instance', async () => {
    const manager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    await expect(createCourse(ctx.deps, manager, input({ endsOn: '2026-05-01' }))).rejects.toMatchObject({
      status: 422,
    });
    const museum = await actorOn(ctx, 'unit_manager', 'bao-tang-tinh');
    await expect(createCourse(ctx.deps, museum, input())).rejects.toMatchObject({ status: 403 });
    courseId = await createCourse(ctx.deps, manager, input({ planInstanceIds: [instanceId] }));
    expect(await auditCount(ctx, 'training.course.create', courseId)).toBe(1);
    const linked = await trainingLinksPort.forPlanInstances(ctx.deps, ctx.deps.db, [instanceId]);
    expect(linked.map((c) => c.id)).toEqual([courseId]);
  });

  it('adds sessions within the course dates and enrols only staff accounts of its units', async () => {
    const manager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    await expect(
      addSession(ctx.deps, manager, courseId, { heldOn: '2026-05-09', title: '', hours: 4 }),
    ).rejects.toMatchObject({ status: 422 });
    s1 = await addSession(ctx.deps, manager, courseId, { heldOn: '2026-05-04', title: 'Buổi 1', hours: 4 });
    s2 = await addSession(ctx.deps, manager, courseId, { heldOn: '2026-05-05', title: 'Buổi 2', hours: 3.5 });
    await expect(
      addParticipants(ctx.deps, manager, courseId, ['usr_aaaaaaaaaaaaaaaa']),
    ).rejects.toMatchObject({
      status: 422,
    });
    expect(await addParticipants(ctx.deps, manager, courseId, people)).toEqual(people);
    expect(await addParticipants(ctx.deps, manager, courseId, people)).toEqual([]);
    await setAttendance(ctx.deps, manager, courseId, s1, people);
    await setAttendance(ctx.deps, manager, courseId, s2, [people[0] as string]);
    await expect(
      setAttendance(ctx.deps, manager, courseId, s2, ['usr_aaaaaaaaaaaaaaaa']),
    ).rejects.toMatchObject({ status: 422 });
    const view = await getCourse(ctx.deps, manager, courseId);
    expect(view.participants.find((p) => p.userId === people[0])?.hours).toBe(7.5);
    expect(view.participants.find((p) => p.userId === people[1])?.hours).toBe(4);
  });

  it('feeds the indicators: staff trained and hours, in the period of the sessions, per unit', async () => {
    const from = new Date('2026-04-30T17:00:00Z');
    const to = new Date('2026-05-31T17:00:00Z');
    const staff = indicatorSources.get('training.staff_trained');
    const hours = indicatorSources.get('training.hours');
    expect(await staff?.compute(ctx.deps, { from, to })).toEqual([{ value: 2 }]);
    expect(await hours?.compute(ctx.deps, { from, to })).toEqual([{ value: 11.5 }]);
    expect(await hours?.compute(ctx.deps, { from, to, breakdown: 'unit' })).toEqual([
      { key: library, value: 11.5 },
    ]);
    const may = { from, to: new Date('2026-05-04T17:00:00Z') };
    expect(await hours?.compute(ctx.deps, may)).toEqual([{ value: 8 }]);
    const other = await unitIdOf(ctx, 'bao-tang-tinh');
    expect(await staff?.compute(ctx.deps, { from, to, unitIds: [other] })).toEqual([{ value: 0 }]);
  });

  it('shows a person their record, the unit its record, and hides them from other units', async () => {
    const me = { ...(await actorOn(ctx, 'unit_staff', 'thu-vien-tinh')), userId: people[0] as string };
    const mine = await personRecord(ctx.deps, me, people[0] as string);
    expect(mine.totalHours).toBe(7.5);
    const museum = await actorOn(ctx, 'unit_manager', 'bao-tang-tinh');
    await expect(personRecord(ctx.deps, museum, people[0] as string)).rejects.toMatchObject({ status: 404 });
    const unit = await unitRecord(
      ctx.deps,
      await actorOn(ctx, 'unit_manager', 'thu-vien-tinh'),
      library,
      2026,
    );
    expect(unit.people.map((p) => p.hours)).toEqual([7.5, 4]);
    await expect(unitRecord(ctx.deps, museum, library, 2026)).rejects.toMatchObject({ status: 403 });
    const found = await listCourses(ctx.deps, me, { q: 'KY NANG so thu vien' });
    expect(found.map((c) => c.id)).toEqual([courseId]);
    expect(await listCourses(ctx.deps, museum, {})).toEqual([]);
  });

  it('stores a certificate checked by content, and refuses a program named .pdf', async () => {
    const manager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    const user = people[0] as string;
    const bad = await temp('bad.upload', Buffer.from('MZ\x90\x00not a pdf at all'));
    await expect(
      setCertificate(ctx.deps, manager, courseId, {
        tempPath: bad,
        fileName: 'cn.pdf',
        userId: user,
        certificateNo: '',
      }),
    ).rejects.toMatchObject({ status: 422 });
    const good = await temp('good.upload', tinyPdf());
    await setCertificate(ctx.deps, manager, courseId, {
      tempPath: good,
      fileName: 'Giấy chứng nhận.pdf',
      userId: user,
      certificateNo: 'CN-12/2026',
    });
    const view = await getCourse(ctx.deps, manager, courseId);
    expect(view.participants.find((p) => p.userId === user)?.certificateNo).toBe('CN-12/2026');
    expect(await auditCount(ctx, 'training.certificate.set', courseId)).toBe(1);
  });

  it('versions edits of a course', async () => {
    const manager = await actorOn(ctx, 'unit_manager', 'thu-vien-tinh');
    await updateCourse(ctx.deps, manager, courseId, { ...input({ title: 'Kỹ năng số (sửa)' }), version: 1 });
    await expect(
      updateCourse(ctx.deps, manager, courseId, { ...input({ title: 'Cũ' }), version: 1 }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('exports and erases a person’s training data; the totals stay the same', async () => {
    const feature = modules.find((m) => m.name === 'training');
    const subject = { userId: people[0] as string, learnerIds: [], emails: [], phones: [] };
    const exported = await feature?.personalData?.export(ctx.deps, ctx.deps.db, subject);
    expect(exported?.training_participants).toHaveLength(1);
    await feature?.personalData?.erase(ctx.deps, ctx.deps.db, subject);
    expect(await ctx.deps.repos.training.recordOf(ctx.deps.db, people[0] as string)).toEqual([]);
    const from = new Date('2026-04-30T17:00:00Z');
    const to = new Date('2026-05-31T17:00:00Z');
    expect(await indicatorSources.get('training.staff_trained')?.compute(ctx.deps, { from, to })).toEqual([
      { value: 2 },
    ]);
    expect(await indicatorSources.get('training.hours')?.compute(ctx.deps, { from, to })).toEqual([
      { value: 11.5 },
    ]);
  });
});
