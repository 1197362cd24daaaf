// /api/v1/plan/budget: estimate lines per instance and unit, appraisal, spending, totals and XLSX export.
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Api } from '../../../http/api.server.ts';
import { exportBudgetXlsx, XLSX_MIME } from './budget.export.server.ts';
import { presentBudgetLine } from './budget.presenters.ts';
import {
  AppraiseBudgetLineSchema,
  BudgetLineParamsSchema,
  BudgetLineSchema,
  BudgetListSchema,
  BudgetQuerySchema,
  CreateBudgetLineSchema,
  DeleteBudgetQuerySchema,
  RecordSpendingSchema,
  UpdateBudgetLineSchema,
} from './budget.schemas.server.ts';
import {
  appraiseBudgetLine,
  createBudgetLine,
  deleteBudgetLine,
  getBudgetLine,
  listBudget,
  recordBudgetSpending,
  updateBudgetLine,
} from './budget.usecases.server.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const tags = ['plan'];

const listRoute = createRoute({
  method: 'get',
  path: '/plan/budget/lines',
  tags,
  summary: 'Dự toán kinh phí: các dòng dự toán và tổng hợp theo đơn vị, nguồn, năm',
  request: { query: BudgetQuerySchema },
  responses: { 200: json(BudgetListSchema, 'Lines the caller may see, with totals') },
});
const getRoute = createRoute({
  method: 'get',
  path: '/plan/budget/lines/{lineId}',
  tags,
  summary: 'Một dòng dự toán',
  request: { params: BudgetLineParamsSchema },
  responses: { 200: json(BudgetLineSchema, 'The line') },
});
const createLineRoute = createRoute({
  method: 'post',
  path: '/plan/budget/lines',
  tags,
  summary: 'Lập một dòng dự toán cho phần việc của đơn vị (đơn vị chủ trì hoặc phối hợp nhiệm vụ)',
  request: jsonBody(CreateBudgetLineSchema),
  responses: { 201: json(BudgetLineSchema, 'The new line') },
});
const updateRoute = createRoute({
  method: 'put',
  path: '/plan/budget/lines/{lineId}',
  tags,
  summary: 'Sửa dòng dự toán chưa thẩm định (409 nếu phiên bản đã cũ)',
  request: { params: BudgetLineParamsSchema, ...jsonBody(UpdateBudgetLineSchema) },
  responses: { 200: json(BudgetLineSchema, 'The updated line') },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/plan/budget/lines/{lineId}',
  tags,
  summary: 'Xóa dòng dự toán chưa thẩm định',
  request: {
    params: BudgetLineParamsSchema,
    query: DeleteBudgetQuerySchema,
  },
  responses: { 204: { description: 'Deleted' } },
});
const appraiseRoute = createRoute({
  method: 'post',
  path: '/plan/budget/lines/{lineId}/appraisal',
  tags,
  summary: 'Thẩm định (Phòng KH-TC): số được duyệt và ý kiến',
  request: { params: BudgetLineParamsSchema, ...jsonBody(AppraiseBudgetLineSchema) },
  responses: { 200: json(BudgetLineSchema, 'The appraised line') },
});
const spendRoute = createRoute({
  method: 'post',
  path: '/plan/budget/lines/{lineId}/spending',
  tags,
  summary: 'Ghi nhận kinh phí đã chi kèm chứng từ (Phòng KH-TC)',
  request: { params: BudgetLineParamsSchema, ...jsonBody(RecordSpendingSchema) },
  responses: { 200: json(BudgetLineSchema, 'The line with its spending') },
});
const exportRoute = createRoute({
  method: 'get',
  path: '/plan/budget/export.xlsx',
  tags,
  summary: 'Xuất dự toán (các dòng và tổng hợp) ra tệp Excel',
  request: { query: BudgetQuerySchema },
  responses: {
    200: {
      description: 'XLSX workbook',
      content: { [XLSX_MIME]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
  },
});

export function registerPlanBudgetRoutes(api: Api, deps: AppDeps) {
  api.openapi(listRoute, async (c) => {
    const { lines, totals } = await listBudget(deps, c.get('actor'), c.req.valid('query'));
    return c.json({ lines: lines.map(presentBudgetLine), totals }, 200);
  });
  api.openapi(exportRoute, async (c) => {
    const body = await exportBudgetXlsx(deps, c.get('actor'), c.req.valid('query'), 'vi');
    return c.body(new Uint8Array(body), 200, {
      'content-type': XLSX_MIME,
      'content-disposition': 'attachment; filename="du-toan-kinh-phi.xlsx"',
    });
  });
  api.openapi(getRoute, async (c) => {
    const line = await getBudgetLine(deps, c.get('actor'), c.req.valid('param').lineId);
    return c.json(presentBudgetLine(line), 200);
  });
  api.openapi(createLineRoute, async (c) => {
    const line = await createBudgetLine(deps, c.get('actor'), c.req.valid('json'));
    return c.json(presentBudgetLine(line), 201);
  });
  api.openapi(updateRoute, async (c) => {
    const { lineId } = c.req.valid('param');
    const line = await updateBudgetLine(deps, c.get('actor'), lineId, c.req.valid('json'));
    return c.json(presentBudgetLine(line), 200);
  });
  api.openapi(deleteRoute, async (c) => {
    const { lineId } = c.req.valid('param');
    await deleteBudgetLine(deps, c.get('actor'), lineId, c.req.valid('query').version);
    return c.body(null, 204);
  });
  api.openapi(appraiseRoute, async (c) => {
    const { lineId } = c.req.valid('param');
    const line = await appraiseBudgetLine(deps, c.get('actor'), lineId, c.req.valid('json'));
    return c.json(presentBudgetLine(line), 200);
  });
  api.openapi(spendRoute, async (c) => {
    const { lineId } = c.req.valid('param');
    const line = await recordBudgetSpending(deps, c.get('actor'), lineId, c.req.valid('json'));
    return c.json(presentBudgetLine(line), 200);
  });
}
