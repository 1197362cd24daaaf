// Test helpers of the indicators and reports tests: activity rows written straight into the events tables (the
// fixture of hand-computed figures), and reading a zip entry (DOCX parts).
import yauzl from 'yauzl';
import type { TestContext } from '../../test/harness.ts';

let n = 0;
const id = (p: string) => `${p}_t${++n}_${Math.random().toString(36).slice(2, 8)}`;

export async function addEvent(
  ctx: TestContext,
  unitId: string,
  o: {
    status?: 'published' | 'cancelled';
    category?: string;
    sessions: Array<{ at: string; cancelled?: boolean; attendance?: number[] }>;
  },
): Promise<{ eventId: string; sessionIds: string[] }> {
  const eventId = id('evt');
  await ctx.dbh.query(
    `INSERT INTO events (id, unit_id, title, category, status) VALUES ($1, $2, $3, $4, $5)`,
    [eventId, unitId, `Sự kiện ${eventId}`, o.category ?? 'reading', o.status ?? 'published'],
  );
  const sessionIds: string[] = [];
  for (const s of o.sessions) {
    const sid = id('evs');
    sessionIds.push(sid);
    await ctx.dbh.query(
      `INSERT INTO event_sessions (id, event_id, starts_at, ends_at, cancelled)
       VALUES ($1, $2, $3::timestamptz, $3::timestamptz + interval '2 hours', $4)`,
      [sid, eventId, s.at, s.cancelled ?? false],
    );
    for (const party of s.attendance ?? []) await addAttendance(ctx, eventId, sid, party);
  }
  return { eventId, sessionIds };
}

export async function addAttendance(ctx: TestContext, eventId: string, sessionId: string, party: number) {
  await ctx.dbh.query(
    `INSERT INTO event_attendance (id, event_id, session_id, walk_in_name, party_size) VALUES ($1, $2, $3, 'Khách', $4)`,
    [id('att'), eventId, sessionId, party],
  );
}

/** A unit closed on 30/6/2025 and merged into `intoId` (the 2025 reorganisation). */
export async function addMergedUnit(
  ctx: TestContext,
  code: string,
  parentId: string,
  intoId: string,
): Promise<string> {
  const uid = id('unit');
  await ctx.dbh.query(
    `INSERT INTO units (id, code, name, kind, parent_id, valid_from, valid_to, merged_into_id)
     VALUES ($1, $2, $3, 'library', $4, '2023-01-01', '2025-06-30', $5)`,
    [uid, code, `Thư viện ${code}`, parentId, intoId],
  );
  return uid;
}

export function zipEntry(zip: Uint8Array, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(zip), { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err);
      file.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return file.readEntry();
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      file.on('end', () => reject(new Error(`no ${name} in the zip`)));
      file.readEntry();
    });
  });
}
