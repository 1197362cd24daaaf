// Crediting verified activity to reading challenges: what the platform saw (a path completed, an event
// attended, later a loan) counts towards every running challenge the learner joined, once per activity
// (the source reference is unique), on the day it happened — never outside a challenge's window.
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { newId } from './learning.ids.server.ts';
import { creditDay } from './learning.rules.ts';
import type { EntrySource } from './learning.vocab.ts';

export interface VerifiedActivity {
  learnerId: string;
  source: Exclude<EntrySource, 'self'>;
  /** What was verified (a path id, an attendance id, a loan id): credited once per challenge. */
  sourceRef: string;
  title: string;
  /** When it happened. */
  at: Date;
  books: number;
  minutes: number;
  recordId?: string | null;
}

/** Ids of the challenges credited by this call (already-credited ones are left out). */
export async function creditVerifiedActivity(
  deps: Pick<AppDeps, 'repos'>,
  db: Db,
  a: VerifiedActivity,
): Promise<string[]> {
  const day = isoDateInVietnam(a.at);
  const credited: string[] = [];
  for (const c of await deps.repos.challenges.joinedRunning(db, a.learnerId, day)) {
    const readOn = creditDay(c, day);
    if (!readOn) continue;
    const inserted = await deps.repos.challenges.insertEntry(db, {
      id: newId('rce'),
      challengeId: c.id,
      learnerId: a.learnerId,
      source: a.source,
      sourceRef: a.sourceRef,
      recordId: a.recordId ?? null,
      title: a.title.slice(0, 300),
      books: Math.max(0, Math.min(100, a.books)),
      minutes: Math.max(0, Math.min(1440, a.minutes)),
      readOn,
    });
    if (inserted) credited.push(c.id);
  }
  return credited;
}
