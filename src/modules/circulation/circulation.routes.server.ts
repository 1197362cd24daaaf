// /api/v1 routes of circulation: the offline sync a mobile-library van's device calls when it is back online,
// and the card numbers reserved for the device to give readers it registers with no network.
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import { reserveOfflineCards } from './circulation.readers.usecases.server.ts';
import { SyncInputSchema, syncOffline } from './circulation.sync.server.ts';

const OfflineCardsInputSchema = z
  .object({ unitId: z.string().min(1).max(40), deviceId: z.string().min(1).max(80) })
  .strict();

const offlineCardsRoute = createRoute({
  method: 'post',
  path: '/circulation/offline-cards',
  tags: ['circulation'],
  summary: 'Số thẻ bạn đọc dành cho máy của xe thư viện, để cấp thẻ khi mất mạng',
  request: { body: { required: true, content: { 'application/json': { schema: OfflineCardsInputSchema } } } },
  responses: {
    200: {
      description: 'The unused card numbers reserved for this device',
      content: { 'application/json': { schema: z.object({ cards: z.array(z.string()) }) } },
    },
  },
});

const SyncResultSchema = z.object({
  results: z.array(
    z.object({
      txnId: z.string(),
      outcome: z.enum(['applied', 'flagged', 'refused']),
      messageKey: z.string().nullable(),
      cardNumber: z.string().optional(),
      flags: z.array(z.string()).optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
});

const syncRoute = createRoute({
  method: 'post',
  path: '/circulation/sync',
  tags: ['circulation'],
  summary:
    'Đồng bộ các giao dịch mượn trả ngoại tuyến của xe thư viện (mỗi mã giao dịch chỉ áp dụng một lần)',
  request: { body: { required: true, content: { 'application/json': { schema: SyncInputSchema } } } },
  responses: {
    200: {
      description: 'The outcome of each transaction',
      content: { 'application/json': { schema: SyncResultSchema } },
    },
  },
});

export function registerCirculationRoutes(api: Api, deps: AppDeps) {
  api.openapi(syncRoute, async (c) => {
    const results = await syncOffline(deps, c.get('actor'), c.req.valid('json'));
    return c.json({ results }, 200);
  });
  api.openapi(offlineCardsRoute, async (c) => {
    const cards = await reserveOfflineCards(deps, c.get('actor'), c.req.valid('json'));
    return c.json({ cards }, 200);
  });
}
