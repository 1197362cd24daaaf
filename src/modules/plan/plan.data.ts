// The program plan as reference data: every row of Phụ lục I (2023–2025, 13 tasks) and Phụ lục II
// (2025–2030, 17 tasks) of the Department's plan (source: ke-hoach-hoc-tap-suot-doi-khanh-hoa-2023.txt).
//
// Transcription rules (plan.data.test.ts checks every field against the source text):
// - Texts are the source's own, typos included ("trong thư viện hoá", "đầy mạnh"); only whitespace is
//   normalised and words split across a page break are joined again.
// - Phụ lục II, II.2: the text export repeats "lịch)" after the page break ("… Du lịch)" then "lịch)");
//   that repeat is an export artefact and is dropped.
// - Phụ lục II, VII.2 and VII.3: the export wraps the coordinating cell in "<ul …>" markup; it is dropped.
// - Phụ lục I, III.2 has an empty time cell: kept as `unspecified` (see expandInstanceYears).
// - `codes` lists the cell's units that are seeded units; `groups` keeps group descriptions that are not
//   one unit ("Các phòng chuyên môn, đơn vị liên quan", the district culture offices/centres); `text` is
//   the raw cell.
import type { PlanPhase, PlanSection, PlanTime } from './plan.model.ts';

/** Seeded units the appendices name (codes from the units module's seed). */
export const PLAN_UNIT_CODES = ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'] as const;
export type PlanUnitCode = (typeof PLAN_UNIT_CODES)[number];

export interface PlanUnitsCell {
  codes: readonly PlanUnitCode[];
  groups: readonly string[];
  text: string;
}

export interface PlanTaskSource {
  /** Stable key: appendix, section, number (`PL1-III-2`). Seeds upsert on it. */
  sourceKey: string;
  phase: PlanPhase;
  section: PlanSection;
  sectionTitle: string;
  number: number;
  content: string;
  product: string;
  lead: PlanUnitsCell;
  coordinating: PlanUnitsCell;
  /** The raw "Thời gian thực hiện" cell ("2024- 2025", "Hàng năm", "" …). */
  timeText: string;
  time: PlanTime;
}

