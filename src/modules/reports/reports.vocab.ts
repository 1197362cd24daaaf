// Client-safe vocabulary of reporting periods and submissions.
export const PERIOD_KINDS = ['annual', 'midterm', 'five_year', 'final'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export interface ReportSection {
  code: string;
  titleVi: string;
  titleEn: string;
}

/** The plan's structure (Phụ lục I/II, mục I–VII): the default sections of every period's form. */
export const PLAN_SECTIONS: readonly ReportSection[] = [
  {
    code: 'I',
    titleVi: 'Triển khai mô hình phục vụ học tập suốt đời trên nền tảng công nghệ số',
    titleEn: 'Digital lifelong-learning service models',
  },
  {
    code: 'II',
    titleVi: 'Hướng dẫn phương pháp, kỹ năng; tập huấn nâng cao chất lượng nguồn nhân lực',
    titleEn: 'Methods, skills and staff training',
  },
  {
    code: 'III',
    titleVi: 'Tuyên truyền, tổ chức các sự kiện đẩy mạnh hoạt động phục vụ học tập suốt đời',
    titleEn: 'Communication and events',
  },
  { code: 'IV', titleVi: 'Xã hội hóa, vận động tài trợ', titleEn: 'Sponsorship and community resources' },
  {
    code: 'V',
    titleVi: 'Hợp tác quốc tế trong hoạt động phục vụ học tập suốt đời',
    titleEn: 'International cooperation',
  },
  {
    code: 'VI',
    titleVi: 'Kiểm tra, đánh giá việc triển khai thực hiện Chương trình',
    titleEn: 'Monitoring and evaluation',
  },
  { code: 'VII', titleVi: 'Báo cáo kết quả triển khai Chương trình', titleEn: 'Reporting on results' },
];

/** Version of the document generator, stored with every generated document. */
export const GENERATOR_VERSION = 'suotdoi-reports/1.0';
