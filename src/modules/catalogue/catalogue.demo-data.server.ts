// Realistic generated Vietnamese catalogue data for the benchmark and the demo seed: titles from word lists with diacritics,
// Vietnamese personal names, subjects. Deterministic (seeded) so runs compare.
import type { RecordType } from './catalogue.schemas.server.ts';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HO = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Trương',
  'Đinh',
  'Lâm',
  'Mai',
];
const DEM = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Thanh',
  'Ngọc',
  'Quang',
  'Xuân',
  'Thu',
  'Bảo',
  'Kim',
  'Gia',
  'Hoài',
  'Công',
  'Đình',
];
const TEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hòa',
  'Hải',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
  'Đức',
  'Hạnh',
  'Khoa',
  'Long',
  'Nga',
  'Oanh',
  'Phương',
  'Quỳnh',
  'Thủy',
  'Vân',
];
const HEAD = [
  'Lịch sử',
  'Văn hóa',
  'Địa chí',
  'Truyện kể',
  'Nghệ thuật',
  'Kinh tế',
  'Giáo dục',
  'Ẩm thực',
  'Lễ hội',
  'Di sản',
  'Âm nhạc',
  'Văn học',
  'Thơ ca',
  'Kiến trúc',
  'Tín ngưỡng',
  'Nghề truyền thống',
  'Hướng dẫn',
  'Sổ tay',
  'Tuyển tập',
  'Khảo cứu',
  'Gốm',
  'Tranh',
  'Biển đảo',
  'Nông nghiệp',
  'Y học cổ truyền',
  'Phong tục',
  'Trang phục',
  'Làng nghề',
  'Chiến tranh',
  'Hòa bình',
];
const LINK = ['và', 'của', 'ở', 'trong', 'thời', 'vùng', 'miền', 'người', 'xứ', 'dân tộc'];
const PLACE = [
  'Khánh Hòa',
  'Nha Trang',
  'Cam Ranh',
  'Ninh Hòa',
  'Vạn Ninh',
  'Diên Khánh',
  'Khánh Vĩnh',
  'Khánh Sơn',
  'Trường Sa',
  'Ninh Thuận',
  'Phan Rang',
  'Đà Lạt',
  'Huế',
  'Hội An',
  'Đà Nẵng',
  'Sài Gòn',
  'Hà Nội',
  'Tây Nguyên',
  'Nam Bộ',
  'Bắc Bộ',
  'Chăm Pa',
  'Raglai',
  'Ê Đê',
  'biển Đông',
  'sông Cái',
];
const TAIL = [
  'xưa và nay',
  'qua các thời kỳ',
  'thế kỷ XIX',
  'thế kỷ XX',
  'hiện đại',
  'truyền thống',
  'đương đại',
  'tập 1',
  'tập 2',
  'cho thiếu nhi',
  'cho người cao tuổi',
  'những điều chưa biết',
  'một góc nhìn',
  'từ điển',
  'tư liệu',
];
const SUBJECT = [
  'Lịch sử địa phương',
  'Văn hóa dân gian',
  'Dân tộc Chăm',
  'Dân tộc Raglai',
  'Khảo cổ học',
  'Gốm sứ',
  'Ngư nghiệp',
  'Yến sào',
  'Tháp Bà Ponagar',
  'Biển đảo Việt Nam',
  'Du lịch',
  'Giáo dục phổ thông',
  'Kỹ năng sống',
  'Văn học thiếu nhi',
  'Thơ Việt Nam',
  'Âm nhạc dân tộc',
  'Lễ hội truyền thống',
  'Nông nghiệp',
  'Y học cổ truyền',
  'Chuyển đổi số',
  'Học tập suốt đời',
  'Văn hóa đọc',
  'Di tích lịch sử',
  'Bảo tàng học',
  'Hán Nôm',
];
const TYPES: RecordType[] = [
  'book',
  'book',
  'book',
  'book',
  'book',
  'serial',
  'audiovisual',
  'digitised_document',
  'museum_object',
  'museum_object',
  'learning_resource',
  'heritage_site',
  'exhibition',
];
const LANGS = ['vie', 'vie', 'vie', 'vie', 'vie', 'vie', 'eng', 'fre', 'chi'];
const AVAIL = [
  'available',
  'available',
  'available',
  'on_loan',
  'reference_only',
  'in_storage',
  'on_display',
] as const;

export interface GeneratedRecord {
  type: RecordType;
  title: string;
  creators: string[];
  subjects: string[];
  year: number;
  language: string;
  isbn: string | null;
  availability: (typeof AVAIL)[number];
  callNumber: string;
}

export function generator(seed: number) {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)] as T;
  const name = () => `${pick(HO)} ${pick(DEM)} ${pick(TEN)}`;
  let n = 0;
  return (): GeneratedRecord => {
    n++;
    const parts = [pick(HEAD)];
    if (r() < 0.7) parts.push(pick(LINK));
    parts.push(pick(PLACE));
    if (r() < 0.5) parts.push(pick(TAIL));
    // A few unusual words make the vocabulary long-tailed, as real catalogues are.
    if (r() < 0.15) parts.push(`số ${Math.floor(r() * 500) + 1}`);
    return {
      type: pick(TYPES),
      title: parts.join(' '),
      creators: Array.from({ length: 1 + Math.floor(r() * 2) }, name),
      subjects: Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(SUBJECT)),
      year: 1890 + Math.floor(r() * 135),
      language: pick(LANGS),
      isbn: r() < 0.6 ? `978604${String(n).padStart(7, '0')}` : null,
      availability: pick(AVAIL),
      callNumber: `${Math.floor(r() * 900) + 100}.${Math.floor(r() * 10)} ${pick(HO).slice(0, 2).toUpperCase()}`,
    };
  };
}

/** The fixed query mix: [category, query, filters]. */
export const QUERY_MIX: Array<{
  kind: string;
  q: string;
  filters?: Record<string, string[] | number[]>;
  sort?: 'newest' | 'title';
}> = [
  { kind: 'word+diacritics', q: 'hòa' },
  { kind: 'word+diacritics', q: 'đảo' },
  { kind: 'word+diacritics', q: 'Chăm' },
  { kind: 'word+diacritics', q: 'Thủy' },
  { kind: 'word folded', q: 'hoa' },
  { kind: 'word folded', q: 'dao' },
  { kind: 'word folded', q: 'cham' },
  { kind: 'word folded', q: 'thuy' },
  { kind: 'phrase', q: 'khánh hòa' },
  { kind: 'phrase', q: 'nha trang' },
  { kind: 'phrase', q: 'lich su' },
  { kind: 'phrase', q: 'Nguyễn Văn' },
  { kind: 'typo', q: 'khanh hao' },
  { kind: 'typo', q: 'nah trang' },
  { kind: 'typo', q: 'lcih su raglia' },
  { kind: 'typo', q: 'ponagra' },
  { kind: 'facet', q: 'hoa', filters: { types: ['museum_object'] } },
  { kind: 'facet', q: 'van hoa', filters: { languages: ['eng'] } },
  { kind: 'facet', q: '', filters: { decades: [1990] } },
  { kind: 'facet', q: 'lịch sử', filters: { availability: ['on_display'] }, sort: 'newest' },
];
