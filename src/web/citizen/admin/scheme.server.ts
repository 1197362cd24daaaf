// The criteria form of "Công dân học tập" (server side): the posted rows as a scheme, and every problem at
// once (each field, the weights' sum, the pass mark) with the input it belongs to.

import type { MessageKey } from '../../../lib/i18n.ts';
import { SchemeSchema } from '../../../modules/citizen/citizen.schemas.server.ts';
import { CRITERION_SOURCES, type Criterion } from '../../../modules/citizen/citizen.scheme.ts';
import { type FormMessage, formText } from '../../ui/forms.ts';

export const MAX_ROWS = 20;
export const FIELDS = [
  'key',
  'labelVi',
  'labelEn',
  'source',
  'pointsPerUnit',
  'max',
  'min',
  'pathIds',
] as const;
export type RowValues = Record<(typeof FIELDS)[number] | 'remove', string>;

export const fieldId = (row: number, field: string) => `c${row}-${field}`;

const num = (s: string) => (/^\s*\d+(?:[.,]\d+)?\s*$/.test(s) ? Number(s.replace(',', '.')) : Number.NaN);

export function criterionValues(c: Criterion): RowValues {
  return {
    key: c.key,
    labelVi: c.labelVi,
    labelEn: c.labelEn,
    source: c.source,
    pointsPerUnit: String(c.pointsPerUnit),
    max: String(c.max),
    min: String(c.min),
    pathIds: (c.pathIds ?? []).join(', '),
    remove: '',
  };
}

export function readRows(form: FormData): RowValues[] {
  const n = Math.min(MAX_ROWS, Math.max(0, Number(formText(form, 'rows')) || 0));
  return Array.from({ length: n }, (_, i) => {
    const v = Object.fromEntries(FIELDS.map((f) => [f, formText(form, `c${i}.${f}`)])) as RowValues;
    v.remove = formText(form, `c${i}.remove`) ? 'on' : '';
    return v;
  });
}

const isBlankRow = (v: RowValues) => !v.key.trim() && !v.labelVi.trim() && !v.labelEn.trim();

const FIELD_KEYS: Record<string, MessageKey> = {
  key: 'citizen.scheme.invalid.key',
  labelVi: 'citizen.scheme.invalid.label',
  labelEn: 'citizen.scheme.invalid.label',
  source: 'citizen.scheme.invalid.source',
  pointsPerUnit: 'citizen.scheme.invalid.points',
  max: 'citizen.scheme.invalid.weight',
  min: 'citizen.scheme.invalid.min',
  pathIds: 'citizen.scheme.invalid.pathIds',
};

/** The scheme the form describes, or every problem with it (row numbers as shown, from 1). */
export function parseSchemeForm(
  rows: RowValues[],
  passTotal: string,
): { scheme: { criteria: Criterion[]; passTotal: number } | null; errors: FormMessage[] } {
  const kept = rows.flatMap((v, row) => (v.remove || isBlankRow(v) ? [] : [{ v, row }]));
  const raw = {
    criteria: kept.map(({ v }) => ({
      key: v.key.trim(),
      labelVi: v.labelVi,
      labelEn: v.labelEn,
      source: v.source,
      pointsPerUnit: v.source === 'manual' ? 0 : num(v.pointsPerUnit),
      max: num(v.max),
      min: num(v.min),
      ...(v.source === 'digitalPaths'
        ? {
            pathIds: v.pathIds
              .split(/[\s,]+/)
              .map((s) => s.trim())
              .filter(Boolean),
          }
        : {}),
    })),
    passTotal: num(passTotal),
  };
  const errors: FormMessage[] = [];
  const seen = new Set<string>();
  const add = (m: FormMessage) => {
    const id = `${m.field}|${m.key}`;
    if (!seen.has(id)) errors.push(m);
    seen.add(id);
  };
  const parsed = SchemeSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // Scheme-wide and min ≤ max rules are checked below, so each is listed once, with its own words.
      if (issue.code === 'custom') continue;
      const [top, index, field] = issue.path.map(String);
      if (top === 'passTotal') add({ field: 'passTotal', key: 'citizen.scheme.invalid.pass' });
      else if (top === 'criteria' && index !== undefined && field) {
        const row = kept[Number(index)]?.row ?? 0;
        add({
          field: fieldId(row, field),
          key: FIELD_KEYS[field] ?? 'error.validation',
          params: { row: row + 1 },
        });
      }
    }
  }
  // The scheme-wide rules, checked here too so they are listed with the field errors (zod stops early).
  const first = kept[0]?.row ?? 0;
  if (!kept.length) add({ field: fieldId(0, 'key'), key: 'citizen.scheme.invalid.none' });
  const sum = raw.criteria.reduce((s, c) => s + (Number.isFinite(c.max) ? c.max : 0), 0);
  if (kept.length && sum !== 100)
    add({ field: fieldId(first, 'max'), key: 'citizen.scheme.invalid.sum', params: { sum } });
  const keys = raw.criteria.map((c) => c.key);
  kept.forEach(({ row }, i) => {
    if (keys[i] && keys.indexOf(keys[i]!) !== i)
      add({
        field: fieldId(row, 'key'),
        key: 'citizen.scheme.invalid.duplicateKey',
        params: { row: row + 1 },
      });
  });
  if (raw.criteria.filter((c) => c.source === 'manual').length > 1)
    add({ field: fieldId(first, 'source'), key: 'citizen.scheme.invalid.oneManual' });
  kept.forEach(({ row }, i) => {
    const c = raw.criteria[i]!;
    if (Number.isFinite(c.min) && Number.isFinite(c.max) && c.min > c.max)
      add({ field: fieldId(row, 'min'), key: 'citizen.scheme.invalid.minMax', params: { row: row + 1 } });
  });
  if (errors.length || !parsed.success) return { scheme: null, errors };
  return { scheme: parsed.data as { criteria: Criterion[]; passTotal: number }, errors: [] };
}

export const SOURCES = CRITERION_SOURCES;
