import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import { AuditPageSchema, AuditQuerySchema } from './audit.schemas.server.ts';
import { listAuditEntries } from './audit.usecases.server.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: 'Nhật ký thao tác (audit log), mới nhất trước',
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      description: 'A page of audit entries',
      content: { 'application/json': { schema: AuditPageSchema } },
    },
  },
});

export function registerAuditRoutes(api: Api, deps: AppDeps) {
  api.openapi(listRoute, async (c) => {
    const result = await listAuditEntries(deps, c.get('actor'), c.req.valid('query'));
    return c.json(
      {
        entries: result.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
        nextBefore: result.nextBefore,
      },
      200,
    );
  });
}
