// /api/v1/plan/instances/…: the plan's live work with the same rules as the pages (the use cases decide):
// read an instance, save progress (optimistic version → 409), workflow transitions, assignment, due date,
// comments, link evidence; and /api/v1/plan/my-work. Evidence files are uploaded through the page form.
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Api } from '../../../http/api.server.ts';
import { addLinkEvidence, removeEvidence } from './evidence.usecases.server.ts';
import { listMyWork } from './my-work.usecases.server.ts';
import { saveProgress, TRANSITIONS, transitionReport } from './progress.usecases.server.ts';
import { presentInstance, presentWrittenReport } from './work.presenters.ts';
import {
  AssignSchema,
  CommentSchema,
  DueDateSchema,
  EvidenceParamsSchema,
  InstanceParamsSchema,
  InstanceSchema,
  LinkEvidenceSchema,
  ProgressSchema,
  ReportSchema,
  TransitionSchema,
  UnitPartParamsSchema,
} from './work.schemas.server.ts';
import {
  assignUnitPart,
  commentOnInstance,
  getInstanceView,
  setInstanceDueDate,
} from './work.usecases.server.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const noContent = { description: 'Done' };
const problems = {
  404: { description: 'Not found, or another unit’s part' },
  409: { description: 'Stale version, or the report is not in a state that allows this' },
};

const getRoute = createRoute({
  method: 'get',
  path: '/plan/instances/{instanceId}',
  tags: ['plan'],
  summary:
    'Một năm thực hiện của nhiệm vụ: phần việc các đơn vị (trong phạm vi được xem), minh chứng, lịch sử',
  request: { params: InstanceParamsSchema },
  responses: { 200: json(InstanceSchema, 'The instance'), 404: problems[404] },
});

const progressRoute = createRoute({
  method: 'put',
  path: '/plan/instances/{instanceId}/units/{unitId}/progress',
  tags: ['plan'],
  summary: 'Cập nhật tiến độ phần việc của đơn vị (kèm phiên bản đã đọc; phiên bản cũ → 409)',
  request: { params: UnitPartParamsSchema, ...jsonBody(ProgressSchema) },
  responses: { 200: json(ReportSchema, 'The report as saved'), ...problems },
});

const transitionRoutes = TRANSITIONS.map((transition) =>
  createRoute({
    method: 'post',
    path: `/plan/instances/{instanceId}/units/{unitId}/${transition}`,
    tags: ['plan'],
    summary: {
      ready: 'Viên chức gửi báo cáo cho thủ trưởng đơn vị',
      submit: 'Thủ trưởng đơn vị gửi báo cáo lên Sở',
      approve: 'Phòng QLVH&GĐ phê duyệt báo cáo',
      return: 'Phòng QLVH&GĐ trả lại báo cáo kèm ý kiến (bắt buộc)',
    }[transition],
    request: { params: UnitPartParamsSchema, ...jsonBody(TransitionSchema) },
    responses: { 200: json(ReportSchema, 'The report after the transition'), ...problems },
  }),
);

const assignRoute = createRoute({
  method: 'put',
  path: '/plan/instances/{instanceId}/units/{unitId}/assignee',
  tags: ['plan'],
  summary: 'Giao phần việc của đơn vị cho một người của đơn vị',
  request: { params: UnitPartParamsSchema, ...jsonBody(AssignSchema) },
  responses: { 200: json(ReportSchema, 'The report'), ...problems },
});

const dueRoute = createRoute({
  method: 'put',
  path: '/plan/instances/{instanceId}/due-date',
  tags: ['plan'],
  summary: 'Đặt hạn hoàn thành (mặc định 30/11; 15/12 với nhiệm vụ báo cáo)',
  request: { params: InstanceParamsSchema, ...jsonBody(DueDateSchema) },
  responses: { 204: noContent, 404: problems[404] },
});

const commentRoute = createRoute({
  method: 'post',
  path: '/plan/instances/{instanceId}/comments',
  tags: ['plan'],
  summary: 'Ý kiến của lãnh đạo hoặc Phòng QLVH&GĐ trên lịch sử năm thực hiện',
  request: { params: InstanceParamsSchema, ...jsonBody(CommentSchema) },
  responses: { 204: noContent, 404: problems[404] },
});

