// Page actions take HTML form posts only. A body of any other type (JSON, text, XML…) sent to a page is
// answered 415 here, before React Router, so no action — including one that ignores its body, or one added
// later — can fail on it with a 500. Malformed form bodies are answered 400 where they are read
// (src/web/page-form.ts).
import type { Context } from 'hono';
import { AppError } from '../lib/errors.ts';
import { isBarePost, isFormContentType } from '../lib/form-body.ts';
import type { HonoEnv } from './env.ts';
import { problemResponse } from './problem.server.ts';

export function refuseNonFormBody(c: Context<HonoEnv>): Response | undefined {
  const method = c.req.method;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return undefined;
  if (isFormContentType(c.req.header('content-type')) || isBarePost(c.req.raw.headers)) return undefined;
  return problemResponse(c, new AppError('request.not_a_form', 415, 'error.formBody'));
}
