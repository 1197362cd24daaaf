// The "Công dân học tập" scheme as data: criteria with their source in the learning record, points per unit,
// maximum and minimum, and the pass mark. The official criteria (Hội Khuyến học Việt Nam's framework) were not
// found: the defaults below are editable proposals, marked as such on every page that shows them.
export const CRITERION_SOURCES = ['hours', 'activities', 'paths', 'digitalPaths', 'manual'] as const;
export type CriterionSource = (typeof CRITERION_SOURCES)[number];

export interface Criterion {
  key: string;
  labelVi: string;
  labelEn: string;
  source: CriterionSource;
  /** Points for one unit of the source (one hour, one activity, one path); ignored for `manual`. */
  pointsPerUnit: number;
  max: number;
  min: number;
  /** For `digitalPaths`: the learning paths that count as digital skills. */
  pathIds?: string[];
}

export interface Scheme {
  criteria: Criterion[];
  passTotal: number;
  year: number;
  isDefault: boolean;
  /** For the edit form: 1 while the year uses the defaults, then grows with every save (a stale save → 409). */
  version: number;
}

/** Proposals (unverified): 100 points, pass at 80 with no sourced criterion below its minimum. */
export const DEFAULT_CRITERIA: Criterion[] = [
  {
    key: 'hours',
    labelVi: 'Giờ học tập trong năm',
    labelEn: 'Hours of learning in the year',
    source: 'hours',
    pointsPerUnit: 1,
    max: 30,
    min: 5,
  },
  {
    key: 'activities',
    labelVi: 'Hoạt động học tập đã tham gia',
    labelEn: 'Learning activities attended',
    source: 'activities',
    pointsPerUnit: 2,
    max: 20,
    min: 5,
  },
  {
    key: 'paths',
    labelVi: 'Lộ trình học tập đã hoàn thành',
    labelEn: 'Learning paths completed',
    source: 'paths',
    pointsPerUnit: 10,
    max: 20,
    min: 0,
  },
  {
    key: 'digital',
    labelVi: 'Lộ trình kỹ năng số đã hoàn thành',
    labelEn: 'Digital-skills paths completed',
    source: 'digitalPaths',
    pointsPerUnit: 10,
    max: 15,
    min: 0,
    pathIds: [],
  },
  {
    key: 'manual',
    labelVi: 'Minh chứng khác được đơn vị xác nhận',
    labelEn: 'Other evidence confirmed by the unit',
    source: 'manual',
    pointsPerUnit: 0,
    max: 15,
    min: 0,
  },
];
export const DEFAULT_PASS_TOTAL = 80;

/** What the learning record says for the year, per source (manual is given by the reviewer). */
export type RecordFacts = Record<Exclude<CriterionSource, 'manual'>, number>;

export interface CriterionScore {
  key: string;
  value: number;
  points: number;
  min: number;
  max: number;
  belowMin: boolean;
}

export interface Scoring {
  scores: CriterionScore[];
  total: number;
  passed: boolean;
}

/**
 * Scores each criterion's value (hours, activities, paths … by criterion key; a missing key counts 0) against
 * the scheme. `manualPoints` are the points a unit confirmed (null = not yet, counted as 0).
 */
export function score(
  scheme: Pick<Scheme, 'criteria' | 'passTotal'>,
  values: Readonly<Record<string, number>>,
  manualPoints: number | null,
): Scoring {
  const scores = scheme.criteria.map((c) => {
    const value = c.source === 'manual' ? (manualPoints ?? 0) : (values[c.key] ?? 0);
    const raw = c.source === 'manual' ? value : Math.floor(value * c.pointsPerUnit + 1e-9);
    const points = Math.max(0, Math.min(c.max, raw));
    return { key: c.key, value, points, min: c.min, max: c.max, belowMin: points < c.min };
  });
  const total = scores.reduce((s, c) => s + c.points, 0);
  return { scores, total, passed: total >= scheme.passTotal && scores.every((c) => !c.belowMin) };
}
