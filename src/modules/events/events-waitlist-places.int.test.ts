// Waitlist places of a burst (issue 17, ADR 0013): every sign-up past the seats learns its place in arrival
// order, the places are asked for in a few statements, not one per sign-up, and each statement ranks the
// waitlist once, however many registrations it answers for.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../db/sql.server.ts';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import type { TestContext } from '../../test/harness.ts';
import { eventInput, guest, openEventsFixture } from './events.test-helpers.ts';
import { createEvent } from './events.usecases.server.ts';
import { registerForEvent } from './events-registration.usecases.server.ts';
import { waitlistPositionsQuery } from './events-registration-reads.repository.server.ts';

let ctx: TestContext;
let staff: Actor;
let libraryId: string;
let placeId: string;

beforeAll(async () => {
  ({ ctx, staff, libraryId, placeId } = await openEventsFixture());
}, 180_000);
afterAll(() => ctx?.close());

interface PlanNode {
  'Node Type': string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

describe('waitlist places of a burst', () => {
  it('confirms exactly the seats and gives the rest places 1, 2, 3… in the order they arrived', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 10 }));
    const statement = vi.spyOn(ctx.deps.repos.eventRegistrationReads, 'waitlistPositions');
    const results = await Promise.all(
      Array.from({ length: 60 }, () => registerForEvent(ctx.deps, ANONYMOUS, id, guest())),
    );
    const asked = statement.mock.calls.length;
    statement.mockRestore();
    expect(results.filter((r) => r.registration.status === 'confirmed')).toHaveLength(10);
    const waiting = results
      .filter((r) => r.registration.status === 'waitlisted')
      .sort((a, b) => a.registration.arrival - b.registration.arrival);
    expect(waiting.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // Everyone confirmed arrived before everyone waitlisted (nobody jumps the queue).
    const lastSeat = Math.max(
      ...results.filter((r) => r.registration.status === 'confirmed').map((r) => r.registration.arrival),
    );
    expect(waiting.every((r) => r.registration.arrival > lastSeat)).toBe(true);
    expect(await ctx.deps.repos.eventRegistrations.counts(ctx.deps.db, id)).toMatchObject({
      confirmed: 10,
      waitlisted: 50,
    });
    expect((await ctx.deps.repos.events.byId(ctx.deps.db, id))?.confirmedSeats).toBe(10);
    // Asked together: a handful of statements for 50 places, not one each.
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThanOrEqual(5);
  });

  it('ranks the waitlist once for a statement answering many registrations', async () => {
    const id = await createEvent(ctx.deps, staff, eventInput(libraryId, placeId, { capacity: 1 }));
    const regs = [];
    for (let i = 0; i < 40; i++)
      regs.push((await registerForEvent(ctx.deps, ANONYMOUS, id, guest())).registration);
    const waitlisted = regs.filter((r) => r.status === 'waitlisted');
    expect(waitlisted).toHaveLength(39);
    const ids = waitlisted.slice(10).map((r) => r.id);
    const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(
      ctx.deps.db,
      sql`EXPLAIN (ANALYZE, FORMAT JSON) ${waitlistPositionsQuery(ids)}`,
    );
    const raw = row?.['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
    const windows = nodes((plan[0] as { Plan: PlanNode }).Plan).filter((n) => n['Node Type'] === 'WindowAgg');
    expect(windows).toHaveLength(1);
    expect(windows[0]?.['Actual Loops']).toBe(1);
    // And the places are the one-by-one counts: 11…39.
    const places = await ctx.deps.repos.eventRegistrationReads.waitlistPositions(ctx.deps.db, ids);
    expect(ids.map((x) => places.get(x))).toEqual(Array.from({ length: 29 }, (_, i) => i + 11));
  });
});
