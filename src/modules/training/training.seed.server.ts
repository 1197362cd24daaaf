// Demo mode only: one staff training course of the Ministry with two sessions, the library's staff enrolled
// and attending, so the training register, the per-person record and the "staff trained" and "training hours"
// indicators show something on first start. Written through the use cases, as the demo library manager.
import type { AppDeps } from '../../app/deps.types.ts';
import { yearInVietnam } from '../../lib/dates.ts';
import { demoActor } from '../plan/plan.demo-actor.server.ts';
import { addParticipants, addSession, createCourse, setAttendance } from './training.usecases.server.ts';

export async function seedDemoTraining(deps: AppDeps): Promise<void> {
  try {
    const manager = await demoActor(deps, 'thuvien.giamdoc@demo.suotdoi.vn');
    const staff = await demoActor(deps, 'thuvien.nhanvien@demo.suotdoi.vn');
    const library = (await deps.repos.units.byCode(deps.db, 'thu-vien-tinh'))?.id;
    if (!manager || !staff || !library) return;
    const year = yearInVietnam(deps.now());
    const courseId = await createCourse(deps, manager, {
      unitId: library,
      organiserLevel: 'ministry',
      organiser: 'Bộ Văn hóa, Thể thao và Du lịch',
      title: 'Tập huấn kỹ năng phục vụ học tập suốt đời trong thư viện số (demo)',
      topic: 'Chuyển đổi số, dịch vụ thư viện',
      startsOn: `${year}-03-16`,
      endsOn: `${year}-03-17`,
      placeId: null,
      onlineUrl: 'https://taphuan.example.vn/thu-vien-so',
      planInstanceIds: [],
    });
    const first = await addSession(deps, manager, courseId, {
      heldOn: `${year}-03-16`,
      title: 'Buổi 1',
      hours: 4,
    });
    const second = await addSession(deps, manager, courseId, {
      heldOn: `${year}-03-17`,
      title: 'Buổi 2',
      hours: 3.5,
    });
    await addParticipants(deps, manager, courseId, [manager.userId, staff.userId]);
    await setAttendance(deps, manager, courseId, first, [manager.userId, staff.userId]);
    await setAttendance(deps, manager, courseId, second, [staff.userId]);
  } catch (e) {
    // Demo data is a convenience: a failure here must not stop the server from starting.
    deps.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'demo training not seeded');
  }
}
