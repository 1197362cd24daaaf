// Demo places (demo mode only, first start): service points across Khánh Hòa with weekly hours, the coming
// public holidays as exceptions, and two mobile-library routes whose next visit on one stop is cancelled.
import type { AppDeps } from '../../app/deps.types.ts';
import { DEMO_PLACES, DEMO_ROUTES, type DemoPlace } from './places.demo-data.server.ts';
import type { HoursInterval } from './places.hours.ts';
import { newId } from './places.ids.server.ts';
import { nextStopOccurrences } from './places.schedule.ts';
import { localNow } from './places.time.ts';

const DEMO_NOTE = 'Dữ liệu minh họa (demo): địa chỉ, tọa độ và giờ mở cửa chỉ mang tính ví dụ.';

const workdays = (opens: string, closes: string, days = [1, 2, 3, 4, 5]) =>
  days.map((weekday) => ({ weekday, opens, closes }));

function weeklyFor(kind: DemoPlace['hours']): HoursInterval[] {
  switch (kind) {
    case 'office':
      return [...workdays('07:30', '11:30'), ...workdays('13:30', '17:00')];
    case 'library':
      return [
        ...workdays('07:30', '11:30', [1, 2, 3, 4, 5, 6]),
        ...workdays('13:30', '17:00', [1, 2, 3, 4, 5]),
        { weekday: 7, opens: '07:30', closes: '11:30' },
      ];
    case 'museum':
      return workdays('07:30', '17:00', [2, 3, 4, 5, 6, 7]);
    case 'evenings':
      return [...workdays('17:30', '20:30'), ...workdays('08:00', '11:00', [6, 7])];
    default:
      return [];
  }
}

/** Public holidays in the coming year that fall on fixed solar dates. */
function holidays(today: string): Array<{ day: string; note: string }> {
  const year = Number(today.slice(0, 4));
  const fixed = [
    ['01-01', 'Tết Dương lịch'],
    ['04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước'],
    ['05-01', 'Ngày Quốc tế Lao động'],
    ['09-02', 'Quốc khánh'],
  ] as const;
  return [year, year + 1]
    .flatMap((y) => fixed.map(([md, note]) => ({ day: `${y}-${md}`, note })))
    .filter((h) => h.day >= today)
    .slice(0, 4);
}

export async function seedDemoPlaces(deps: AppDeps): Promise<number> {
  const owners = new Map<string, string>();
  for (const code of ['thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh']) {
    const unit = await deps.repos.units.byCode(deps.db, code);
    if (unit) owners.set(code, unit.id);
  }
  if (owners.size < 3) return 0;
  const today = localNow(deps.now()).day;
  const ids = new Map<string, string>();
  await deps.db.transaction(async (tx) => {
    for (const p of DEMO_PLACES) {
      const id = newId('place');
      ids.set(p.key, id);
      await deps.repos.places.insert(tx, {
        id,
        unitId: owners.get(p.owner) as string,
        kind: p.kind,
        name: p.name,
        district: p.district,
        commune: p.commune,
        address: p.address,
        lat: p.lat,
        lng: p.lng,
        phone: p.phone ?? null,
        email: null,
        website: null,
        description: DEMO_NOTE,
        accessibility: p.accessibility ?? null,
        services: p.services,
        photos: [],
        status: 'active',
      });
      const weekly = weeklyFor(p.hours);
      await deps.repos.places.replaceHours(tx, id, weekly);
      if (weekly.length)
        for (const h of holidays(today))
          await deps.repos.places.upsertException(tx, id, {
            day: h.day,
            closed: true,
            opens: null,
            closes: null,
            note: h.note,
          });
    }
    for (const r of DEMO_ROUTES) {
      const routeId = newId('route');
      await deps.repos.mobileRoutes.insertRoute(tx, {
        id: routeId,
        unitId: owners.get('thu-vien-tinh') as string,
        name: r.name,
        vehicle: r.vehicle,
        description: r.description,
        status: 'active',
      });
      const stops = r.stops.map((s) => ({
        id: newId('stop'),
        routeId,
        placeId: ids.get(s.place) as string,
        weekday: s.weekday,
        dates: [] as string[],
        starts: s.starts,
        ends: s.ends,
        note: null,
      }));
      for (const s of stops) await deps.repos.mobileRoutes.insertStop(tx, s);
      // The second visit of the route's first stop is cancelled, so the public page shows how that looks.
      const second = nextStopOccurrences(stops.slice(0, 1), [], deps.now(), { days: 21 })[1];
      if (second)
        await deps.repos.mobileRoutes.upsertCancellation(tx, {
          stopId: second.stopId,
          day: second.day,
          reason: 'Xe bảo dưỡng định kỳ; lịch bù sẽ được thông báo tại điểm dừng.',
        });
    }
  });
  return DEMO_PLACES.length;
}
