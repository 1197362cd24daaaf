// /api/v1/indicators: definitions with their targets, the dashboard's figures, and setting a target. Thin.
import { createRoute, z } from '@hono/zod-openapi';
import type { JSONValue } from 'hono/utils/types';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import { yearInVietnam } from '../../lib/dates.ts';

/** Dates as ISO strings, undefined fields dropped: what the client receives. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as { [k: string]: JSONValue };

import { dashboard } from './indicators.dashboard.server.ts';
import { getEquityView } from './indicators.equity.server.ts';
import { getDefinition, listDefinitions, setTarget, TargetSchema } from './indicators.usecases.server.ts';

const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.object({}).passthrough() } },
});
const CodeParams = z.strictObject({
  code: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'SK-03' }),
});
export const DashboardQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  unit: z.string().min(1).max(40).optional(),
  set: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  indicator: z.string().min(1).max(40).optional(),
});

export const EquityQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ example: 2025 }),
});
const count = z.number().int().nullable().openapi({ description: 'null: suppressed (under the threshold)' });
const EquityBody = z
  .object({
    year: z.number().int(),
    threshold: z.number().int().openapi({ description: 'Cells of 1 … threshold−1 people are hidden' }),
    bands: z.array(z.string()).openapi({ example: ['0-15', '16-24', '25-39', '40-59', '60+', 'unknown'] }),
    rows: z.array(
      z.object({
        commune: z.string().openapi({ description: 'Empty: commune not declared' }),
        population: z.number().int().nullable(),
        ratePerThousand: z.number().nullable(),
      }),
    ),
    table: z.object({
      cells: z.array(z.array(count)),
      rowTotals: z.array(count),
      colTotals: z.array(count),
      total: count,
    }),
    noService: z.array(z.string()),
    sources: z.array(z.string()),
  })
  .openapi('EquityView');

const listRoute = createRoute({
  method: 'get',
  path: '/indicators',
  tags: ['indicators'],
  summary: 'Danh mục chỉ tiêu, kèm nguồn và chỉ tiêu kế hoạch theo năm',
  responses: { 200: json('Indicator definitions') },
});
const oneRoute = createRoute({
  method: 'get',
  path: '/indicators/{code}',
  tags: ['indicators'],
  summary: 'Một chỉ tiêu và các mục tiêu của nó',
  request: { params: CodeParams },
  responses: { 200: json('The indicator') },
});
const dashboardRoute = createRoute({
  method: 'get',
  path: '/indicators/dashboard',
  tags: ['indicators'],
  summary: 'Số liệu bảng điều khiển: giá trị, so với mục tiêu, xu hướng, theo đơn vị và ngày kỷ niệm',
  request: { query: DashboardQuery },
  responses: { 200: json('Dashboard figures') },
});
const equityRoute = createRoute({
  method: 'get',
  path: '/indicators/equity',
  tags: ['indicators'],
  summary:
    'Công bằng tiếp cận: số người tham gia theo xã/phường so với dân số, theo nhóm tuổi; ô nhỏ bị ẩn; xã chưa có người tham gia',
  description:
    'Lãnh đạo, đầu mối và quản trị. Ô dưới ngưỡng (mặc định 10 người) và ô ẩn thứ cấp trả về null. Mặc định năm hiện tại.',
  request: { query: EquityQuery },
  responses: { 200: { description: 'Equity view', content: { 'application/json': { schema: EquityBody } } } },
});
const targetRoute = createRoute({
  // POST, not PUT: a target is a value keyed by (year, unit), set or cleared whole (no edited version).
  method: 'post',
  path: '/indicators/{code}/targets',
  tags: ['indicators'],
  summary: 'Đặt (hoặc xóa, target = null) mục tiêu của một chỉ tiêu cho một năm và đơn vị',
  request: {
    params: CodeParams,
    body: { content: { 'application/json': { schema: TargetSchema } }, required: true },
  },
  responses: { 204: { description: 'Saved' } },
});

export function registerIndicatorRoutes(api: Api, deps: AppDeps) {
  api.openapi(listRoute, async (c) =>
    c.json(plain({ indicators: await listDefinitions(deps, c.get('actor')) }), 200),
  );
  api.openapi(dashboardRoute, async (c) => {
    const q = c.req.valid('query');
    const d = await dashboard(deps, c.get('actor'), {
      year: q.year,
      unitId: q.unit,
      set: q.set,
      indicator: q.indicator,
    });
    return c.json(plain(d), 200);
  });
  api.openapi(equityRoute, async (c) => {
    const year = c.req.valid('query').year ?? yearInVietnam(deps.now());
    const view = await getEquityView(deps, c.get('actor'), year);
    return c.json({ ...view, bands: [...view.bands] }, 200);
  });
  api.openapi(oneRoute, async (c) =>
    c.json(plain(await getDefinition(deps, c.get('actor'), c.req.valid('param').code)), 200),
  );
  api.openapi(targetRoute, async (c) => {
    await setTarget(deps, c.get('actor'), c.req.valid('param').code, c.req.valid('json'));
    return c.body(null, 204);
  });
}
