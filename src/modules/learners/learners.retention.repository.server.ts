// How long the learners module keeps one-time codes and the code request/failure traces (issue 14, retention):
// hashed, but still tied to a phone or e-mail address, so they go once no limit window needs them.
import { sql } from 'drizzle-orm';
import type { RetentionRule } from '../../app/module.ts';
import { queryRows } from '../../db/sql.server.ts';

export const learnersRetention: RetentionRule[] = [
  {
    category: 'learners.codes',
    label: 'learners.retention.codes',
    basis: 'learners.retention.codesBasis',
    action: 'delete',
    defaultDays: 1,
    // The rate limits count a day of requests and wrong codes.
    minDays: 1,
    async count(_deps, db, cutoff) {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`SELECT (SELECT count(*) FROM learner_codes WHERE expires_at < ${cutoff})
                 + (SELECT count(*) FROM learner_code_events WHERE at < ${cutoff}) AS n`,
      );
      return Number(rows[0]?.n ?? 0);
    },
    async purge(_deps, db, cutoff) {
      const codes = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM learner_codes WHERE expires_at < ${cutoff} RETURNING id`,
      );
      const events = await queryRows<{ id: string }>(
        db,
        sql`DELETE FROM learner_code_events WHERE at < ${cutoff} RETURNING id`,
      );
      return codes.length + events.length;
    },
  },
];
