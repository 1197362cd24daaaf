// Demo events (demo mode only, marked "[Demo]" in the organiser contact): about twenty events in 2026–2027 around
// the commemorative days — 21/4, 23/4, 18/5, the Lifelong-Learning Week 1–7/10, 10/10, 23/11 — plus weekly
// class series with skipped days. Written with the repositories in one transaction (bulk demo data), audited
// as the system.

import type { AppDeps } from '../../app/deps.types.ts';
import { ANONYMOUS } from '../../lib/authz.ts';
import { TIME_ZONE } from '../../lib/dates.ts';
import { placesPort } from '../places/index.server.ts';
import { planInstancesPort } from '../plan/index.server.ts';
import type { EventAudience, EventCategory, RegistrationMode } from './events.model.server.ts';
import { generateSessions, type WeeklyRule } from './events.schedule.ts';

interface DemoEvent {
  unit: 'thu-vien-tinh' | 'bao-tang-tinh' | 'ttvh-dien-anh';
  title: string;
  description: string;
  category: EventCategory;
  audience: EventAudience[];
  day: string;
  start: string;
  end: string;
  weekly?: WeeklyRule;
  capacity: number | null;
  mode?: RegistrationMode;
  price?: number;
  online?: string;
  plan?: boolean;
}

const DEMO_EVENTS: DemoEvent[] = [
  {
    unit: 'thu-vien-tinh',
    title: 'Ngày hội Sách và Văn hóa đọc Việt Nam 2027',
    description:
      'Hội sách, đổi sách cũ lấy sách mới, đọc sách cùng con và giao lưu tác giả nhân Ngày Sách và Văn hóa đọc Việt Nam (21/4).',
    category: 'reading',
    audience: ['children', 'families', 'adults'],
    day: '2027-04-21',
    start: '07:30',
    end: '11:00',
    capacity: 120,
    plan: true,
  },
  {
    unit: 'bao-tang-tinh',
    title: 'Đọc sách lịch sử Khánh Hòa tại Bảo tàng',
    description:
      'Giới thiệu sách về lịch sử, văn hóa Khánh Hòa; đọc và thảo luận cùng cán bộ bảo tàng (Ngày Sách 21/4).',
    category: 'reading',
    audience: ['youth', 'adults'],
    day: '2027-04-21',
    start: '14:00',
    end: '16:00',
    capacity: 40,
  },
  {
    unit: 'ttvh-dien-anh',
    title: 'Thi kể chuyện theo sách cho thiếu nhi',
    description: 'Các em kể lại câu chuyện yêu thích; phần thưởng là sách.',
    category: 'reading',
    audience: ['children', 'families'],
    day: '2027-04-21',
    start: '08:00',
    end: '10:30',
    capacity: 60,
  },
  {
    unit: 'thu-vien-tinh',
    title: 'Tọa đàm: Sách và bản quyền trong thời đại số',
    description:
      'Nhân Ngày Sách và Bản quyền thế giới (23/4): quyền tác giả, sách điện tử, chia sẻ hợp pháp.',
    category: 'talk',
    audience: ['youth', 'adults'],
    day: '2027-04-23',
    start: '14:00',
    end: '16:30',
    capacity: 80,
  },
  {
    unit: 'bao-tang-tinh',
    title: 'Đêm bảo tàng 18/5',
    description:
      'Bảo tàng mở cửa buổi tối nhân Ngày Quốc tế Bảo tàng: tham quan có thuyết minh, biểu diễn nhạc cụ dân tộc. Kết thúc sau nửa đêm.',
    category: 'heritage',
    audience: ['families', 'adults', 'youth'],
    day: '2027-05-18',
    start: '19:00',
    end: '00:30',
    capacity: 150,
  },
  {
    unit: 'bao-tang-tinh',
    title: 'Khai mạc triển lãm “Khánh Hòa – biển và người”',
    description: 'Triển lãm hiện vật, ảnh tư liệu về nghề biển Khánh Hòa (Ngày Quốc tế Bảo tàng 18/5).',
    category: 'exhibition_opening',
    audience: ['adults', 'families'],
    day: '2027-05-18',
    start: '08:30',
    end: '10:00',
    capacity: null,
  },
  {
    unit: 'ttvh-dien-anh',
    title: 'Khai mạc Tuần lễ hưởng ứng học tập suốt đời 2027',
    description:
      'Lễ khai mạc Tuần lễ học tập suốt đời (1–7/10): giới thiệu các hoạt động học tập của thư viện, bảo tàng, trung tâm văn hóa.',
    category: 'talk',
    audience: ['adults', 'elderly', 'youth'],
    day: '2027-10-01',
    start: '07:30',
    end: '09:30',
    capacity: 300,
    plan: true,
  },
  {
    unit: 'thu-vien-tinh',
    title: 'Kỹ năng số mỗi ngày — Tuần lễ học tập suốt đời',
    description:
      'Mỗi buổi một chủ đề: dịch vụ công trực tuyến, thanh toán an toàn, nhận diện lừa đảo, tra cứu thư viện số. Đăng ký từng buổi.',
    category: 'digital_skills',
    audience: ['elderly', 'adults'],
    day: '2027-10-01',
    start: '14:00',
    end: '16:00',
    weekly: { weekdays: [1, 2, 3, 4, 5, 6, 7], until: '2027-10-07', exceptions: [] },
    capacity: 30,
    mode: 'session',
  },
  {
    unit: 'thu-vien-tinh',
    title: 'Ngày Khuyến học: gặp gỡ học sinh vượt khó',
    description: 'Giao lưu, trao tặng sách cho học sinh hiếu học nhân Ngày Khuyến học Việt Nam (2/10).',
    category: 'talk',
    audience: ['youth', 'families'],
    day: '2027-10-02',
    start: '08:00',
    end: '10:00',
    capacity: 100,
  },
  {
    unit: 'ttvh-dien-anh',
    title: 'Hội thảo chuyển đổi số cho thư viện cơ sở',
    description:
      'Ngày Chuyển đổi số quốc gia (10/10): số hóa tài liệu, phần mềm thư viện, dịch vụ trực tuyến cho điểm bưu điện – văn hóa xã.',
    category: 'digital_skills',
    audience: ['adults'],
    day: '2027-10-10',
    start: '08:00',
    end: '11:30',
    capacity: 80,
  },
  {
    unit: 'bao-tang-tinh',
    title: 'Hành trình di sản: tháp Bà Ponagar',
    description: 'Tham quan có hướng dẫn nhân Ngày Di sản văn hóa Việt Nam (23/11).',
    category: 'heritage',
    audience: ['families', 'youth', 'adults'],
    day: '2027-11-23',
    start: '07:00',
    end: '10:00',
    capacity: 45,
  },
  {
    unit: 'thu-vien-tinh',
    title: 'Lớp tiếng Anh qua sách tranh cho thiếu nhi',
    description: 'Lớp hằng tuần sáng thứ Bảy; nghỉ dịp Tết Nguyên đán. Đăng ký một lần cho cả khóa.',
    category: 'class',
    audience: ['children'],
    day: '2027-01-09',
    start: '08:30',
    end: '10:00',
    weekly: { weekdays: [6], until: '2027-03-27', exceptions: ['2027-02-06', '2027-02-13'] },
    capacity: 20,
  },
  {
    unit: 'thu-vien-tinh',
    title: 'Câu lạc bộ đọc sách người cao tuổi',
    description: 'Sinh hoạt chiều thứ Tư hằng tuần; đăng ký từng buổi.',
    category: 'reading',
    audience: ['elderly'],
    day: '2026-12-02',
    start: '15:00',
    end: '16:30',
    weekly: { weekdays: [3], until: '2027-02-24', exceptions: ['2027-02-10'] },
    capacity: 25,
    mode: 'session',
  },
  {
    unit: 'bao-tang-tinh',
    title: 'Ngày Di sản văn hóa Việt Nam 2026: trình diễn nghề truyền thống',
    description: 'Trình diễn nghề gốm, dệt thổ cẩm (23/11/2026).',
    category: 'heritage',
    audience: ['families'],
    day: '2026-11-23',
    start: '08:00',
    end: '11:00',
    capacity: 80,
  },
  {
    unit: 'thu-vien-tinh',
    title: 'Ngày Sách và Văn hóa đọc Việt Nam 2026',
    description: 'Hội sách 21/4/2026 tại Thư viện tỉnh.',
    category: 'reading',
    audience: ['families'],
    day: '2026-04-21',
    start: '07:30',
    end: '11:00',
    capacity: 100,
  },
  {
    unit: 'bao-tang-tinh',
    title: 'Khai mạc triển lãm ảnh “Nha Trang xưa”',
    description: 'Ảnh tư liệu Nha Trang đầu thế kỷ XX.',
    category: 'exhibition_opening',
    audience: ['adults', 'elderly'],
    day: '2026-12-15',
    start: '09:00',
    end: '10:30',
    capacity: null,
  },
  {
    unit: 'thu-vien-tinh',
    title: 'Tọa đàm trực tuyến: đọc sách điện tử miễn phí',
    description: 'Hướng dẫn dùng thư viện số, mượn sách điện tử trên điện thoại.',
    category: 'talk',
    audience: ['adults', 'elderly'],
    day: '2027-03-15',
    start: '19:30',
    end: '20:30',
    capacity: 200,
    online: 'https://thuvien.khanhhoa.example.vn/truc-tuyen',
  },
  {
    unit: 'ttvh-dien-anh',
    title: 'Ngày hội thiếu nhi: đọc sách và vẽ tranh',
    description: 'Nhân Ngày Quốc tế Thiếu nhi 1/6.',
    category: 'reading',
    audience: ['children', 'families'],
    day: '2027-06-01',
    start: '08:00',
    end: '11:00',
    capacity: 150,
  },
  {
    unit: 'ttvh-dien-anh',
    title: 'Lớp kỹ năng số hè cho thanh thiếu niên',
    description: 'Lập trình cơ bản, an toàn trên mạng; chiều thứ Ba và thứ Năm trong tháng 7.',
    category: 'digital_skills',
    audience: ['youth'],
    day: '2027-07-06',
    start: '14:00',
    end: '16:00',
    weekly: { weekdays: [2, 4], until: '2027-07-29', exceptions: [] },
    capacity: 25,
  },
  {
    unit: 'bao-tang-tinh',
    title: 'Nói chuyện chuyên đề: Văn hóa Chăm ở Khánh Hòa',
    description: 'Chuyên đề có thu phí tài liệu.',
    category: 'talk',
    audience: ['adults'],
    day: '2027-09-10',
    start: '14:00',
    end: '16:00',
    capacity: 60,
    price: 20000,
  },
  {
    unit: 'ttvh-dien-anh',
    title: 'Chiếu phim tư liệu: Khánh Hòa 370 năm',
    description: 'Buổi chiếu phim tư liệu và giao lưu.',
    category: 'other',
    audience: ['adults', 'families'],
    day: '2027-12-20',
    start: '19:30',
    end: '21:30',
    capacity: 200,
  },
];

