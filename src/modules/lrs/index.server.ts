// The learning record store's public surface: the write port other modules call to record what a learner
// did (the platform is the authority; the learner is the actor as an account on the platform's home page;
// unit, place, commune and category ride in context extensions so indicators can count by them).
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../app/deps.types.ts';
import type { Db } from '../../db/client.server.ts';
import { accountsPort } from '../auth/index.server.ts';
import { placeSummaries } from '../places/index.server.ts';
import { type RecordCategory, VERBS } from './lrs.vocab.ts';
import { extensionIri, platformHome, storeStatements } from './lrs-statements.usecases.server.ts';
import type { Json, JsonObject } from './xapi-validate.ts';

export { RECORD_CATEGORIES, type RecordCategory, VERBS } from './lrs.vocab.ts';

type Deps = Pick<AppDeps, 'db' | 'repos' | 'now' | 'config'>;

/** A learner as an xAPI agent: an account on the platform, named by learner id (never a name or contact). */
export const learnerAgent = (deps: Pick<AppDeps, 'config'>, learnerId: string): JsonObject => ({
  objectType: 'Agent',
  account: { homePage: platformHome(deps), name: learnerId },
});

const platformAuthority = (deps: Pick<AppDeps, 'config'>) => ({
  credentialId: null,
  agent: {
    objectType: 'Agent',
    name: 'Suốt Đời',
    account: { homePage: platformHome(deps), name: 'platform' },
  } as JsonObject,
});

/** A name-based UUID (version 5 layout over SHA-1): the same source event always gives the same statement id. */
export function stableStatementId(sourceKey: string): string {
  const h = createHash('sha1').update(`suotdoi:lrs:${sourceKey}`).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

export interface LearningActivity {
  /** Identifies what happened, e.g. `events.attendance:<registration>:<session>`; recording it twice is a no-op. */
  sourceKey: string;
  learnerId: string;
  verb: keyof typeof VERBS;
  activity: { id: string; name: string; type?: string };
  at: Date;
  unitId?: string | null;
  placeId?: string | null;
  category?: RecordCategory;
  durationSeconds?: number | null;
  result?: { success?: boolean; completion?: boolean; scaled?: number };
  /** The activity this one is part of (a path, for its steps and quizzes): context.contextActivities.parent. */
  parent?: { id: string; name: string; type?: string };
}

const isoDuration = (s: number) => `PT${Math.max(0, Math.round(s))}S`;

export const lrsPort = {
  /** Stores one statement (already built) with the platform as authority, in the caller's transaction. */
  record: (deps: Deps, db: Db, statement: JsonObject): Promise<string[]> =>
    storeStatements(deps, platformAuthority(deps), statement, { tx: db }),

  /** Builds and stores the statement for one learning activity; its commune comes from the place. */
  async recordActivity(deps: Deps, db: Db, a: LearningActivity): Promise<string> {
    const place = a.placeId ? (await placeSummaries(db, [a.placeId])).get(a.placeId) : undefined;
    const ext: JsonObject = {};
    if (a.unitId) ext[extensionIri(deps, 'unit')] = a.unitId;
    if (a.placeId) ext[extensionIri(deps, 'place')] = a.placeId;
    if (place?.commune) ext[extensionIri(deps, 'commune')] = place.commune;
    if (a.category) ext[extensionIri(deps, 'category')] = a.category;
    const result: JsonObject = {};
    if (a.durationSeconds != null) result.duration = isoDuration(a.durationSeconds);
    if (a.result?.success !== undefined) result.success = a.result.success;
    if (a.result?.completion !== undefined) result.completion = a.result.completion;
    if (a.result?.scaled !== undefined) result.score = { scaled: a.result.scaled };
    const id = stableStatementId(a.sourceKey);
    const definition: JsonObject = { name: { vi: a.activity.name } };
    if (a.activity.type) definition.type = a.activity.type;
    const statement: JsonObject = {
      id,
      actor: learnerAgent(deps, a.learnerId),
      verb: { id: VERBS[a.verb], display: { 'en-US': a.verb } },
      object: { objectType: 'Activity', id: a.activity.id, definition },
      timestamp: a.at.toISOString(),
      context: { platform: 'Suốt Đời', language: 'vi', extensions: ext as { [k: string]: Json } },
    };
    if (a.parent) {
      const parentDef: JsonObject = { name: { vi: a.parent.name } };
      if (a.parent.type) parentDef.type = a.parent.type;
      (statement.context as JsonObject).contextActivities = {
        parent: [{ objectType: 'Activity', id: a.parent.id, definition: parentDef }],
      };
    }
    if (Object.keys(result).length) statement.result = result;
    await lrsPort.record(deps, db, statement);
    // Recorded activity keeps the account active (retention of inactive accounts; at most one write a day).
    await accountsPort.markActive(deps, db, [a.learnerId], a.at);
    return id;
  },
};

/** Hours and number of recorded learning activities of one learner in a calendar year (Vietnam time). */
export async function learningYear(
  deps: Pick<AppDeps, 'db' | 'repos'>,
  learnerId: string,
  year: number,
): Promise<{ hours: number; activities: number }> {
  const rows = (await deps.repos.lrsRecord.hoursByCategoryYear(deps.db, learnerId)).filter(
    (r) => r.year === year,
  );
  return {
    hours: rows.reduce((s, r) => s + r.seconds, 0) / 3600,
    activities: rows.reduce((s, r) => s + r.count, 0),
  };
}
