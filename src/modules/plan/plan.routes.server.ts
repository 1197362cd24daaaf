import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import { presentPlanTask } from './plan.presenters.ts';
import {
  PlanTaskListSchema,
  PlanTaskParamsSchema,
  PlanTaskQuerySchema,
  PlanTaskSchema,
} from './plan.schemas.server.ts';
import { getPlanTask, listPlanTasks } from './plan.usecases.server.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/plan/tasks',
  tags: ['plan'],
  summary: 'Nhiệm vụ của kế hoạch (Phụ lục I, II), lọc theo giai đoạn, mục, đơn vị, năm, từ khóa',
  request: { query: PlanTaskQuerySchema },
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
    const tasks = await listPlanTasks(deps, c.get('actor'), c.req.valid('query'));
    return c.json({ total: tasks.length, tasks: tasks.map(presentPlanTask) }, 200);
  });
  api.openapi(getRoute, async (c) => {
    const task = await getPlanTask(deps, c.get('actor'), c.req.valid('param').taskId);
    return c.json(presentPlanTask(task), 200);
  });
}