const addEvidenceRoute = createRoute({
  method: 'post',
  path: '/plan/instances/{instanceId}/units/{unitId}/evidence',
  tags: ['plan'],
  summary:
    'Thêm minh chứng dạng liên kết hoặc liên kết tới bản ghi khác (sự kiện, triển lãm, tập huấn, tin bài)',
  request: { params: UnitPartParamsSchema, ...jsonBody(LinkEvidenceSchema) },
  responses: { 201: json(z.object({ id: z.string() }), 'The new evidence id'), ...problems },
});

const removeEvidenceRoute = createRoute({
  method: 'delete',
  path: '/plan/instances/{instanceId}/units/{unitId}/evidence/{evidenceId}',
  tags: ['plan'],
  summary: 'Gỡ minh chứng (khi báo cáo còn được sửa)',
  request: { params: EvidenceParamsSchema },
  responses: { 204: noContent, ...problems },
});

const WorkItemSchema = z
  .object({
    instanceId: z.string(),
    taskId: z.string(),
    section: z.string(),
    number: z.number().int(),
    content: z.string(),
    year: z.number().int(),
    dueDate: z.string().nullable(),
    unitId: z.string(),
    unitName: z.string(),
    state: z.string(),
    status: z.string(),
    percent: z.number().int(),
    assignedToMe: z.boolean(),
    overdue: z.boolean(),
  })
  .openapi('PlanWorkItem');

const myWorkRoute = createRoute({
  method: 'get',
  path: '/plan/my-work',
  tags: ['plan'],
  summary: 'Việc của tôi: phần việc giao cho tôi hoặc đơn vị tôi chưa được duyệt, theo hạn (quá hạn trước)',
  responses: { 200: json(z.object({ items: z.array(WorkItemSchema) }), 'Work items') },
});

export function registerPlanWorkRoutes(api: Api, deps: AppDeps) {
  const written = async (
    actor: Parameters<typeof getInstanceView>[1],
    instanceId: string,
    report: Parameters<typeof presentWrittenReport>[1],
  ) => presentWrittenReport(await getInstanceView(deps, actor, instanceId), report);

  api.openapi(getRoute, async (c) => {
    const view = await getInstanceView(deps, c.get('actor'), c.req.valid('param').instanceId);
    return c.json(presentInstance(view), 200);
  });
  api.openapi(progressRoute, async (c) => {
    const actor = c.get('actor');
    const p = c.req.valid('param');
    const report = await saveProgress(deps, actor, { ...p, ...c.req.valid('json') });
    return c.json(await written(actor, p.instanceId, report), 200);
  });
  for (const [i, route] of transitionRoutes.entries()) {
    const transition = TRANSITIONS[i] ?? 'ready';
    api.openapi(route, async (c) => {
      const actor = c.get('actor');
      const p = c.req.valid('param');
      const report = await transitionReport(deps, actor, { ...p, ...c.req.valid('json'), transition });
      return c.json(await written(actor, p.instanceId, report), 200);
    });
  }
  api.openapi(assignRoute, async (c) => {
    const actor = c.get('actor');
    const p = c.req.valid('param');
    const report = await assignUnitPart(deps, actor, { ...p, ...c.req.valid('json') });
    return c.json(await written(actor, p.instanceId, report), 200);
  });
  api.openapi(dueRoute, async (c) => {
    await setInstanceDueDate(deps, c.get('actor'), { ...c.req.valid('param'), ...c.req.valid('json') });
    return c.body(null, 204);
  });
  api.openapi(commentRoute, async (c) => {
    await commentOnInstance(deps, c.get('actor'), { ...c.req.valid('param'), ...c.req.valid('json') });
    return c.body(null, 204);
  });
  api.openapi(addEvidenceRoute, async (c) => {
    const id = await addLinkEvidence(deps, c.get('actor'), c.req.valid('param'), c.req.valid('json'));
    return c.json({ id }, 201);
  });
  api.openapi(removeEvidenceRoute, async (c) => {
    await removeEvidence(deps, c.get('actor'), c.req.valid('param'));
    return c.body(null, 204);
  });
  api.openapi(myWorkRoute, async (c) => {
    const { today, groups } = await listMyWork(deps, c.get('actor'));
    const items = groups.flatMap((g) =>
      g.items.map((i) => ({
        instanceId: i.instanceId,
        taskId: i.taskId,
        section: i.section,
        number: i.number,
        content: i.content,
        year: i.year,
        dueDate: i.dueDate,
        unitId: i.unitId,
        unitName: i.unitName,
        state: i.state,
        status: i.status,
        percent: i.percent,
        assignedToMe: i.assignedToMe,
        overdue: i.dueDate !== null && i.dueDate < today,
      })),
    );
    return c.json({ items }, 200);
  });
}
