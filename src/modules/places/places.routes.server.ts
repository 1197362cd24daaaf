// /api/v1 routes of the places module: public reads of the registry and mobile-library routes, staff writes.
import { createRoute, type z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { withCurrentOnConflict } from '../../lib/versions.server.ts';
import {
  addStop,
  cancelStop,
  createRoute as createMobileRoute,
  getRoute,
  listRoutes,
  removeStop,
  restoreStop,
  updateRoute,
} from './places.mobile.usecases.server.ts';
import {
  PlaceDetailSchema,
  PlaceListSchema,
  PlaceSchema,
  presentPlace,
  presentPlaceDetail,
  presentRoute,
  presentRouteDetail,
  presentStop,
  RouteDetailSchema,
  RouteSchema,
  StopSchema,
} from './places.presenters.server.ts';
import {
  CreatePlaceSchema,
  CreateRouteSchema,
  CreateStopSchema,
  ExceptionParamsSchema,
  HoursExceptionSchema,
  IsoDay,
  PlaceListQuerySchema,
  PlaceParamsSchema,
  RouteParamsSchema,
  SetWeeklyHoursSchema,
  StopCancellationSchema,
  StopParamsSchema,
  UpdatePlaceSchema,
  UpdateRouteSchema,
  WeeklyHoursSchema,
} from './places.schemas.server.ts';
import {
  createPlace,
  getPlace,
  listPlaces,
  removeHoursException,
  setHoursException,
  setWeeklyHours,
  updatePlace,
} from './places.usecases.server.ts';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T>(schema: T) => ({ body: { required: true, ...json(schema) } });
const noContent = { description: 'Done' };
const stale = { description: 'Stale version: `current` in the problem is the entity as stored now' };
const tags = ['places'];

const routes = {
  list: createRoute({
    method: 'get',
    path: '/places',
    tags,
    summary:
      'Điểm phục vụ: lọc theo loại, từ khóa, huyện; gần một tọa độ (lat, lng) thì xếp theo khoảng cách',
    request: { query: PlaceListQuerySchema },
    responses: { 200: { description: 'Active places', ...json(PlaceListSchema) } },
  }),
  get: createRoute({
    method: 'get',
    path: '/places/{placeId}',
    tags,
    summary: 'Một điểm phục vụ, giờ mở cửa, ngày nghỉ, lịch thư viện lưu động',
    request: { params: PlaceParamsSchema },
    responses: { 200: { description: 'The place', ...json(PlaceDetailSchema) } },
  }),
  create: createRoute({
    method: 'post',
    path: '/places',
    tags,
    summary: 'Thêm điểm phục vụ (đơn vị của mình)',
    request: body(CreatePlaceSchema),
    responses: { 201: { description: 'The new place', ...json(PlaceSchema) } },
  }),
  update: createRoute({
    method: 'patch',
    path: '/places/{placeId}',
    tags,
    summary: 'Sửa điểm phục vụ (đóng cửa: status = closed)',
    request: { params: PlaceParamsSchema, ...body(UpdatePlaceSchema) },
    responses: {
      200: { description: 'The place after the change', ...json(PlaceSchema) },
      409: stale,
    },
  }),
  hours: createRoute({
    method: 'put',
    path: '/places/{placeId}/hours',
    tags,
    summary: 'Đặt giờ mở cửa hằng tuần (thay toàn bộ)',
    request: { params: PlaceParamsSchema, ...body(SetWeeklyHoursSchema) },
    responses: { 200: { description: 'The weekly hours', ...json(WeeklyHoursSchema) }, 409: stale },
  }),
  setException: createRoute({
    method: 'post',
    path: '/places/{placeId}/exceptions',
    tags,
    summary: 'Ngày nghỉ hoặc giờ đặc biệt cho một ngày',
    request: { params: PlaceParamsSchema, ...body(HoursExceptionSchema) },
    responses: { 200: { description: 'The exception', ...json(HoursExceptionSchema) } },
  }),
  removeException: createRoute({
    method: 'delete',
    path: '/places/{placeId}/exceptions/{day}',
    tags,
    summary: 'Bỏ ngày nghỉ / giờ đặc biệt',
    request: { params: ExceptionParamsSchema },
    responses: { 204: noContent },
  }),
  listRoutes: createRoute({
    method: 'get',
    path: '/mobile-library-routes',
    tags,
    summary: 'Các tuyến thư viện lưu động',
    responses: { 200: { description: 'Active routes', ...json(RouteSchema.array()) } },
  }),
  getRoute: createRoute({
    method: 'get',
    path: '/mobile-library-routes/{routeId}',
    tags,
    summary: 'Một tuyến thư viện lưu động: các điểm dừng và lịch sắp tới (kể cả lượt bị hủy, có lý do)',
    request: { params: RouteParamsSchema },
    responses: { 200: { description: 'The route', ...json(RouteDetailSchema) } },
  }),
  createRoute: createRoute({
    method: 'post',
    path: '/mobile-library-routes',
    tags,
    summary: 'Thêm tuyến thư viện lưu động',
    request: body(CreateRouteSchema),
    responses: { 201: { description: 'The new route', ...json(RouteSchema) } },
  }),
  updateRoute: createRoute({
    method: 'patch',
    path: '/mobile-library-routes/{routeId}',
    tags,
    summary: 'Sửa tuyến thư viện lưu động',
    request: { params: RouteParamsSchema, ...body(UpdateRouteSchema) },
    responses: {
      200: { description: 'The route after the change', ...json(RouteSchema) },
      409: stale,
    },
  }),
  addStop: createRoute({
    method: 'post',
    path: '/mobile-library-routes/{routeId}/stops',
    tags,
    summary: 'Thêm điểm dừng (hằng tuần hoặc theo ngày)',
    request: { params: RouteParamsSchema, ...body(CreateStopSchema) },
    responses: { 201: { description: 'The new stop', ...json(StopSchema) } },
  }),
  removeStop: createRoute({
    method: 'delete',
    path: '/mobile-library-routes/{routeId}/stops/{stopId}',
    tags,
    summary: 'Bỏ điểm dừng',
    request: { params: StopParamsSchema },
    responses: { 204: noContent },
  }),
  cancelStop: createRoute({
    method: 'post',
    path: '/mobile-library-routes/{routeId}/stops/{stopId}/cancellations',
    tags,
    summary: 'Hủy một lượt dừng vào một ngày (kèm lý do)',
    request: { params: StopParamsSchema, ...body(StopCancellationSchema) },
    responses: { 200: { description: 'The cancellation', ...json(StopCancellationSchema) } },
  }),
  restoreStop: createRoute({
    method: 'delete',
    path: '/mobile-library-routes/{routeId}/stops/{stopId}/cancellations/{day}',
    tags,
    summary: 'Bỏ hủy lượt dừng',
    request: {
      params: StopParamsSchema.extend({ day: IsoDay.openapi({ param: { name: 'day', in: 'path' } }) }),
    },
    responses: { 204: noContent },
  }),
};

type Query = z.infer<typeof PlaceListQuerySchema>;

export function registerPlaceRoutes(api: Api, deps: AppDeps) {
  api.openapi(routes.list, async (c) => {
    const list = await listPlaces(deps, c.get('actor'), c.req.valid('query') as Query);
    return c.json(
      { total: list.total, page: list.page, pageSize: list.pageSize, places: list.rows.map(presentPlace) },
      200,
    );
  });
  api.openapi(routes.get, async (c) => {
    const detail = await getPlace(deps, c.get('actor'), c.req.valid('param').placeId);
    return c.json(presentPlaceDetail(detail), 200);
  });
  api.openapi(routes.create, async (c) => {
    const place = await createPlace(deps, c.get('actor'), c.req.valid('json'));
    return c.json(presentPlace(place), 201);
  });
  // A stale version answers 409 with the place (or route) as stored now, for the client to compare.
  const placeNow = (c: { get: (k: 'actor') => Actor }, placeId: string) => async () =>
    presentPlaceDetail(await getPlace(deps, c.get('actor'), placeId));
  api.openapi(routes.update, async (c) => {
    const { placeId } = c.req.valid('param');
    const place = await withCurrentOnConflict(
      () => updatePlace(deps, c.get('actor'), placeId, c.req.valid('json')),
      placeNow(c, placeId),
    );
    return c.json(presentPlace(place), 200);
  });
  api.openapi(routes.hours, async (c) => {
    const { placeId } = c.req.valid('param');
    const weekly = await withCurrentOnConflict(
      () => setWeeklyHours(deps, c.get('actor'), placeId, c.req.valid('json')),
      placeNow(c, placeId),
    );
    return c.json({ weekly }, 200);
  });
  api.openapi(routes.setException, async (c) => {
    const { placeId } = c.req.valid('param');
    const e = await withCurrentOnConflict(
      () => setHoursException(deps, c.get('actor'), placeId, c.req.valid('json')),
      placeNow(c, placeId),
    );
    return c.json(e, 200);
  });
  api.openapi(routes.removeException, async (c) => {
    const p = c.req.valid('param');
    await removeHoursException(deps, c.get('actor'), p.placeId, p.day);
    return c.body(null, 204);
  });
  api.openapi(routes.listRoutes, async (c) => {
    const list = await listRoutes(deps, c.get('actor'));
    return c.json(list.map(presentRoute), 200);
  });
  api.openapi(routes.getRoute, async (c) => {
    const detail = await getRoute(deps, c.get('actor'), c.req.valid('param').routeId);
    return c.json(presentRouteDetail(detail), 200);
  });
  api.openapi(routes.createRoute, async (c) => {
    const route = await createMobileRoute(deps, c.get('actor'), c.req.valid('json'));
    return c.json(presentRoute(route), 201);
  });
  api.openapi(routes.updateRoute, async (c) => {
    const { routeId } = c.req.valid('param');
    const route = await withCurrentOnConflict(
      () => updateRoute(deps, c.get('actor'), routeId, c.req.valid('json')),
      async () => presentRouteDetail(await getRoute(deps, c.get('actor'), routeId)),
    );
    return c.json(presentRoute(route), 200);
  });
  api.openapi(routes.addStop, async (c) => {
    const stop = await addStop(deps, c.get('actor'), c.req.valid('param').routeId, c.req.valid('json'));
    return c.json(presentStop(stop), 201);
  });
  api.openapi(routes.removeStop, async (c) => {
    const p = c.req.valid('param');
    await removeStop(deps, c.get('actor'), p.routeId, p.stopId);
    return c.body(null, 204);
  });
  api.openapi(routes.cancelStop, async (c) => {
    const p = c.req.valid('param');
    const cancellation = await cancelStop(deps, c.get('actor'), p.routeId, p.stopId, c.req.valid('json'));
    return c.json({ day: cancellation.day, reason: cancellation.reason }, 200);
  });
  api.openapi(routes.restoreStop, async (c) => {
    const p = c.req.valid('param');
    await restoreStop(deps, c.get('actor'), p.routeId, p.stopId, p.day);
    return c.body(null, 204);
  });
}
