// Population per commune (issue 13's equity view), loaded by an administrator from CSV: a header line naming
// the columns `commune`, `year`, `population` (optionally `source`), comma- or semicolon-separated, UTF-8. The
// whole file is checked first and every bad line reported with its number; nothing is stored unless every line
// is good. Communes must be ones the places data knows (the names learner profiles choose from). Importing the
// same file again changes nothing (each commune and year is replaced).
import { parse } from 'csv-parse/sync';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { placesPort } from '../places/index.server.ts';

export const POPULATION_MAX_BYTES = 512 * 1024;

export interface PopulationLine {
  /** The line's number in the file (the header is line 1). */
  line: number;
  commune: string;
  year: number;
  population: number;
  source: string;
}

export type PopulationError =
  | { line: number; code: 'columns' | 'year' | 'population' | 'duplicate' | 'empty' }
  | { line: number; code: 'unknownCommune'; commune: string };

export type PopulationImport =
  | { ok: true; imported: number; changed: number }
  | { ok: false; errors: PopulationError[] };

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');

export function parsePopulationCsv(text: string): { lines: PopulationLine[]; errors: PopulationError[] } {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = (body.split('\n')[0] ?? '').includes(';') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch {
    return { lines: [], errors: [{ line: 1, code: 'columns' }] };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [ci, yi, pi, si] = [col('commune'), col('year'), col('population'), col('source')];
  if (ci < 0 || yi < 0 || pi < 0) return { lines: [], errors: [{ line: 1, code: 'columns' }] };
  if (records.length < 2) return { lines: [], errors: [{ line: 1, code: 'empty' }] };
  const lines: PopulationLine[] = [];
  const errors: PopulationError[] = [];
  const seen = new Set<string>();
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    const error = (code: 'columns' | 'year' | 'population' | 'duplicate') => errors.push({ line, code });
    const commune = norm(rec[ci] ?? '');
    const yearText = (rec[yi] ?? '').trim();
    const popText = (rec[pi] ?? '').replace(/[.\s]/g, '');
    const key = `${commune}\u0000${yearText}`;
    if (!commune || commune.length > 120) error('columns');
    else if (!/^\d{4}$/.test(yearText) || +yearText < 1900 || +yearText > 2200) error('year');
    else if (!/^\d{1,9}$/.test(popText)) error('population');
    else if (seen.has(key)) error('duplicate');
    else {
      seen.add(key);
      lines.push({
        line,
        commune,
        year: +yearText,
        population: +popText,
        source: norm(rec[si] ?? '').slice(0, 300),
      });
    }
  });
  return { lines, errors };
}

export async function importPopulation(deps: AppDeps, actor: Actor, text: string): Promise<PopulationImport> {
  authorize(actor, 'indicators.population.manage');
  const { lines, errors } = parsePopulationCsv(text);
  const communes = new Set(await placesPort.communes(deps, deps.db));
  for (const l of lines)
    if (!communes.has(l.commune)) errors.push({ line: l.line, code: 'unknownCommune', commune: l.commune });
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line).slice(0, 200) };
  const by = actor.kind === 'user' ? actor.userId : null;
  const changed = await deps.db.transaction(async (tx) => {
    const n = await deps.repos.indicators.upsertPopulation(tx, lines, by, deps.now());
    await deps.audit.record(tx, actor, {
      action: 'indicators.population.import',
      entityType: 'indicator_population',
      entityId: [...new Set(lines.map((l) => l.year))].join(','),
      after: { lines: lines.length, changed: n },
    });
    return n;
  });
  return { ok: true, imported: lines.length, changed };
}
