// /api/v1/access: users with their grants, invitations, grant and revoke, disable and enable.
import { createRoute, type z } from '@hono/zod-openapi';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Api } from '../../http/api.server.ts';
import { grantRole, revokeGrant } from './access.grants.server.ts';
import { presentUser } from './access.presenters.ts';
import {
  CreatedSchema,
  EmptyBodySchema,
  GrantIdParamSchema,
  GrantInputSchema,
  InviteInputSchema,
  UserIdParamSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserSchema,
} from './access.schemas.server.ts';
import { getUser, inviteUser, listUsers, setUserDisabled } from './access.usecases.server.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({
  body: { content: { 'application/json': { schema } }, required },
});
const noContent = { description: 'Done' };

const listRoute = createRoute({
  method: 'get',
  path: '/access/users',
  tags: ['access'],
  summary: 'Người dùng và vai trò (trong phạm vi đơn vị của người gọi)',
  request: { query: UserListQuerySchema },
  responses: { 200: json(UserPageSchema, 'A page of users with their active grants') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/access/users/{userId}',
  tags: ['access'],
  summary: 'Một người dùng với mọi vai trò (kể cả đã thu hồi)',
  request: { params: UserIdParamSchema },
  responses: { 200: json(UserSchema, 'The user') },
});

const inviteRoute = createRoute({
  method: 'post',
  path: '/access/users',
  tags: ['access'],
  summary: 'Mời người dùng (gửi thư đặt mật khẩu), có thể kèm vai trò đầu tiên',
  request: jsonBody(InviteInputSchema),
  responses: { 201: json(CreatedSchema, 'The new user id') },
});

const grantRoute = createRoute({
  method: 'post',
  path: '/access/users/{userId}/grants',
  tags: ['access'],
  summary: 'Cấp vai trò tại một đơn vị (có hiệu lực với cả đơn vị trực thuộc)',
  request: { params: UserIdParamSchema, ...jsonBody(GrantInputSchema) },
  responses: { 201: json(CreatedSchema, 'The new grant id') },
});

const revokeRoute = createRoute({
  method: 'post',
  path: '/access/grants/{grantId}/revoke',
  tags: ['access'],
  summary: 'Thu hồi vai trò (bản ghi được giữ lại làm lịch sử)',
  request: { params: GrantIdParamSchema, ...jsonBody(EmptyBodySchema, false) },
  responses: { 204: noContent },
});

const disableRoute = createRoute({
  method: 'post',
  path: '/access/users/{userId}/disable',
  tags: ['access'],
  summary: 'Khóa tài khoản (đăng xuất khỏi mọi thiết bị)',
  request: { params: UserIdParamSchema, ...jsonBody(EmptyBodySchema, false) },
  responses: { 204: noContent },
});

const enableRoute = createRoute({
  method: 'post',
  path: '/access/users/{userId}/enable',
  tags: ['access'],
  summary: 'Mở khóa tài khoản',
  request: { params: UserIdParamSchema, ...jsonBody(EmptyBodySchema, false) },
  responses: { 204: noContent },
});

export function registerAccessRoutes(api: Api, deps: AppDeps) {
  api.openapi(listRoute, async (c) => {
    const page = await listUsers(deps, c.get('actor'), c.req.valid('query'));
    return c.json({ ...page, users: page.users.map(presentUser) }, 200);
  });
  api.openapi(getRoute, async (c) => {
    const detail = await getUser(deps, c.get('actor'), c.req.valid('param').userId);
    return c.json(presentUser({ ...detail.user, grants: detail.grants }), 200);
  });
  api.openapi(inviteRoute, async (c) => {
    return c.json(await inviteUser(deps, c.get('actor'), c.req.valid('json')), 201);
  });
  api.openapi(grantRoute, async (c) => {
    const { userId } = c.req.valid('param');
    return c.json(await grantRole(deps, c.get('actor'), { userId, ...c.req.valid('json') }), 201);
  });
  api.openapi(revokeRoute, async (c) => {
    await revokeGrant(deps, c.get('actor'), c.req.valid('param').grantId);
    return c.body(null, 204);
  });
  api.openapi(disableRoute, async (c) => {
    await setUserDisabled(deps, c.get('actor'), { userId: c.req.valid('param').userId, disabled: true });
    return c.body(null, 204);
  });
  api.openapi(enableRoute, async (c) => {
    await setUserDisabled(deps, c.get('actor'), { userId: c.req.valid('param').userId, disabled: false });
    return c.body(null, 204);
  });
}