export async function seedDemoEvents(deps: Pick<AppDeps, 'db' | 'repos' | 'audit'>): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const places = await placesPort.activeOptions(deps, tx);
    let created = 0;
    for (const d of DEMO_EVENTS) {
      const unit = await deps.repos.units.byCode(tx, d.unit);
      if (!unit) continue;
      const place = d.online ? undefined : places.find((p) => p.unitId === unit.id);
      const plan = d.plan
        ? (await planInstancesPort.options(deps, tx, Number(d.day.slice(0, 4)), [unit.id]))[0]
        : undefined;
      const schedule = { firstDate: d.day, startTime: d.start, endTime: d.end, weekly: d.weekly ?? null };
      const values = {
        unitId: unit.id,
        title: d.title,
        description: d.description,
        category: d.category,
        audience: d.audience,
        placeId: place?.id ?? null,
        onlineUrl: d.online ?? (place ? null : 'https://suotdoi.example.vn/truc-tuyen'),
        timeZone: TIME_ZONE,
        capacity: d.capacity,
        registrationMode: d.mode ?? 'series',
        registrationOpensAt: null,
        registrationClosesAt: null,
        priceVnd: d.price ?? 0,
        organiserContact: `[Demo] ${unit.name}`,
        planInstanceId: plan?.id ?? null,
        recurrence: schedule,
        status: 'published' as const,
      };
      const id = await deps.repos.events.insert(tx, values);
      await deps.repos.events.replaceSessions(tx, id, generateSessions({ ...schedule, timeZone: TIME_ZONE }));
      await deps.audit.record(tx, ANONYMOUS, {
        action: 'events.event.create',
        entityType: 'event',
        entityId: id,
        unitId: unit.id,
        before: null,
        after: { title: d.title, demo: true },
      });
      created++;
    }
    return created;
  });
}
