// Commemorative days the plan ties activities to (DESIGN.md §5). Recurring every year; the lifelong-learning
// week is a range (1–7 October). Names follow DESIGN.md; the plan itself writes "Ngày Quốc tế bảo tàng".

export interface CommemorativeDaySource {
  code: string;
  name: string;
  month: number;
  day: number;
  /** Last day of a multi-day observance (same year); absent for a single day. */
  end?: { month: number; day: number };
  sourceNote: string;
}

const IN_PLAN = 'Nêu tại Kế hoạch, mục II.1 và Phụ lục I, II (mục III.1)';

export const COMMEMORATIVE_DAYS: readonly CommemorativeDaySource[] = [
  {
    code: 'ngay-sach-van-hoa-doc',
    name: 'Ngày Sách và Văn hóa đọc Việt Nam',
    month: 4,
    day: 21,
    sourceNote: IN_PLAN,
  },
  {
    code: 'ngay-sach-ban-quyen',
    name: 'Ngày Sách và Bản quyền thế giới',
    month: 4,
    day: 23,
    sourceNote: IN_PLAN,
  },
  { code: 'ngay-quoc-te-bao-tang', name: 'Ngày Quốc tế Bảo tàng', month: 5, day: 18, sourceNote: IN_PLAN },
  {
    code: 'tuan-le-hoc-tap-suot-doi',
    name: 'Tuần lễ hưởng ứng học tập suốt đời',
    month: 10,
    day: 1,
    end: { month: 10, day: 7 },
    sourceNote: 'Nêu tại Kế hoạch, mục II.1; tổ chức từ 01/10 đến 07/10 hằng năm',
  },
  {
    code: 'ngay-khuyen-hoc',
    name: 'Ngày Khuyến học Việt Nam',
    month: 10,
    day: 2,
    sourceNote: 'Ngày 02/10 hằng năm, trong Tuần lễ hưởng ứng học tập suốt đời',
  },
  {
    code: 'ngay-chuyen-doi-so',
    name: 'Ngày Chuyển đổi số quốc gia',
    month: 10,
    day: 10,
    sourceNote: IN_PLAN,
  },
  {
    code: 'ngay-di-san-van-hoa',
    name: 'Ngày Di sản văn hóa Việt Nam',
    month: 11,
    day: 23,
    sourceNote: IN_PLAN,
  },
];
