import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import { withCurrentOnConflict } from '../../lib/versions.server.ts';
import { siteUrl, ticketPath } from './events.mail.server.ts';
import { presentEvent, presentListedSession, presentRegistration } from './events.presenters.ts';
import {
  CheckInInputSchema,
  CheckInResultSchema,
  EventInputSchema,
  EventListSchema,
  EventParamsSchema,
  EventSchema,
  EventUpdateSchema,
  PublicListQuerySchema,
  RegistrationInputSchema,
  RegistrationSchema,
} from './events.schemas.server.ts';
import { createEvent, getEvent, listPublicSessions, updateEvent } from './events.usecases.server.ts';
import { checkIn } from './events-attendance.usecases.server.ts';
import { registerForEvent } from './events-registration.usecases.server.ts';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const listRoute = createRoute({
  method: 'get',
  path: '/events',
  tags: ['events'],
  summary: 'Các buổi sự kiện đã công bố, lọc theo ngày, loại, đối tượng, địa điểm, miễn phí, còn chỗ',
  request: { query: PublicListQuerySchema },
  responses: { 200: { description: 'Sessions in time order', ...json(EventListSchema) } },
});

const getRoute = createRoute({
  method: 'get',
  path: '/events/{eventId}',
  tags: ['events'],
  summary: 'Một sự kiện, các buổi và số chỗ còn lại',
  request: { params: EventParamsSchema },
  responses: { 200: { description: 'The event', ...json(EventSchema) } },
});

const registerRoute = createRoute({
  method: 'post',
  path: '/events/{eventId}/registrations',
  tags: ['events'],
  summary: 'Đăng ký tham gia (người dân đã đăng nhập hoặc khách); hết chỗ thì vào danh sách chờ',
  request: { params: EventParamsSchema, body: { required: true, ...json(RegistrationInputSchema) } },
  responses: {
    201: { description: 'Registered (confirmed or waitlisted)', ...json(RegistrationSchema) },
    200: {
      description: 'The same idempotency key registered before: that registration',
      ...json(RegistrationSchema),
    },
  },
});

const createEventRoute = createRoute({
  method: 'post',
  path: '/events',
  tags: ['events'],
  summary: 'Tạo sự kiện của đơn vị (một buổi hoặc chuỗi hằng tuần có ngày nghỉ)',
  request: { body: { required: true, ...json(EventInputSchema) } },
  responses: { 201: { description: 'The new event', ...json(EventSchema) } },
});

const updateEventRoute = createRoute({
  method: 'put',
  path: '/events/{eventId}',
  tags: ['events'],
  summary: 'Sửa sự kiện (không giảm số chỗ dưới số đã xác nhận; không đổi lịch khi đã có người đăng ký)',
  request: { params: EventParamsSchema, body: { required: true, ...json(EventUpdateSchema) } },
  responses: {
    200: { description: 'The event after the change', ...json(EventSchema) },
    409: { description: 'Stale version: `current` in the problem is the event as stored now' },
  },
});

const checkInRoute = createRoute({
  method: 'post',
  path: '/events/{eventId}/check-ins',
  tags: ['events'],
  summary: 'Điểm danh bằng mã vé (nhập tay hoặc quét QR)',
  request: { params: EventParamsSchema, body: { required: true, ...json(CheckInInputSchema) } },
  responses: { 201: { description: 'Checked in', ...json(CheckInResultSchema) } },
});

export function registerEventRoutes(api: Api, deps: AppDeps) {
  api.openapi(listRoute, async (c) => {
    const sessions = await listPublicSessions(deps, c.req.valid('query'));
    return c.json({ sessions: sessions.map(presentListedSession) }, 200);
  });
  api.openapi(getRoute, async (c) => {
    const found = await getEvent(deps, c.get('actor'), c.req.valid('param').eventId);
    return c.json(presentEvent(found), 200);
  });
  api.openapi(registerRoute, async (c) => {
    const locale = c.get('locale');
    const r = await registerForEvent(
      deps,
      c.get('actor'),
      c.req.valid('param').eventId,
      c.req.valid('json'),
      locale,
    );
    const body = presentRegistration(
      r.registration,
      r.waitlistPosition,
      siteUrl(deps, locale, ticketPath(r.registration.ticketCode)),
    );
    return r.created ? c.json(body, 201) : c.json(body, 200);
  });
  api.openapi(createEventRoute, async (c) => {
    const actor = c.get('actor');
    const id = await createEvent(deps, actor, c.req.valid('json'));
    return c.json(presentEvent(await getEvent(deps, actor, id)), 201);
  });
  api.openapi(updateEventRoute, async (c) => {
    const actor = c.get('actor');
    const { eventId } = c.req.valid('param');
    await withCurrentOnConflict(
      () => updateEvent(deps, actor, eventId, c.req.valid('json')),
      async () => presentEvent(await getEvent(deps, actor, eventId)),
    );
    return c.json(presentEvent(await getEvent(deps, actor, eventId)), 200);
  });
  api.openapi(checkInRoute, async (c) => {
    const r = await checkIn(deps, c.get('actor'), c.req.valid('param').eventId, c.req.valid('json'));
    return c.json({ ...r, checkedInAt: r.checkedInAt.toISOString() }, 201);
  });
}
