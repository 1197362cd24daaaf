// GET /api/v1/plan/tasks built by PostgreSQL (issue 17): the whole answer document — `{ total, page, pageSize,
// pages, tasks }` with every task in the presenter's shape (plan.presenters.ts) — as ONE compact JSON text,
// which the route writes as it comes: no JSON.parse of PostgreSQL's JSON, no mapping, no JSON.stringify.
//
// The text is byte-for-byte what `JSON.stringify` of the JS-built answer gave (task-page-json.int.test.ts
// checks it): the same key order, no spaces, strings escaped by `to_json` (PostgreSQL escapes `"`, `\`, \b \f
// \n \r \t and other control characters as \u00xx, exactly as JSON.stringify does; nothing else, so `</script>`
// and combining marks pass through), dates as `YYYY-MM-DD` (`to_json` of a date is ISO whatever DateStyle
// says), integers and booleans as themselves, a NULL as `null`. json_build_object/json_agg are not used: they
// put spaces after `:` and `,`. Change this file together with the presenter and PlanTaskSchema.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.server.ts';
import { queryRowsNamed } from '../../../db/sql.server.ts';
import { type PlanTaskFilter, taskConditions } from '../tasks/task-filter.repository.server.ts';

const SECTION_ORDER = sql`array_position(ARRAY['I','II','III','IV','V','VI','VII']::text[], t.section)`;

/** A value as JSON text, `null` for NULL (string concatenation with NULL would void the whole document). */
const j = (expr: string) => `coalesce(to_json(${expr})::text, 'null')`;

const unitObject = `'{"id":' || ${j('u.id')} || ',"code":' || ${j('u.code')} || ',"name":' || ${j('u.name')} || '}'`;

const TASK_OBJECT = sql.raw(`'{"id":' || ${j('p.id')} || ',"sourceKey":' || ${j('p.source_key')}
  || ',"origin":' || ${j('p.origin')} || ',"phase":' || ${j('p.phase')} || ',"section":' || ${j('p.section')}
  || ',"sectionTitle":' || ${j('p.section_title')} || ',"number":' || ${j('p.number')}
  || ',"content":' || ${j('p.content')} || ',"product":' || ${j('p.product')}
  || ',"lead":{"units":[' || coalesce(tun.lead, '') || '],"groups":' || coalesce(to_json(p.lead_groups)::text, '[]')
  || ',"text":' || ${j('p.lead_units_text')} || '}'
  || ',"coordinating":{"units":[' || coalesce(tun.coordinating, '') || '],"groups":'
  || coalesce(to_json(p.coordinating_groups)::text, '[]') || ',"text":' || ${j('p.coordinating_units_text')} || '}'
  || ',"timeText":' || ${j('p.time_text')}
  || ',"time":' || CASE
    WHEN p.time_kind = 'range' AND p.time_from IS NOT NULL AND p.time_to IS NOT NULL
      THEN '{"kind":"range","from":' || p.time_from || ',"to":' || p.time_to || '}'
    WHEN p.time_kind = 'year' AND p.time_from IS NOT NULL THEN '{"kind":"year","year":' || p.time_from || '}'
    WHEN p.time_kind = 'yearly' THEN '{"kind":"yearly"}'
    ELSE '{"kind":"unspecified"}' END
  || ',"instances":[' || coalesce(ins.list, '') || ']}'`);

/** Each task's units by role (plan order: position, then id) and its yearly instances, as JSON list bodies. */
const TASK_PARTS = sql.raw(`LEFT JOIN LATERAL (
    SELECT string_agg(CASE WHEN tu.role = 'lead' THEN ${unitObject} END, ',' ORDER BY tu.position, tu.unit_id) AS lead,
      string_agg(CASE WHEN tu.role = 'coordinating' THEN ${unitObject} END, ',' ORDER BY tu.position, tu.unit_id)
        AS coordinating
    FROM plan_task_units tu JOIN unit_directory u ON u.id = tu.unit_id WHERE tu.task_id = p.id
  ) tun ON true
  LEFT JOIN LATERAL (
    SELECT string_agg('{"id":' || ${j('i.id')} || ',"year":' || ${j('i.year')} || ',"dueDate":' || ${j('i.due_date')}
        || ',"status":' || ${j('i.status')} || ',"yearInferred":' || ${j('i.year_inferred')} || '}', ',' ORDER BY i.year)
      AS list
    FROM plan_task_instances i WHERE i.task_id = p.id
  ) ins ON true`);

/** The answer when the caller's scope holds no unit: no statement needed. */
export function emptyTaskPageJson(page: number, pageSize: number): string {
  return `{"total":0,"page":${page},"pageSize":${pageSize},"pages":1,"tasks":[]}`;
}

/**
 * The whole `GET /api/v1/plan/tasks` answer as JSON text, in one named statement (the text varies only with
 * which filters are set, so each shape is prepared once per connection). `page` from 1, `pageSize` ≥ 1.
 */
export async function taskPageJson(
  db: Db,
  f: PlanTaskFilter,
  page: number,
  pageSize: number,
): Promise<string> {
  if (f.scopeRoots && f.scopeRoots.length === 0) return emptyTaskPageJson(page, pageSize);
  const where = taskConditions(f, 't');
  const whereSql: SQL = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const [row] = await queryRowsNamed<{ body: string }>(
    db,
    sql`WITH matched AS (
          SELECT t.*, ${SECTION_ORDER} AS section_order FROM plan_tasks t ${whereSql}
        ), page AS (
          SELECT * FROM matched ORDER BY phase, section_order, number, id
          LIMIT ${pageSize}::int OFFSET ${(page - 1) * pageSize}::int
        )
        SELECT '{"total":' || c.n || ',"page":' || ${page}::int || ',"pageSize":' || ${pageSize}::int
          || ',"pages":' || greatest(1, (c.n + ${pageSize}::int - 1) / ${pageSize}::int)
          || ',"tasks":[' || coalesce(tasks.list, '') || ']}' AS body
        FROM (SELECT count(*)::int AS n FROM matched) c,
          (SELECT string_agg(${TASK_OBJECT}, ',' ORDER BY p.phase, p.section_order, p.number, p.id) AS list
            FROM page p ${TASK_PARTS}) tasks`,
  );
  if (!row) throw new Error('taskPageJson: no row');
  return row.body;
}
