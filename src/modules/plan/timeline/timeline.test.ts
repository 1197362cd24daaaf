import { describe, expect, it } from 'vitest';
import { layoutTimeline, type TimelineTask, timelineStatus, yearFraction } from './timeline.ts';

const task = (
  id: string,
  years: number[],
  status = 'not_started',
  due?: (y: number) => string,
): TimelineTask => ({
  id,
  label: id,
  title: `Nhiệm vụ ${id}`,
  instances: years.map((year) => ({ id: `${id}-${year}`, year, status, dueDate: due ? due(year) : null })),
});

describe('timelineStatus', () => {
  it('keeps final statuses and marks unfinished instances past their due date as overdue', () => {
    expect(timelineStatus('done', '2024-11-30', '2026-01-01')).toBe('done');
    expect(timelineStatus('not_done', '2024-11-30', '2026-01-01')).toBe('not_done');
    expect(timelineStatus('in_progress', '2024-11-30', '2026-01-01')).toBe('overdue');
    expect(timelineStatus('not_started', '2026-11-30', '2026-11-30')).toBe('not_started');
    expect(timelineStatus('in_progress', null, '2030-12-31')).toBe('in_progress');
    expect(timelineStatus('weird', null, '2024-01-01')).toBe('other');
  });
});

describe('yearFraction', () => {
  it('places 1 January at 0 and 2 July near the middle, leap years included', () => {
    expect(yearFraction('2025-01-01')).toEqual({ year: 2025, fraction: 0 });
    expect(yearFraction('2024-07-02')?.fraction).toBeCloseTo(183 / 366, 6);
    expect(yearFraction('31/12/2025')).toBeNull();
  });
});

describe('layoutTimeline', () => {
  const opts = { today: '2026-07-02', width: 960, labelWidth: 160, rowHeight: 20 } as const;

  it('divides the chart into the eight program years, left to right', () => {
    const l = layoutTimeline([task('a', [2023])], opts);
    expect(l.years.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(l.years[0]?.x).toBe(160);
    expect(l.years[1]?.x).toBeCloseTo(160 + 790 / 8, 1);
    expect(l.chart.right).toBe(950);
  });

  it('draws one bar per yearly instance inside its year and a span over the task’s years', () => {
    const l = layoutTimeline([task('a', [2023, 2024, 2025]), task('b', [2030])], opts);
    const [a, b] = l.rows;
    expect(a?.bars.map((x) => x.year)).toEqual([2023, 2024, 2025]);
    const yw = 790 / 8;
    for (const bar of a?.bars ?? []) {
      const start = 160 + (bar.year - 2023) * yw;
      expect(bar.x).toBeGreaterThan(start);
      expect(bar.x + bar.width).toBeLessThan(start + yw);
    }
    expect(a?.span).toEqual({ x: 160, width: Math.round(3 * yw * 100) / 100 });
    expect(b?.y).toBe((a?.y ?? 0) + 20);
    expect(b?.span?.x).toBeCloseTo(160 + 7 * yw, 1);
    expect(l.height).toBe(l.chart.top + 2 * 20 + 10);
  });

  it('puts the today line at today’s position, and leaves it out outside 2023–2030', () => {
    const l = layoutTimeline([task('a', [2026])], opts);
    const yw = 790 / 8;
    expect(l.today?.x).toBeCloseTo(160 + 3 * yw + (182 / 365) * yw, 1);
    expect(layoutTimeline([task('a', [2026])], { ...opts, today: '2031-01-05' }).today).toBeNull();
    expect(layoutTimeline([task('a', [2026])], { ...opts, today: '2022-12-31' }).today).toBeNull();
  });

  it('places the three milestones on their report’s due date, 15 December by default', () => {
    const l = layoutTimeline([], { ...opts, milestoneDays: { soKet5Nam2027: '2027-06-30' } });
    expect(l.milestones.map((m) => [m.code, m.day])).toEqual([
      ['soKet2025', '2025-12-15'],
      ['soKet5Nam2027', '2027-06-30'],
      ['tongKet2030', '2030-12-15'],
    ]);
    const yw = 790 / 8;
    expect(l.milestones[1]?.x).toBeCloseTo(160 + 4 * yw + (180 / 365) * yw, 1);
  });

  it('lists in the legend only the statuses drawn, overdue derived from the due date', () => {
    const tasks = [
      task('a', [2024], 'in_progress', (y) => `${y}-11-30`),
      task('b', [2027], 'in_progress', (y) => `${y}-11-30`),
      task('c', [2025], 'done'),
    ];
    const l = layoutTimeline(tasks, opts);
    expect(l.rows.map((r) => r.bars[0]?.status)).toEqual(['overdue', 'in_progress', 'done']);
    expect(l.statuses).toEqual(['in_progress', 'overdue', 'done']);
  });

  it('ignores instances outside the chosen years', () => {
    const l = layoutTimeline([task('a', [2024, 2025, 2026])], { ...opts, fromYear: 2025, toYear: 2030 });
    expect(l.rows[0]?.bars.map((b) => b.year)).toEqual([2025, 2026]);
  });
});
