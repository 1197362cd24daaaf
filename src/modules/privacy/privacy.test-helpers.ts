// Fixtures for the privacy tests that prove an erasure keeps the numbers true: where a piece of personal data
// still stands, every indicator's totals, and a library event someone registered for and attended.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { indicatorSources } from '../../app/registries.server.ts';
import type { Actor } from '../../lib/authz.ts';
import type { TestContext } from '../../test/harness.ts';
import type { EventInput, RegistrationInput } from '../events/events.schemas.server.ts';
import { eventInput, insertPlace } from '../events/events.test-helpers.ts';
import { createEvent } from '../events/events.usecases.server.ts';
import { unitIdOf } from '../units/units.test-helpers.ts';

/** Every indicator every module contributes, totals over all time, from the raw rows (no kept aggregate). */
export async function allIndicators(ctx: TestContext): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, source] of indicatorSources)
    out[key] = await source.compute(ctx.deps, {
      from: new Date('2000-01-01T00:00:00Z'),
      to: new Date('2100-01-01T00:00:00Z'),
      direct: true,
    });
  return out;
}

function filesUnder(dir: string): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * Every text-like column of every table (information_schema) holding `needle`, as `table.column`; with
 * `files`, every stored file under the data directory too (as `file:<path>`).
 */
export async function whereFound(
  ctx: TestContext,
  needle: string,
  opts: { files?: boolean } = {},
): Promise<string[]> {
  const cols = await ctx.dbh.query<{ t: string; c: string }>(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
     WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
  );
  // One scan per table counting every column at once (a query per column was most of these tests' time).
  const byTable = Map.groupBy(cols, (col) => col.t);
  const hits: string[] = [];
  for (const [t, tableCols] of byTable) {
    const counts = tableCols.map(
      ({ c }, i) => `count(*) FILTER (WHERE lower("${c}"::text) LIKE '%' || lower($1) || '%')::int AS n${i}`,
    );
    const [row] = await ctx.dbh.query<Record<string, number>>(`SELECT ${counts.join(', ')} FROM "${t}"`, [
      needle,
    ]);
    tableCols.forEach(({ c }, i) => {
      if ((row?.[`n${i}`] ?? 0) > 0) hits.push(`${t}.${c}`);
    });
  }
  if (opts.files)
    for (const f of filesUnder(ctx.deps.config.dataDir))
      if (readFileSync(f).includes(needle)) hits.push(`file:${f}`);
  return hits;
}

/** An event of the provincial library at a new venue, made by `staff`, and its (first) session. */
export async function libraryEvent(ctx: TestContext, staff: Actor, over: Partial<EventInput> = {}) {
  const unitId = await unitIdOf(ctx, 'thu-vien-tinh');
  const placeId = await insertPlace(ctx, 'thu-vien-tinh', 'Thư viện tỉnh');
  const input = eventInput(unitId, placeId, over);
  const eventId = await createEvent(ctx.deps, staff, input);
  const [session] = await ctx.dbh.query<{ id: string }>('SELECT id FROM event_sessions WHERE event_id = $1', [
    eventId,
  ]);
  if (!session) throw new Error(`event ${eventId} has no session`);
  return { unitId, input, eventId, sessionId: session.id };
}

/** A consented registration for the whole event under `name` (no e-mail, no phone unless given). */
export function registration(
  name: string,
  idempotencyKey: string,
  over: Partial<RegistrationInput> = {},
): RegistrationInput {
  return {
    sessionId: null,
    name,
    phone: null,
    email: null,
    partySize: 1,
    consent: true,
    idempotencyKey,
    ...over,
  };
}
