// Client-safe helpers of the indicator pages: reading the filters from the address, the CSV of a table.
export interface DashboardParams {
  year: number;
  unit: string | null;
  set: string | null;
  indicator: string | null;
}

export function readDashboardParams(url: URL, currentYear: number): DashboardParams | null {
  const y = url.searchParams.get('year');
  const year = y ? Number(y) : currentYear;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  const pick = (k: string, re: RegExp) => {
    const v = url.searchParams.get(k)?.trim();
    return v && re.test(v) ? v : null;
  };
  return {
    year,
    unit: pick('unit', /^[A-Za-z0-9_-]{1,40}$/),
    set: pick('set', /^[a-z0-9-]{1,40}$/),
    indicator: pick('indicator', /^[A-Z0-9][A-Z0-9.-]{0,39}$/),
  };
}

export function queryOf(p: DashboardParams, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ year: String(p.year) });
  if (p.unit) q.set('unit', p.unit);
  if (p.set) q.set('set', p.set);
  if (p.indicator) q.set('indicator', p.indicator);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
