import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Api } from '../../../http/api.server.ts';
import { SearchQuerySchema } from '../catalogue.schemas.server.ts';
import { EXPORT_MAX, exportCatalogue } from './export.server.ts';

export const ExportQuerySchema = SearchQuerySchema.omit({ sort: true, page: true }).extend({
  format: z
    .enum(['marcxml', 'iso2709'])
    .openapi({ description: 'MARCXML (MARC 21 slim) hoặc ISO 2709 (.mrc, UTF-8)' }),
});

const exportRoute = createRoute({
  method: 'get',
  path: '/catalogue/export',
  tags: ['catalogue'],
  summary: 'Xuất kết quả tìm kiếm ra MARC 21 (MARCXML hoặc ISO 2709)',
  description: `Same words and filters as /catalogue/search (no typo correction), published records only, streamed in insertion order; at most ${EXPORT_MAX.toLocaleString('en')} records.`,
  request: { query: ExportQuerySchema },
  responses: {
    200: {
      description: 'A MARC file',
      content: {
        'application/marcxml+xml': { schema: z.string() },
        'application/marc': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
});

export function registerCatalogueExportRoutes(api: Api, deps: AppDeps) {
  api.openapi(exportRoute, (c) => {
    const out = exportCatalogue(deps, c.get('actor'), c.req.valid('query'));
    return new Response(out.stream, {
      status: 200,
      headers: {
        'content-type': out.contentType,
        'content-disposition': `attachment; filename="${out.fileName}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    }) as never;
  });
}
