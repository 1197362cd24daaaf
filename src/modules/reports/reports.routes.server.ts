// /api/v1/reports: periods, a unit's submission (read, save, submit/return/accept), generations and documents.
import { createRoute, z } from '@hono/zod-openapi';
import type { JSONValue } from 'hono/utils/types';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';

/** Dates as ISO strings, undefined fields dropped: what the client receives. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as { [k: string]: JSONValue };

import { notFound } from '../../lib/errors.ts';
import { downloadDocument, generationStatus } from './reports.documents.server.ts';
import { requestGeneration } from './reports.generate.server.ts';
import {
  listPeriods,
  periodOverview,
  SubmissionContentSchema,
  saveSubmission,
  submissionForm,
  transitionSubmission,
} from './reports.usecases.server.ts';

const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.object({}).passthrough() } },
});
const p = (name: string, example: string) =>
  z
    .string()
    .min(1)
    .max(80)
    .openapi({ param: { name, in: 'path' }, example });
const PeriodParams = z.strictObject({ period: p('period', 'nam-2025') });
const UnitParams = z.strictObject({ period: p('period', 'nam-2025'), unitId: p('unitId', 'unit_abc') });
const IdParams = z.strictObject({ id: p('id', 'rgen_abc') });
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
export const TransitionBody = z.strictObject({
  transition: z.enum(['submit', 'return', 'accept']),
  version: z.number().int().positive(),
  comment: z.string().trim().max(4000).optional(),
});

const periodsRoute = createRoute({
  method: 'get',
  path: '/reports/periods',
  tags: ['reports'],
  summary: 'Các kỳ báo cáo',
  responses: { 200: json('Periods') },
});
const periodRoute = createRoute({
  method: 'get',
  path: '/reports/periods/{period}',
  tags: ['reports'],
  summary: 'Một kỳ báo cáo: tình trạng của từng đơn vị, đơn vị chậm, tài liệu đã tạo',
  request: { params: PeriodParams },
  responses: { 200: json('Period overview') },
});
const formRoute = createRoute({
  method: 'get',
  path: '/reports/periods/{period}/units/{unitId}',
  tags: ['reports'],
  summary: 'Báo cáo của một đơn vị: số liệu tính sẵn, số liệu nhập, nội dung',
  request: { params: UnitParams },
  responses: { 200: json('Submission') },
});
const saveRoute = createRoute({
  method: 'put',
  path: '/reports/periods/{period}/units/{unitId}',
  tags: ['reports'],
  summary: 'Lưu nội dung báo cáo của đơn vị',
  request: { params: UnitParams, ...body(SubmissionContentSchema) },
  responses: { 204: { description: 'Saved' }, 409: { description: 'Stale version or not editable' } },
});
const transitionRoute = createRoute({
  method: 'post',
  path: '/reports/periods/{period}/units/{unitId}/transitions',
  tags: ['reports'],
  summary: 'Gửi (thủ trưởng đơn vị), trả lại có ý kiến hoặc duyệt (đầu mối) — duyệt chốt số liệu',
  request: { params: UnitParams, ...body(TransitionBody) },
  responses: { 204: { description: 'Done' }, 409: { description: 'Not allowed in this state' } },
});
const generateRoute = createRoute({
  method: 'post',
  path: '/reports/periods/{period}/generations',
  tags: ['reports'],
  summary: 'Tạo báo cáo tổng hợp (DOCX, XLSX, PDF nếu có LibreOffice) — chạy nền',
  request: {
    params: PeriodParams,
    ...body(z.strictObject({ unitId: z.string().min(1).max(80).nullable().optional() })),
  },
  responses: { 202: json('Generation queued') },
});
const generationRoute = createRoute({
  method: 'get',
  path: '/reports/generations/{id}',
  tags: ['reports'],
  summary: 'Tiến độ tạo báo cáo',
  request: { params: IdParams },
  responses: { 200: json('Generation') },
});
const documentRoute = createRoute({
  method: 'get',
  path: '/reports/documents/{id}',
  tags: ['reports'],
  summary: 'Tải một tài liệu đã tạo (mọi phiên bản)',
  request: { params: IdParams },
  responses: { 200: { description: 'The file' } },
});

export function registerReportRoutes(api: Api, deps: AppDeps) {
  api.openapi(periodsRoute, async (c) =>
    c.json(plain({ periods: await listPeriods(deps, c.get('actor')) }), 200),
  );
  api.openapi(periodRoute, async (c) =>
    c.json(plain(await periodOverview(deps, c.get('actor'), c.req.valid('param').period)), 200),
  );
  api.openapi(formRoute, async (c) => {
    const { period, unitId } = c.req.valid('param');
    return c.json(plain(await submissionForm(deps, c.get('actor'), period, unitId)), 200);
  });
  api.openapi(saveRoute, async (c) => {
    const { period, unitId } = c.req.valid('param');
    await saveSubmission(deps, c.get('actor'), period, unitId, c.req.valid('json'));
    return c.body(null, 204);
  });
  api.openapi(transitionRoute, async (c) => {
    const { period, unitId } = c.req.valid('param');
    await transitionSubmission(deps, c.get('actor'), period, unitId, c.req.valid('json'));
    return c.body(null, 204);
  });
  api.openapi(generateRoute, async (c) => {
    const id = await requestGeneration(
      deps,
      c.get('actor'),
      c.req.valid('param').period,
      c.req.valid('json').unitId ?? null,
    );
    return c.json({ id }, 202);
  });
  api.openapi(generationRoute, async (c) =>
    c.json(plain(await generationStatus(deps, c.get('actor'), c.req.valid('param').id)), 200),
  );
  api.openapi(documentRoute, async (c) => {
    const doc = await downloadDocument(deps, c.get('actor'), c.req.valid('param').id);
    if (!doc) throw notFound('report_document');
    return new Response(new Uint8Array(doc.content), { headers: doc.headers });
  });
}
