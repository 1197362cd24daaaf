// /api/v1 routes for virtual exhibitions: the public list and story, and staff creation, sections, publishing.
// Thin: parse (strict Zod), call one use case, present.
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import { VersionSchema, withCurrentOnConflict } from '../../lib/versions.server.ts';
import { ExhibitionOutputSchema, presentExhibition } from './exhibitions.output.server.ts';
import {
  getExhibitionForStaff,
  getPublicExhibition,
  listPublishedExhibitions,
} from './exhibitions.queries.server.ts';
import { ExhibitionInputSchema, SectionInputSchema } from './exhibitions.schemas.server.ts';
import { addSection, createExhibition, setExhibitionStatus } from './exhibitions.usecases.server.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const idParam = (name: string, example: string) =>
  z.strictObject({
    [name]: z
      .string()
      .min(1)
      .max(120)
      .openapi({ param: { name, in: 'path' }, example }),
  });
const KeyParams = idParam('slugOrId', 'tram-huong-va-thap-ba-ponagar') as z.ZodObject<{
  slugOrId: z.ZodString;
}>;
const ExhibitionParams = idParam('exhibitionId', 'exh_abcdefghijkmnpqr') as z.ZodObject<{
  exhibitionId: z.ZodString;
}>;

const listRoute = createRoute({
  method: 'get',
  path: '/exhibitions',
  tags: ['exhibitions'],
  summary: 'Các triển lãm ảo đã công bố',
  responses: {
    200: json(z.object({ exhibitions: z.array(ExhibitionOutputSchema) }), 'Published exhibitions'),
  },
});
const getRoute = createRoute({
  method: 'get',
  path: '/exhibitions/{slugOrId}',
  tags: ['exhibitions'],
  summary: 'Một triển lãm đã công bố: các phần, hiện vật, hình ảnh (kèm mô tả thay thế)',
  request: { params: KeyParams },
  responses: { 200: json(ExhibitionOutputSchema, 'The exhibition') },
});
const createExhibitionRoute = createRoute({
  method: 'post',
  path: '/exhibitions',
  tags: ['exhibitions'],
  summary: 'Tạo triển lãm (bản nháp) cho đơn vị của cán bộ',
  request: body(ExhibitionInputSchema),
  responses: { 201: json(ExhibitionOutputSchema, 'The draft exhibition') },
});
const addSectionRoute = createRoute({
  method: 'post',
  path: '/exhibitions/{exhibitionId}/sections',
  tags: ['exhibitions'],
  summary: 'Thêm một phần vào cuối triển lãm',
  request: { params: ExhibitionParams, ...body(SectionInputSchema) },
  responses: { 201: json(z.object({ id: z.string() }), 'The new section') },
});
const statusRoute = createRoute({
  method: 'put',
  path: '/exhibitions/{exhibitionId}/status',
  tags: ['exhibitions'],
  summary: 'Công bố hoặc thôi công bố (cần ít nhất một phần để công bố)',
  request: {
    params: ExhibitionParams,
    ...body(z.strictObject({ status: z.enum(['draft', 'published']), version: VersionSchema })),
  },
  responses: { 204: { description: 'Changed' }, 409: { description: 'Stale version' } },
});

export function registerExhibitionRoutes(api: Api, deps: AppDeps) {
  api.openapi(listRoute, async (c) => {
    const list = await listPublishedExhibitions(deps, c.get('actor'));
    return c.json({ exhibitions: list.map((e) => presentExhibition(e, deps.config.publicUrl)) }, 200);
  });
  api.openapi(getRoute, async (c) => {
    const ex = await getPublicExhibition(deps, c.get('actor'), c.req.valid('param').slugOrId);
    return c.json(presentExhibition(ex, deps.config.publicUrl), 200);
  });
  api.openapi(createExhibitionRoute, async (c) => {
    const actor = c.get('actor');
    const created = await createExhibition(deps, actor, c.req.valid('json'));
    const ex = await getPublicExhibition(deps, actor, created.id);
    return c.json(presentExhibition(ex, deps.config.publicUrl), 201);
  });
  api.openapi(addSectionRoute, async (c) => {
    const s = await addSection(deps, c.get('actor'), c.req.valid('param').exhibitionId, c.req.valid('json'));
    return c.json({ id: s.id }, 201);
  });
  api.openapi(statusRoute, async (c) => {
    const { exhibitionId } = c.req.valid('param');
    const { status, version } = c.req.valid('json');
    await withCurrentOnConflict(
      () => setExhibitionStatus(deps, c.get('actor'), exhibitionId, status, version),
      async () =>
        presentExhibition(
          await getExhibitionForStaff(deps, c.get('actor'), exhibitionId),
          deps.config.publicUrl,
        ),
    );
    return c.body(null, 204);
  });
}
