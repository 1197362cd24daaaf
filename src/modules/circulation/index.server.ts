// The circulation module's public surface. Lends and returns write their xAPI statements and credit reading
// challenges themselves (circulation.xapi.server.ts, through the LRS and learning ports); `loanActivity` lists
// lends and returns of learners with an account after a cursor, for reports that need them in bulk.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.server.ts';
import { queryRows, toDate } from '../../db/sql.server.ts';

export { recordAvailability } from './circulation.views.server.ts';

export interface LoanActivity {
  loanId: string;
  kind: 'borrowed' | 'returned';
  learnerId: string;
  recordId: string;
  unitId: string;
  at: Date;
}

/**
 * Lends and returns since `after` (exclusive), oldest first, for readers linked to a learner. Reads only this
 * module's tables; the caller keeps the last `at` it processed as its cursor.
 */
export async function loanActivity(db: Db, after: Date, limit = 500): Promise<LoanActivity[]> {
  const rows = await queryRows<LoanActivity>(
    db,
    sql`SELECT * FROM (
        SELECT l.id AS "loanId", 'borrowed' AS kind, r.learner_id AS "learnerId", l.record_id AS "recordId",
          l.unit_id AS "unitId", l.loaned_at AS at
        FROM circulation_loans l JOIN circulation_readers r ON r.id = l.reader_id
        WHERE r.learner_id IS NOT NULL AND l.loaned_at > ${after}
        UNION ALL
        SELECT l.id, 'returned', r.learner_id, l.record_id, l.unit_id, l.returned_at
        FROM circulation_loans l JOIN circulation_readers r ON r.id = l.reader_id
        WHERE r.learner_id IS NOT NULL AND l.returned_at > ${after}) t
      ORDER BY at, "loanId" LIMIT ${limit}`,
  );
  return rows.map((r) => ({ ...r, at: toDate(r.at) as Date }));
}
