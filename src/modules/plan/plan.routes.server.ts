import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import { etagMatches, jsonText, notModified } from '../../http/json-text.server.ts';
import { presentPlanTask } from './plan.presenters.ts';
import {
  type PlanTaskList,
  PlanTaskListSchema,
  PlanTaskPageQuerySchema,
  PlanTaskParamsSchema,
  PlanTaskSchema,
} from './plan.schemas.server.ts';
import { getPlanTask } from './plan.usecases.server.ts';
import { planTaskPageJson } from './work/task-page.usecases.server.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/plan/tasks',
  tags: ['plan'],
  summary: 'Nhiệm vụ của kế hoạch (Phụ lục I, II), lọc theo giai đoạn, mục, đơn vị, năm, từ khóa; từng trang',
  description:
    'Trả về một trang (mặc định 10 nhiệm vụ, `pageSize` tối đa 100); `total` là số nhiệm vụ phù hợp trên mọi trang, ' +
    '`pages` là số trang. Đọc hết danh sách: tăng `page` đến `pages`.',
  request: { query: PlanTaskPageQuerySchema },
  responses: {
    200: {
      description: 'Tasks the caller may see',
      content: { 'application/json': { schema: PlanTaskListSchema } },
    },
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/plan/tasks/{taskId}',
  tags: ['plan'],
  summary: 'Một nhiệm vụ của kế hoạch và các năm thực hiện',
  request: { params: PlanTaskParamsSchema },
  responses: {
    200: { description: 'The task', content: { 'application/json': { schema: PlanTaskSchema } } },
  },
});

export function registerPlanRoutes(api: Api, deps: AppDeps) {
  api.openapi(listRoute, async (c) => {
    const { page, pageSize, ...filters } = c.req.valid('query');
    // PostgreSQL builds the answer document (the JSON `c.json` of the presented page gave, byte for byte:
    // task-page-json.int.test.ts); it is written as it comes, without a parse and a stringify.
    const answer = await planTaskPageJson(deps, c.get('actor'), filters, { page, pageSize });
    c.header('ETag', answer.etag);
    // A signed-in answer: no shared cache may keep it; a browser keeps it only to revalidate with the ETag.
    c.header('Cache-Control', 'private, no-cache');
    if (etagMatches(c.req.header('if-none-match'), answer.etag)) return notModified<PlanTaskList>(c);
    return jsonText<PlanTaskList>(c, answer.body, 200);
  });
  api.openapi(getRoute, async (c) => {
    const task = await getPlanTask(deps, c.get('actor'), c.req.valid('param').taskId);
    return c.json(presentPlanTask(task), 200);
  });
}