export const PLAN_TASKS: readonly PlanTaskSource[] = [
  {
    sourceKey: 'PL1-I-1',
    phase: '2023-2025',
    section: 'I',
    sectionTitle: 'TRIỂN KHAI MÔ HÌNH PHỤC VỤ HỌC TẬP SUỐT ĐỜI TRÊN NỀN TẢNG CÔNG NGHỆ SỐ',
    number: 1,
    content:
      'Phối hợp rà soát các mô hình đã được triển khai; triển khai mô hình phục vụ học tập suốt đời trên nền tảng công nghệ số trong hệ thống thư viện, bảo tàng, trung tâm văn hoá (sau khi có hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch)',
    product: 'Văn bản triển khai',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2024- 2025',
    time: { kind: 'range', from: 2024, to: 2025 },
  },
  {
    sourceKey: 'PL1-I-2',
    phase: '2023-2025',
    section: 'I',
    sectionTitle: 'TRIỂN KHAI MÔ HÌNH PHỤC VỤ HỌC TẬP SUỐT ĐỜI TRÊN NỀN TẢNG CÔNG NGHỆ SỐ',
    number: 2,
    content:
      'Hướng dẫn việc phát triển mô hình thư viện lưu động, thư viện kết hợp với Trung tâm Văn hóa-Thể thao cấp xã, nhà văn hóa-khu thể thao thôn (làng, ấp bản...), trung tâm học tập cộng đồng, điểm bưu điện - văn hóa xã, bảo tàng ngoài công lập, thư viện tư nhân có phục vụ cộng đồng, thư viện cộng đồng phục vụ người dân học tập suốt đời tại cơ sở (sau khi có hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch)',
    product: 'Văn bản hướng dẫn',
    lead: { codes: ['phong-qlvhgd'], groups: [], text: '- Phòng Quản lý Văn hóa và Gia đình' },
    coordinating: {
      codes: ['thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh - Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2023 - 2025',
    time: { kind: 'range', from: 2023, to: 2025 },
  },
  {
    sourceKey: 'PL1-II-1',
    phase: '2023-2025',
    section: 'II',
    sectionTitle: 'HƯỚNG DẪN PHƯƠNG PHÁP, KỸ NĂNG TỔ CHỨC CÁC HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 1,
    content:
      'Phổ biến tài liệu hướng dẫn phương pháp và kỹ năng tổ chức các hoạt động phục vụ học tập suốt đời cho người sử dụng thư viện (Theo hướng dẫn của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Văn bản, tài liệu hướng dẫn',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2025 - 2026',
    time: { kind: 'range', from: 2025, to: 2026 },
  },
  {
    sourceKey: 'PL1-II-2',
    phase: '2023-2025',
    section: 'II',
    sectionTitle: 'HƯỚNG DẪN PHƯƠNG PHÁP, KỸ NĂNG TỔ CHỨC CÁC HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 2,
    content:
      'Phổ biến tài liệu phương pháp và kỹ năng tổ chức Chương trình Giáo dục di sản trong bảo tàng (Theo hướng dẫn của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Văn bản, tài liệu hướng dẫn',
    lead: {
      codes: ['phong-qlvhgd', 'bao-tang-tinh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Bảo tàng tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2024 - 2026',
    time: { kind: 'range', from: 2024, to: 2026 },
  },
  {
    sourceKey: 'PL1-II-3',
    phase: '2023-2025',
    section: 'II',
    sectionTitle: 'HƯỚNG DẪN PHƯƠNG PHÁP, KỸ NĂNG TỔ CHỨC CÁC HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 3,
    content:
      'Tham gia lớp tập huấn triển khai thực hiện các mục tiêu về văn hóa trong chương trình mục tiêu quốc gia xây dựng nông thôn mới (Theo Kế hoạch tổ chức tập huấn của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Tập huấn',
    lead: { codes: ['phong-qlvhgd'], groups: [], text: '- Phòng Quản lý Văn hóa và Gia đình' },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL1-III-1',
    phase: '2023-2025',
    section: 'III',
    sectionTitle: 'TUYÊN TRUYỀN, TỔ CHỨC CÁC SỰ KIỆN ĐẨY MẠNH HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 1,
    content:
      'Tổ chức, lồng ghép các hoạt động học tập suốt đời gắn với Tuần lễ hưởng ứng học tập suốt đời, Ngày Sách và Văn hóa đọc Việt Nam - 21/4, Ngày Sách và Bản quyền thế giới - 23/4, Ngày Quốc tế bảo tàng - 18/5, Ngày Chuyển đổi số quốc gia - 10/10, Ngày Di sản văn hóa Việt Nam - 23/11 và các ngày lễ, ngày kỷ niệm của đất nước và địa phương',
    product: 'Các sự kiện',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: [
        'Phòng Văn hóa và Thông tin, Trung tâm Văn hóa, Thông tin và Thể thao các huyện, thị xã, thành phố',
        'Các phòng chuyên môn, đơn vị liên quan',
      ],
      text: '- Phòng Văn hóa và Thông tin, Trung tâm Văn hóa, Thông tin và Thể thao các huyện, thị xã, thành phố - Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL1-III-2',
    phase: '2023-2025',
    section: 'III',
    sectionTitle: 'TUYÊN TRUYỀN, TỔ CHỨC CÁC SỰ KIỆN ĐẨY MẠNH HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 2,
    content:
      'Tổ chức chiến dịch truyền thông, tuyên truyền trên các trang thông tin điện tử, phương tiện thông tin đại chúng và không gian mạng về học tập suốt đời, thúc đẩy hoạt động học tập suốt đời trong các thư viện, bảo tàng, trung tâm văn hóa và gắn kết chặt chẽ với các phong trào xây dựng mô hình công dân học tập, cuộc vận động xây dựng xã hội học tập',
    product:
      'Sự kiện, chuyên mục, tin, bài, phóng sự, giao lưu, tọa đàm trực tuyến và các hình thức truyền thông khác',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: 'Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '',
    time: { kind: 'unspecified' },
  },
  {
    sourceKey: 'PL1-IV-1',
    phase: '2023-2025',
    section: 'IV',
    sectionTitle: 'XÃ HỘI HÓA, VẬN ĐỘNG TÀI TRỢ',
    number: 1,
    content:
      'Huy động, lồng ghép các hoạt động huy động nguồn lực xã hội hóa, kêu gọi vận động tài trợ, quyên góp từ các doanh nghiệp, nhà tài trợ, tổ chức, cá nhân; sự tham gia của cộng đồng vào tổ chức hoạt động phục vụ người dân học tập suốt đời trong thư viện, bảo tàng, trung tâm văn hóa',
    product: 'Chương trình, Dự án hợp tác viện trợ/ tài trợ',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL1-V-1',
    phase: '2023-2025',
    section: 'V',
    sectionTitle: 'HỢP TÁC QUỐC TẾ TRONG HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 1,
    content:
      'Tham gia học tập, trao đổi kinh nghiệm về tổ chức các mô hình phục vụ học tập suốt đời trong thư viện, bảo tàng, trung tâm văn hoá (Căn cứ điều kiện thực tế của ngành và theo Kế hoạch của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Đoàn tham dự',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2024',
    time: { kind: 'year', year: 2024 },
  },
  {
    sourceKey: 'PL1-V-2',
    phase: '2023-2025',
    section: 'V',
    sectionTitle: 'HỢP TÁC QUỐC TẾ TRONG HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 2,
    content:
      'Tham gia các sự kiện quốc tế liên quan đến xây dựng xã hội học tập và học tập suốt đời trong thư viện, bảo tàng, trung tâm văn hoá (Nếu có - Căn cứ điều kiện thực tế của ngành và theo Kế hoạch của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Đoàn tham dự',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL1-VI-1',
    phase: '2023-2025',
    section: 'VI',
    sectionTitle: 'KIỂM TRA, ĐÁNH GIÁ VIỆC TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH',
    number: 1,
    content: 'Kiểm tra, đánh giá, lồng ghép việc triển khai thực hiện Chương trình',
    product: 'Kế hoạch kiểm tra',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL1-VII-1',
    phase: '2023-2025',
    section: 'VII',
    sectionTitle: 'BÁO CÁO KẾT QUẢ TRIỂN KHAI CHƯƠNG TRÌNH',
    number: 1,
    content:
      'Báo cáo UBND tỉnh, Bộ Văn hoá, Thể thao và Du lịch về kết quả triển khai thực hiện Chương trình',
    product: 'Báo cáo',
    lead: { codes: ['phong-qlvhgd'], groups: [], text: 'Phòng Quản lý Văn hóa và Gia đình' },
    coordinating: {
      codes: ['thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh - Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL1-VII-2',
    phase: '2023-2025',
    section: 'VII',
    sectionTitle: 'BÁO CÁO KẾT QUẢ TRIỂN KHAI CHƯƠNG TRÌNH',
    number: 2,
    content: 'Báo cáo Sơ kết việc triển khai Chương trình',
    product: 'Báo cáo',
    lead: { codes: ['phong-qlvhgd'], groups: [], text: 'Phòng Quản lý Văn hóa và Gia đình' },
    coordinating: {
      codes: ['thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh - Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2025',
    time: { kind: 'year', year: 2025 },
  },
  {
    sourceKey: 'PL2-I-1',
    phase: '2025-2030',
    section: 'I',
    sectionTitle: 'TRIỂN KHAI MÔ HÌNH PHỤC VỤ HỌC TẬP SUỐT ĐỜI TRÊN NỀN TẢNG CÔNG NGHỆ SỐ',
    number: 1,
    content:
      'Nhân rộng, lồng ghép nhân rộng mô hình phục vụ học tập suốt đời trên nền tảng công nghệ số trong hệ thống thư viện, bảo tàng, trung tâm văn hoá (sau khi có hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch)',
    product: 'Văn bản hướng dẫn triển khai',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2026- 2027',
    time: { kind: 'range', from: 2026, to: 2027 },
  },
  {
    sourceKey: 'PL2-I-2',
    phase: '2025-2030',
    section: 'I',
    sectionTitle: 'TRIỂN KHAI MÔ HÌNH PHỤC VỤ HỌC TẬP SUỐT ĐỜI TRÊN NỀN TẢNG CÔNG NGHỆ SỐ',
    number: 2,
    content:
      'Đánh giá, lồng ghép đánh giá kết quả, hiệu quả, tác động của các mô hình phục vụ học tập suốt đời hiệu quả trong hệ thống thư viện, bảo tàng, trung tâm văn hoá đã triển khai (Theo yêu cầu của Bộ Văn hóa, Thể thao và Du lịch)',
    product: 'Kết quả báo cáo đánh giá tác động',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2027- 2028',
    time: { kind: 'range', from: 2027, to: 2028 },
  },
  {
    sourceKey: 'PL2-II-1',
    phase: '2025-2030',
    section: 'II',
    sectionTitle:
      'PHỔ BIẾN TÀI LIỆU; TẬP HUẤN NÂNG CAO CHẤT LƯỢNG NGUỒN NHÂN LỰC TRONG THƯ VIỆN, BẢO TÀNG, TRUNG TÂM VĂN HOÁ',
    number: 1,
    content:
      'Phổ biến Tài liệu hướng dẫn triển khai các mô hình phục vụ học tập suốt đời trên nền tảng công nghệ số trong thư viện hoá (Theo hướng dẫn của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Công văn hướng dẫn',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2026- 2027',
    time: { kind: 'range', from: 2026, to: 2027 },
  },
  {
    sourceKey: 'PL2-II-2',
    phase: '2025-2030',
    section: 'II',
    sectionTitle:
      'PHỔ BIẾN TÀI LIỆU; TẬP HUẤN NÂNG CAO CHẤT LƯỢNG NGUỒN NHÂN LỰC TRONG THƯ VIỆN, BẢO TÀNG, TRUNG TÂM VĂN HOÁ',
    number: 2,
    content:
      'Phổ biến Tài liệu hướng dẫn triển khai các hoạt động bảo tàng trên nền tảng số (Theo hướng dẫn của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Công văn hướng dẫn',
    lead: {
      codes: ['phong-qlvhgd', 'bao-tang-tinh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Bảo tàng tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2026- 2028',
    time: { kind: 'range', from: 2026, to: 2028 },
  },
  {
    sourceKey: 'PL2-II-3',
    phase: '2025-2030',
    section: 'II',
    sectionTitle:
      'PHỔ BIẾN TÀI LIỆU; TẬP HUẤN NÂNG CAO CHẤT LƯỢNG NGUỒN NHÂN LỰC TRONG THƯ VIỆN, BẢO TÀNG, TRUNG TÂM VĂN HOÁ',
    number: 3,
    content:
      'Tham gia tập huấn kỹ năng cung ứng các sản phẩm và dịch vụ phục vụ học tập suốt đời trong bối cảnh chuyển đổi số (theo Kế hoạch của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Tập huấn',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2026- 2027',
    time: { kind: 'range', from: 2026, to: 2027 },
  },
  {
    sourceKey: 'PL2-II-4',
    phase: '2025-2030',
    section: 'II',
    sectionTitle:
      'PHỔ BIẾN TÀI LIỆU; TẬP HUẤN NÂNG CAO CHẤT LƯỢNG NGUỒN NHÂN LỰC TRONG THƯ VIỆN, BẢO TÀNG, TRUNG TÂM VĂN HOÁ',
    number: 4,
    content:
      'Tham gia Tập huấn nâng cao kiến thức, hoàn thiện năng lực cung ứng các sản phẩm và dịch vụ phục vụ học tập suốt đời trong bối cảnh chuyển đổi số (theo Kế hoạch của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Tập huấn',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2027- 2028',
    time: { kind: 'range', from: 2027, to: 2028 },
  },
  {
    sourceKey: 'PL2-II-5',
    phase: '2025-2030',
    section: 'II',
    sectionTitle:
      'PHỔ BIẾN TÀI LIỆU; TẬP HUẤN NÂNG CAO CHẤT LƯỢNG NGUỒN NHÂN LỰC TRONG THƯ VIỆN, BẢO TÀNG, TRUNG TÂM VĂN HOÁ',
    number: 5,
    content:
      'Tham gia lớp tập huấn triển khai thực hiện các mục tiêu về văn hóa trong chương trình mục tiêu quốc gia xây dựng nông thôn mới (theo Kế hoạch của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Tập huấn',
    lead: { codes: ['phong-qlvhgd'], groups: [], text: '- Phòng Quản lý Văn hóa và Gia đình' },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL2-III-1',
    phase: '2025-2030',
    section: 'III',
    sectionTitle: 'TUYÊN TRUYỀN, TỔ CHỨC CÁC SỰ KIỆN ĐẨY MẠNH HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 1,
    content:
      'Tuyên truyền, lồng ghép tổ chức các hoạt động học tập suốt đời gắn với Tuần lễ hưởng ứng học tập suốt đời, Ngày Sách và Văn hóa đọc Việt Nam - 21/4, Ngày Sách và Bản quyền thế giới - 23/4, Ngày Quốc tế bảo tàng - 18/5, Ngày Chuyển đổi số quốc gia - 10/10, Ngày Di sản văn hóa Việt Nam - 23/11 và các ngày lễ, ngày kỷ niệm của đất nước và địa phương',
    product: 'Các sự kiện',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL2-III-2',
    phase: '2025-2030',
    section: 'III',
    sectionTitle: 'TUYÊN TRUYỀN, TỔ CHỨC CÁC SỰ KIỆN ĐẨY MẠNH HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 2,
    content:
      'Tổ chức, lồng ghép tổ chức các hoạt động truyền thông, tuyên truyền trên các trang thông tin điện tử, phương tiện thông tin đại chúng và không gian mạng về đầy mạnh học tập suốt đời',
    product:
      'Sự kiện, chuyên mục, tin, bài, phóng sự, giao lưu, tọa đàm trực tuyến và các hình thức truyền thông khác',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL2-IV-1',
    phase: '2025-2030',
    section: 'IV',
    sectionTitle: 'XÃ HỘI HÓA, VẬN ĐỘNG TÀI TRỢ',
    number: 1,
    content:
      'Huy động, lồng ghép các hoạt động huy động nguồn lực xã hội hóa, kêu gọi vận động tài trợ, quyên góp từ các doanh nghiệp, nhà tài trợ, tổ chức, cá nhân; sự tham gia của cộng đồng vào tổ chức hoạt động phục vụ người dân học tập suốt đời trong thư viện, bảo tàng, trung tâm văn hóa',
    product: 'Chương trình, Dự án hợp tác viện trợ/ tài trợ',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL2-V-1',
    phase: '2025-2030',
    section: 'V',
    sectionTitle: 'HỢP TÁC QUỐC TẾ TRONG HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 1,
    content:
      'Tham gia học tập, trao đổi kinh nghiệm về tổ chức các mô hình phục vụ học tập suốt đời trong thư viện, bảo tàng, trung tâm văn hoá (Căn cứ điều kiện thực tế của ngành và theo Kế hoạch của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Đoàn tham dự',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2026',
    time: { kind: 'year', year: 2026 },
  },
  {
    sourceKey: 'PL2-V-2',
    phase: '2025-2030',
    section: 'V',
    sectionTitle: 'HỢP TÁC QUỐC TẾ TRONG HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 2,
    content:
      'Học tập, trao đổi kinh nghiệm về công tác truyền thông và vận động cộng đồng; về đào tạo, bồi dưỡng nâng cao chất lượng nguồn nhân lực phục vụ học tập suốt đời (Căn cứ điều kiện thực tế của ngành và theo Kế hoạch của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Đoàn tham dự',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2027- 2028',
    time: { kind: 'range', from: 2027, to: 2028 },
  },
  {
    sourceKey: 'PL2-V-3',
    phase: '2025-2030',
    section: 'V',
    sectionTitle: 'HỢP TÁC QUỐC TẾ TRONG HOẠT ĐỘNG PHỤC VỤ HỌC TẬP SUỐT ĐỜI',
    number: 3,
    content:
      'Tham gia các sự kiện quốc tế liên quan đến xây dựng xã hội học tập và học tập suốt đời trong thư viện, bảo tàng, trung tâm văn hoá (Nếu có - Căn cứ điều kiện thực tế của ngành và theo Kế hoạch của Bộ Văn hoá, Thể thao và Du lịch)',
    product: 'Đoàn tham dự',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL2-VI-1',
    phase: '2025-2030',
    section: 'VI',
    sectionTitle: 'KIỂM TRA, ĐÁNH GIÁ VIỆC TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH',
    number: 1,
    content: 'Kiểm tra, đánh giá, lồng ghép việc triển khai thực hiện Chương trình',
    product: 'Kế hoạch kiểm tra',
    lead: {
      codes: ['phong-qlvhgd', 'thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: [],
      text: '- Phòng Quản lý Văn hóa và Gia đình - Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh',
    },
    coordinating: {
      codes: [],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL2-VII-1',
    phase: '2025-2030',
    section: 'VII',
    sectionTitle: 'TỔNG KẾT CHƯƠNG TRÌNH',
    number: 1,
    content:
      'Báo cáo UBND tỉnh, Bộ Văn hoá, Thể thao và Du lịch về kết quả triển khai thực hiện Chương trình',
    product: 'Báo cáo',
    lead: { codes: ['phong-qlvhgd'], groups: [], text: 'Phòng Quản lý Văn hóa và Gia đình' },
    coordinating: {
      codes: ['thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh - Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: 'Hàng năm',
    time: { kind: 'yearly' },
  },
  {
    sourceKey: 'PL2-VII-2',
    phase: '2025-2030',
    section: 'VII',
    sectionTitle: 'TỔNG KẾT CHƯƠNG TRÌNH',
    number: 2,
    content: 'Sơ kết 05 năm triển khai thực hiện Chương trình',
    product: 'Báo cáo',
    lead: { codes: ['phong-qlvhgd'], groups: [], text: 'Phòng Quản lý Văn hóa và Gia đình' },
    coordinating: {
      codes: ['thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh - Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2027',
    time: { kind: 'year', year: 2027 },
  },
  {
    sourceKey: 'PL2-VII-3',
    phase: '2025-2030',
    section: 'VII',
    sectionTitle: 'TỔNG KẾT CHƯƠNG TRÌNH',
    number: 3,
    content: 'Tổng kết Chương trình giai đoạn 2023 - 2030',
    product: 'Báo cáo',
    lead: { codes: ['phong-qlvhgd'], groups: [], text: 'Phòng Quản lý Văn hóa và Gia đình' },
    coordinating: {
      codes: ['thu-vien-tinh', 'bao-tang-tinh', 'ttvh-dien-anh'],
      groups: ['Các phòng chuyên môn, đơn vị liên quan'],
      text: '- Thư viện tỉnh - Bảo tàng tỉnh - Trung tâm Văn hóa - Điện ảnh tỉnh - Các phòng chuyên môn, đơn vị liên quan',
    },
    timeText: '2030',
    time: { kind: 'year', year: 2030 },
  },
];
