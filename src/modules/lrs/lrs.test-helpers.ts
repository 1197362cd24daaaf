// Fixtures for the LRS tests: an issued client credential and requests to /xapi as that client.
import { randomUUID } from 'node:crypto';
import { TEST_ORIGIN, type TestContext } from '../../test/harness.ts';
import { actorOn } from '../units/units.test-helpers.ts';
import { issueCredential } from './lrs-credentials.usecases.server.ts';

export async function xapiClient(ctx: TestContext, name = 'Phần mềm học tập thử nghiệm') {
  const admin = await actorOn(ctx, 'administrator', 'thu-vien-tinh');
  const unitId = await ctx.deps.repos.units.byCode(ctx.deps.db, 'thu-vien-tinh');
  const issued = await issueCredential(ctx.deps, admin, { name, unitId: unitId?.id ?? '' });
  const auth = `Basic ${Buffer.from(`${issued.key}:${issued.secret}`).toString('base64')}`;
  const call = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', auth);
    if (!headers.has('x-experience-api-version')) headers.set('x-experience-api-version', '1.0.3');
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers.set('content-type', 'application/json');
    }
    const { json: _j, ...rest } = init;
    return Promise.resolve(
      ctx.app.request(`${TEST_ORIGIN}${path}`, { ...rest, headers, body: body ?? null }),
    );
  };
  return { ...issued, auth, admin, call };
}

let n = 0;
/** A valid statement by a learner with a mailbox, about one activity. */
export function statement(over: Record<string, unknown> = {}) {
  n++;
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', name: `Người học ${n}`, mbox: `mailto:hoc-vien-${n}@example.vn` },
    verb: {
      id: 'http://adlnet.gov/expapi/verbs/completed',
      display: { 'vi-VN': 'hoàn thành', 'en-US': 'completed' },
    },
    object: {
      id: `http://example.vn/khoa-hoc/${n}`,
      definition: { name: { 'vi-VN': `Khóa học ${n}`, 'en-US': `Course ${n}` } },
    },
    ...over,
  };
}
