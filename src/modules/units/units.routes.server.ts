import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import { withCurrentOnConflict } from '../../lib/versions.server.ts';
import { presentHistory, presentTreeEntry, presentUnit } from './units.presenters.ts';
import {
  CreateUnitSchema,
  LifecycleSchema,
  MergeUnitSchema,
  TreeQuerySchema,
  UnitDetailSchema,
  UnitParamsSchema,
  UnitSchema,
  UnitTreeSchema,
  UpdateUnitSchema,
} from './units.schemas.server.ts';
import {
  closeUnit,
  createUnit,
  getUnit,
  listUnitTree,
  mergeUnit,
  reopenUnit,
  updateUnit,
} from './units.usecases.server.ts';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const unitResponse = { description: 'The unit after the change', ...json(UnitSchema) };

const treeRoute = createRoute({
  method: 'get',
  path: '/units',
  tags: ['units'],
  summary: 'Cây đơn vị (hôm nay hoặc vào một ngày)',
  request: { query: TreeQuerySchema },
  responses: { 200: { description: 'Units depth-first with their depth', ...json(UnitTreeSchema) } },
});

const getRoute = createRoute({
  method: 'get',
  path: '/units/{unitId}',
  tags: ['units'],
  summary: 'Một đơn vị và lịch sử thay đổi',
  request: { params: UnitParamsSchema },
  responses: { 200: { description: 'The unit and its history', ...json(UnitDetailSchema) } },
});

const createUnitRoute = createRoute({
  method: 'post',
  path: '/units',
  tags: ['units'],
  summary: 'Thêm đơn vị',
  request: { body: { required: true, ...json(CreateUnitSchema) } },
  responses: { 201: { description: 'The new unit', ...json(UnitSchema) } },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/units/{unitId}',
  tags: ['units'],
  summary: 'Đổi tên và/hoặc chuyển đơn vị cấp trên',
  request: { params: UnitParamsSchema, body: { required: true, ...json(UpdateUnitSchema) } },
  responses: { 200: unitResponse },
});

const mergeRoute = createRoute({
  method: 'post',
  path: '/units/{unitId}/merge',
  tags: ['units'],
  summary: 'Sáp nhập đơn vị vào đơn vị khác',
  request: { params: UnitParamsSchema, body: { required: true, ...json(MergeUnitSchema) } },
  responses: { 200: unitResponse },
});

const closeRoute = createRoute({
  method: 'post',
  path: '/units/{unitId}/close',
  tags: ['units'],
  summary: 'Cho đơn vị ngừng hoạt động',
  request: { params: UnitParamsSchema, body: { required: true, ...json(LifecycleSchema) } },
  responses: { 200: unitResponse },
});

const reopenRoute = createRoute({
  method: 'post',
  path: '/units/{unitId}/reopen',
  tags: ['units'],
  summary: 'Cho đơn vị hoạt động trở lại',
  request: { params: UnitParamsSchema, body: { required: true, ...json(LifecycleSchema) } },
  responses: { 200: unitResponse },
});

export function registerUnitRoutes(api: Api, deps: AppDeps) {
  api.openapi(treeRoute, async (c) => {
    const tree = await listUnitTree(deps, c.get('actor'), c.req.valid('query'));
    return c.json({ asOf: tree.asOf, units: tree.units.map(presentTreeEntry) }, 200);
  });
  api.openapi(getRoute, async (c) => {
    const found = await getUnit(deps, c.get('actor'), c.req.valid('param').unitId);
    return c.json({ unit: presentUnit(found.unit), history: found.history.map(presentHistory) }, 200);
  });
  api.openapi(createUnitRoute, async (c) => {
    const unit = await createUnit(deps, c.get('actor'), c.req.valid('json'));
    return c.json(presentUnit(unit), 201);
  });
  api.openapi(updateRoute, async (c) => {
    const { unitId } = c.req.valid('param');
    const unit = await withCurrentOnConflict(
      () => updateUnit(deps, c.get('actor'), unitId, c.req.valid('json')),
      async () => {
        const found = await getUnit(deps, c.get('actor'), unitId);
        return { unit: presentUnit(found.unit), history: found.history.map(presentHistory) };
      },
    );
    return c.json(presentUnit(unit), 200);
  });
  api.openapi(mergeRoute, async (c) => {
    const unit = await mergeUnit(deps, c.get('actor'), c.req.valid('param').unitId, c.req.valid('json'));
    return c.json(presentUnit(unit), 200);
  });
  api.openapi(closeRoute, async (c) => {
    const unit = await closeUnit(deps, c.get('actor'), c.req.valid('param').unitId, c.req.valid('json'));
    return c.json(presentUnit(unit), 200);
  });
  api.openapi(reopenRoute, async (c) => {
    const unit = await reopenUnit(deps, c.get('actor'), c.req.valid('param').unitId, c.req.valid('json'));
    return c.json(presentUnit(unit), 200);
  });
}
