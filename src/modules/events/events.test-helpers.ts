// Fixtures for the events tests: places written with SQL (the places module owns their use cases) and a
// complete event input to override per test.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../lib/authz.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { actorOn, unitIdOf } from '../units/units.test-helpers.ts';
import type { EventInput, RegistrationInput } from './events.schemas.server.ts';
import { flushTicketMails } from './events-ticket-mail.server.ts';

export async function insertPlace(
  ctx: TestContext,
  unitCode: string,
  name: string,
  at: { lat: number; lng: number } | null = null,
): Promise<string> {
  const id = `place_${randomBytes(8).toString('hex').slice(0, 16)}`;
  await ctx.dbh.query(
    'INSERT INTO places (id, unit_id, kind, name, lat, lng) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, await unitIdOf(ctx, unitCode), 'provincial_library', name, at?.lat ?? null, at?.lng ?? null],
  );
  return id;
}

export function eventInput(unitId: string, placeId: string, over: Partial<EventInput> = {}): EventInput {
  return {
    unitId,
    title: 'Ngày Sách và Văn hóa đọc Việt Nam: đọc cùng con',
    description: 'Đọc sách cùng con tại Thư viện tỉnh.',
    category: 'reading',
    audience: ['children', 'families'],
    placeId,
    onlineUrl: null,
    capacity: 100,
    registrationMode: 'series',
    registrationOpensAt: null,
    registrationClosesAt: null,
    priceVnd: 0,
    organiserContact: 'Thư viện tỉnh, 0258 3822 000',
    planInstanceId: null,
    status: 'published',
    schedule: { firstDate: '2027-04-21', startTime: '08:00', endTime: '10:30', weekly: null },
    ...over,
  };
}

let counter = 0;
export function guest(over: Partial<RegistrationInput> = {}): RegistrationInput {
  counter++;
  return {
    sessionId: null,
    name: `Khách ${counter}`,
    phone: null,
    email: `khach${counter}-${randomBytes(3).toString('hex')}@example.vn`,
    partySize: 1,
    consent: true,
    idempotencyKey: `key-${randomBytes(8).toString('hex')}`,
    ...over,
  };
}

/** Mails to `email` in the outbox, once due ticket mails are delivered (they go out after commit). */
export async function outboxTo(ctx: TestContext, email: string) {
  await flushTicketMails(ctx.deps);
  return ctx.dbh.query<{ subject: string; body_text: string; body_html: string | null; purpose: string }>(
    'SELECT subject, body_text, body_html, purpose FROM mail_outbox WHERE to_address = $1 ORDER BY created_at',
    [email],
  );
}

export interface EventsFixture {
  ctx: TestContext;
  /** Staff of the provincial library (thu-vien-tinh). */
  staff: Actor;
  /** Staff of another unit (the provincial museum): may not touch the library's events. */
  otherStaff: Actor;
  libraryId: string;
  /** The library's own venue, with coordinates (for the nearest-venue questions). */
  placeId: string;
}

/** A test database with the library's and the museum's staff and the library's venue (call in `beforeAll`). */
export async function openEventsFixture(): Promise<EventsFixture> {
  const ctx = await createTestContext();
  return {
    ctx,
    staff: await actorOn(ctx, 'unit_staff', 'thu-vien-tinh'),
    otherStaff: await actorOn(ctx, 'unit_staff', 'bao-tang-tinh'),
    libraryId: await unitIdOf(ctx, 'thu-vien-tinh'),
    placeId: await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh Khánh Hòa', {
      lat: 12.2388,
      lng: 109.1967,
    }),
  };
}
