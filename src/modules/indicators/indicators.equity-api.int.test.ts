// GET /api/v1/indicators/equity: the page's data and suppression, the page's permissions (403 for a unit's
// staff, 401 anonymous), bad query parameters refused as validation errors (never 500), and described in the
// OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpAndSignIn } from '../../test/auth-helpers.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { grantRoleAsSystem } from '../access/access.grants.server.ts';
import { addEvent } from '../reports/reports.test-helpers.ts';
import { unitIdOf } from '../units/units.test-helpers.ts';
import { equityView } from './indicators.equity.server.ts';

describe('equity view API', () => {
  let ctx: TestContext;
  const cookies: Record<string, string> = {};
  const get = (path: string, who?: string) =>
    ctx.request(`/api/v1${path}`, { headers: { cookie: who ? (cookies[who] ?? '') : '' } });
  const commune = 'Xã Equity Api';

  beforeAll(async () => {
    ctx = await createTestContext();
    const unit = await unitIdOf(ctx, 'thu-vien-tinh');
    await ctx.dbh.query(
      `INSERT INTO places (id, unit_id, kind, name, commune) VALUES ('plc_eqapi', $1, 'community_library', 'Điểm đọc', $2)`,
      [unit, commune],
    );
    const { eventId, sessionIds } = await addEvent(ctx, unit, { sessions: [{ at: '2026-03-10T02:00:00Z' }] });
    // 12 adults (25–39) and 3 children from the commune: the 3 are hidden, and the 12 with them.
    for (let i = 0; i < 15; i++) {
      const id = `lrn_eqapi${i}`;
      await ctx.dbh.query(
        `INSERT INTO learner_profiles (id, manager_user_id, relation, display_name, birth_year, commune)
         VALUES ($1, 'usr_eqapi', 'other', 'Người học', $2, $3)`,
        [id, i < 12 ? 1995 : 2016, commune],
      );
      await ctx.dbh.query(
        `INSERT INTO event_registrations (id, event_id, session_id, learner_id, name, email, status, ticket_code,
           cancel_token_hash, feedback_token_hash, idempotency_key)
         VALUES ($1, $2, $3, $4, 'Người học', 'eq@example.vn', 'confirmed', $1, $1, $1, $1)`,
        [`reg_eqapi${i}`, eventId, sessionIds[0] ?? '', id],
      );
      await ctx.dbh.query(
        `INSERT INTO event_attendance (id, event_id, session_id, registration_id) VALUES ($1, $2, $3, $4)`,
        [`att_eqapi${i}`, eventId, sessionIds[0] ?? '', `reg_eqapi${i}`],
      );
    }
    for (const [who, role, code] of [
      ['officer', 'department_officer', 'phong-qlvhgd'],
      ['libStaff', 'unit_staff', 'thu-vien-tinh'],
    ] as const) {
      const u = await signUpAndSignIn(ctx, { name: `Người ${who}` });
      await grantRoleAsSystem(ctx.deps, { userId: u.userId, role, unitId: await unitIdOf(ctx, code) });
      cookies[who] = u.cookie;
    }
  });
  afterAll(() => ctx?.close());

  it('answers the page’s figures, with suppressed cells as null', async () => {
    const res = await get('/indicators/equity?year=2026', 'officer');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Awaited<ReturnType<typeof equityView>>;
    expect(body).toEqual(JSON.parse(JSON.stringify(await equityView(ctx.deps, 2026))));
    const r = body.rows.findIndex((x) => x.commune === commune);
    expect(body.table.rowTotals[r]).toBe(15);
    expect(body.table.cells[r]?.[body.bands.indexOf('0-15')]).toBeNull();
    expect(body.table.cells[r]?.[body.bands.indexOf('25-39')]).toBeNull();
    expect(body.threshold).toBe(10);
  });

  it('refuses a unit’s staff (403) and anonymous callers (401)', async () => {
    expect((await get('/indicators/equity?year=2026', 'libStaff')).status).toBe(403);
    expect((await get('/indicators/equity?year=2026')).status).toBe(401);
  });

  it('refuses bad query parameters as validation errors, never 500', async () => {
    for (const q of ['year=abc', 'year=1999', 'year=2101', 'year=2025.5', 'year=2026&extra=1', 'year=']) {
      const res = await get(`/indicators/equity?${q}`, 'officer');
      expect([400, 422], q).toContain(res.status);
      expect(res.headers.get('content-type'), q).toMatch(/problem\+json|json/);
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await get('/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }>;
    };
    expect(doc.paths['/indicators/equity']?.get?.parameters?.map((p) => p.name)).toEqual(['year']);
  });
});
