// The events module's indicator computations (issue 13), on its own tables only. A session counts in the period
// its start falls in (Vietnam time): an event whose sessions run from December into January counts once in each
// year, its sessions and attendance where each session started. Cancelled events, cancelled sessions and copied
// partner events (source 'external') count nowhere. Attendance sums each session's `attendance_people` (kept by
// triggers on event_attendance, migration 0085) instead of scanning every attendance row; `direct` scans them.
import { type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../app/deps.types.ts';
import type { IndicatorQuery, IndicatorRow, IndicatorSource } from '../../app/module.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';

const HELD = sql`e.status = 'published' AND e.source = 'local' AND NOT s.cancelled`;

function scope(q: Pick<IndicatorQuery, 'from' | 'to' | 'unitIds'>): SQL {
  const units = q.unitIds ? sql` AND e.unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``;
  return sql`${HELD} AND s.starts_at >= ${q.from} AND s.starts_at < ${q.to}${units}`;
}

/** The breakdown key: a unit id, a category, or the session's local day as MM-DD (commemorative days). */
function keyOf(q: IndicatorQuery): SQL {
  switch (q.breakdown) {
    case 'unit':
      return sql`e.unit_id`;
    case 'category':
      return sql`e.category`;
    case 'commemorativeDay':
      return sql`to_char(s.starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'MM-DD')`;
    case 'year':
      return sql`to_char(s.starts_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY')`;
    default:
      return sql`NULL::text`;
  }
}

async function run(
  deps: AppDeps,
  q: IndicatorQuery,
  value: SQL,
  join: SQL = sql``,
  where: SQL = sql``,
): Promise<IndicatorRow[]> {
  const rows = await queryRows<{ key: string | null; value: string | number }>(
    deps.db,
    sql`SELECT ${keyOf(q)} AS key, ${value} AS value
          FROM event_sessions s JOIN events e ON e.id = s.event_id ${join}
         WHERE ${scope(q)}${where}
         GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((r) => ({ key: r.key, value: Number(r.value) }));
}

const BREAKDOWNS = ['unit', 'category', 'commemorativeDay', 'year'] as const;

export const eventIndicatorSources: IndicatorSource[] = [
  {
    key: 'events.held',
    label: 'indicators.source.events.held',
    measure: 'events',
    breakdowns: BREAKDOWNS,
    // An event (and its sessions) belongs to one unit.
    unitAdditive: true,
    compute: (deps, q) => run(deps, q, sql`count(DISTINCT e.id)`),
  },
  {
    key: 'events.sessions',
    label: 'indicators.source.events.sessions',
    measure: 'times',
    breakdowns: BREAKDOWNS,
    // An event (and its sessions) belongs to one unit.
    unitAdditive: true,
    compute: (deps, q) => run(deps, q, sql`count(*)`),
  },
  {
    key: 'events.attendance',
    label: 'indicators.source.events.attendance',
    measure: 'people',
    breakdowns: BREAKDOWNS,
    // An event (and its sessions) belongs to one unit.
    unitAdditive: true,
    compute: (deps, q) =>
      q.direct
        ? run(
            deps,
            q,
            sql`coalesce(sum(a.party_size), 0)`,
            sql`JOIN event_attendance a ON a.session_id = s.id`,
          )
        : run(deps, q, sql`coalesce(sum(s.attendance_people), 0)`, sql``, sql` AND s.attendance_people > 0`),
    // Who attended: the registered learner (a family member) or the account holder; walk-ins have no profile.
    async participants(deps, q) {
      const rows = await queryRows<{ id: string }>(
        deps.db,
        sql`SELECT DISTINCT coalesce(r.learner_id, r.user_id) AS id
              FROM event_sessions s JOIN events e ON e.id = s.event_id
              JOIN event_attendance a ON a.session_id = s.id
              JOIN event_registrations r ON r.id = a.registration_id
             WHERE ${scope(q)} AND coalesce(r.learner_id, r.user_id) IS NOT NULL`,
      );
      return rows.map((r) => r.id);
    },
  },
];
