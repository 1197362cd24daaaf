// The borrowers the equity view counts (issue 13): the learner linked to the reader card of every loan made in
// the period, from this module's own tables only. A loan whose reader keeps no history has lost its reader_id
// once returned; its reader_key (the one-way digest of the reader's id, see readerKey) still finds the card.
// Loans counted only in imported ILS statistics name nobody.
import { sql } from 'drizzle-orm';
import type { IndicatorQuery } from '../../app/module.ts';
import type { Db } from '../../db/client.server.ts';
import { queryRows, textArray } from '../../db/sql.server.ts';

export async function circulationBorrowers(
  db: Db,
  q: Pick<IndicatorQuery, 'from' | 'to' | 'unitIds'>,
): Promise<string[]> {
  const scope = sql`l.loaned_at >= ${q.from} AND l.loaned_at < ${q.to}${
    q.unitIds ? sql` AND l.unit_id = ANY(${textArray(q.unitIds)}::text[])` : sql``
  }`;
  // A card with no learner (a walk-in, or a learner since erased) counts as one person by its digest: the
  // equity view puts it under "commune not declared", so erasing someone leaves the totals unchanged.
  const who = sql`coalesce(r.learner_id, 'reader:' || l.reader_key)`;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT ${who} AS id FROM circulation_loans l LEFT JOIN circulation_readers r ON r.id = l.reader_id
         WHERE ${scope} AND l.reader_id IS NOT NULL
        UNION
        SELECT ${who} FROM circulation_loans l LEFT JOIN circulation_readers r
            ON l.reader_key = left(encode(sha256(convert_to('circ:' || r.id, 'UTF8')), 'hex'), 24)
         WHERE ${scope} AND l.reader_id IS NULL`,
  );
  return rows.map((r) => r.id);
}
