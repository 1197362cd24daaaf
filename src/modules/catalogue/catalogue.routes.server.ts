import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import { presentRecord, presentSearch } from './catalogue.presenters.ts';
import {
  RecordInputSchema,
  RecordOutputSchema,
  RecordParamsSchema,
  RecordPatchSchema,
  SearchQuerySchema,
  SearchResultSchema,
  SuggestQuerySchema,
} from './catalogue.schemas.server.ts';
import {
  createCatalogueRecord,
  getCatalogueRecord,
  searchCatalogue,
  suggestCatalogue,
  updateCatalogueRecord,
} from './catalogue.usecases.server.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const searchRoute = createRoute({
  method: 'get',
  path: '/catalogue/search',
  tags: ['catalogue'],
  summary: 'Tìm trong mục lục chung của tỉnh (không phân biệt dấu), có bộ lọc và số đếm theo nhóm',
  description:
    'Relevance ranks diacritics-exact phrases above folded matches; a query without hits is corrected against the word dictionary. Counts are exact for small result sets and a stratified estimate for large ones (`totalEstimated`, rounded to two significant digits); relevance ranks every match of an exact result and 200 sampled matches of an estimated one; at most 50 pages.',
  request: { query: SearchQuerySchema },
  responses: { 200: json(SearchResultSchema, 'A page of published records with facet counts') },
});

const suggestRoute = createRoute({
  method: 'get',
  path: '/catalogue/suggest',
  tags: ['catalogue'],
  summary: 'Gợi ý hoàn thành từ đang gõ (autocomplete)',
  request: { query: SuggestQuerySchema },
  responses: { 200: json(z.object({ suggestions: z.array(z.string()) }), 'Up to 8 completions') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/catalogue/records/{recordId}',
  tags: ['catalogue'],
  summary: 'Một biểu ghi đã công bố, kèm bản lưu giữ',
  request: { params: RecordParamsSchema },
  responses: { 200: json(RecordOutputSchema, 'The record') },
});

const createRecordRoute = createRoute({
  method: 'post',
  path: '/catalogue/records',
  tags: ['catalogue'],
  summary: 'Tạo biểu ghi (cán bộ của đơn vị giữ tài liệu)',
  request: { body: { content: { 'application/json': { schema: RecordInputSchema } }, required: true } },
  responses: { 201: json(RecordOutputSchema, 'The created record') },
});

const patchRecordRoute = createRoute({
  method: 'patch',
  path: '/catalogue/records/{recordId}',
  tags: ['catalogue'],
  summary: 'Sửa biểu ghi; `version` phải là phiên bản đang sửa',
  request: {
    params: RecordParamsSchema,
    body: { content: { 'application/json': { schema: RecordPatchSchema } }, required: true },
  },
  responses: {
    200: json(RecordOutputSchema, 'The updated record'),
    409: { description: 'Changed by someone else' },
  },
});

export function registerCatalogueRoutes(api: Api, deps: AppDeps) {
  api.openapi(searchRoute, async (c) => {
    const result = await searchCatalogue(deps, c.get('actor'), c.req.valid('query'));
    return c.json(presentSearch(result), 200);
  });
  api.openapi(suggestRoute, async (c) => {
    const suggestions = await suggestCatalogue(deps, c.get('actor'), c.req.valid('query').q);
    return c.json({ suggestions }, 200);
  });
  api.openapi(getRoute, async (c) => {
    const record = await getCatalogueRecord(deps, c.get('actor'), c.req.valid('param').recordId);
    return c.json(presentRecord(record), 200);
  });
  api.openapi(createRecordRoute, async (c) => {
    const record = await createCatalogueRecord(deps, c.get('actor'), c.req.valid('json'));
    return c.json(presentRecord(record), 201);
  });
  api.openapi(patchRecordRoute, async (c) => {
    const record = await updateCatalogueRecord(
      deps,
      c.get('actor'),
      c.req.valid('param').recordId,
      c.req.valid('json'),
    );
    return c.json(presentRecord(record), 200);
  });
}
