// Runs one drizzle `sql` query and returns its rows, the same on PGlite and node-postgres.
import type { SQL } from 'drizzle-orm';
import type { Db } from './client.server.ts';

export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
