// Demo service points of Khánh Hòa (demo mode only). Names follow the real network's naming; addresses and
// coordinates are approximate, hours and services invented, and every description says it is demo data.
import type { PlaceKind, PlaceService } from './places.kinds.ts';
import { DISTRICT_PLACES } from './places-districts.demo-data.server.ts';
import { TOWN_PLACES } from './places-towns.demo-data.server.ts';

export interface DemoPlace {
  key: string;
  owner: 'thu-vien-tinh' | 'bao-tang-tinh' | 'ttvh-dien-anh';
  kind: PlaceKind;
  name: string;
  district: string;
  commune: string;
  address: string;
  lat: number;
  lng: number;
  phone?: string;
  services: PlaceService[];
  hours: 'office' | 'library' | 'museum' | 'evenings' | 'none';
  accessibility?: string;
}

/** Every demo place: the towns', the districts' (split in two files by area) and the library vans' stops. */
export const DEMO_PLACES: DemoPlace[] = [
  ...TOWN_PLACES,
  ...DISTRICT_PLACES,
  {
    key: 'stop-cho-dinh',
    owner: 'thu-vien-tinh',
    kind: 'mobile_library_stop',
    name: 'Điểm dừng xe thư viện – sân trường Tiểu học Ninh Đa',
    district: 'Ninh Hòa',
    commune: 'Phường Ninh Đa',
    address: 'Trường Tiểu học Ninh Đa',
    lat: 12.4781,
    lng: 109.1148,
    services: ['mobile_library'],
    hours: 'none',
  },
];

/** Two demo routes of the provincial library's vans: weekday → stop keys with a time window. */
export const DEMO_ROUTES = [
  {
    name: 'Xe thư viện lưu động số 1 – tuyến phía Bắc',
    vehicle: '79B-012.34 (xe thư viện lưu động đa phương tiện)',
    description:
      'Phục vụ các xã phía Bắc tỉnh: mượn sách, đọc tại chỗ, góc thiếu nhi và máy tính có Internet.',
    stops: [
      { place: 'ttvhx-ninh-phung', weekday: 2, starts: '07:30', ends: '10:30' },
      { place: 'stop-cho-dinh', weekday: 2, starts: '14:00', ends: '16:30' },
      { place: 'ttvhx-ninh-xuan', weekday: 4, starts: '07:30', ends: '10:30' },
      { place: 'ttvhx-van-thang', weekday: 4, starts: '14:00', ends: '16:30' },
    ],
  },
  {
    name: 'Xe thư viện lưu động số 2 – tuyến miền núi và phía Nam',
    vehicle: '79B-056.78',
    description: 'Đưa sách đến các xã miền núi Khánh Vĩnh, Khánh Sơn và các xã phía Nam.',
    stops: [
      { place: 'ttvhx-khanh-hiep', weekday: 3, starts: '08:00', ends: '11:00' },
      { place: 'htcd-khanh-binh', weekday: 3, starts: '13:30', ends: '16:00' },
      { place: 'ttvhx-son-binh', weekday: 5, starts: '08:30', ends: '11:00' },
      { place: 'ttvhx-cam-hai-tay', weekday: 6, starts: '07:30', ends: '10:30' },
      { place: 'ttvhx-dien-an', weekday: 6, starts: '14:00', ends: '16:30' },
    ],
  },
] as const;
