// /api/v1: JSON API documented as OpenAPI 3.1 from the same Zod schemas that validate it.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app/deps.types.ts';
import { apiRegistrars } from '../app/registries.server.ts';
import { AppError, unauthenticated } from '../lib/errors.ts';
import { isStaff } from '../lib/staff.ts';
import { sessionCookieName } from '../modules/auth/auth.session-cookie.server.ts';
import type { HonoEnv } from './env.ts';
import { idempotencyKeys, withRequestTransaction } from './idempotency.server.ts';
import { completeOpenApi } from './openapi-doc.server.ts';
import { zodToAppError } from './problem.server.ts';
import { isPublicApi } from './public-routes.server.ts';
import { requireUtf8Json } from './utf8.ts';

export type Api = OpenAPIHono<HonoEnv>;

export function createApi(appDeps: AppDeps): Api {
  // Routes use `deps.db`, which is the request's transaction while an Idempotency-Key request runs.
  const deps = withRequestTransaction(appDeps);
  const api = new OpenAPIHono<HonoEnv>({
    defaultHook: (result) => {
      if (!result.success) throw zodToAppError(result.error);
    },
  });
  // Deny by default: an anonymous caller gets 401 before any validation, unless the route is public.
  api.use('*', async (c, next) => {
    const actor = c.get('actor');
    if (actor.kind === 'anonymous' && !isPublicApi(c.req.method, c.req.path)) throw unauthenticated();
    // "Staff must use two-step sign-in" holds for the API as for the pages (see web/auth-guard.ts).
    if (actor.kind === 'user' && isStaff(actor) && !actor.twoFactorEnabled) {
      if (actor.staffMfaRequired ?? (await deps.repos.auth.readRequireMfaForStaff())) {
        throw new AppError('auth.mfa_required', 403, 'error.mfaRequired');
      }
    }
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'DELETE';
    const type = c.req.header('content-type') ?? '';
    if (hasBody && !/^application\/json\b/i.test(type) && (c.req.header('content-length') ?? '0') !== '0') {
      throw new AppError('request.unsupported_media_type', 415, 'error.unsupportedMediaType');
    }
    await next();
  });
  api.use('*', requireUtf8Json());
  api.use('*', idempotencyKeys(appDeps));
  // Every module's routes, in module-list order (src/app/modules.server.ts).
  for (const register of apiRegistrars) register(api, deps);
  let doc: object | undefined;
  api.get('/openapi.json', (c) => {
    doc ??= completeOpenApi(
      api.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Suốt Đời API',
          version: '1.0.0',
          description: 'API của nền tảng học tập suốt đời / API of the lifelong-learning platform',
          license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
        },
      }) as unknown as Record<string, unknown>,
      { publicUrl: appDeps.config.publicUrl, cookieName: sessionCookieName(appDeps.config.secureCookies) },
    );
    return c.json(doc);
  });
  return api;
}
