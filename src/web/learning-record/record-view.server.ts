// Loader-side shaping of the learner's record for the record and print pages (dates formatted, names picked
// in the page's language).
import type { AppDeps } from '../../app/deps.types.ts';
import type { Actor } from '../../lib/authz.ts';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { unauthenticated } from '../../lib/errors.ts';
import { currentLearner } from '../../modules/learners/index.server.ts';
import { VERBS } from '../../modules/lrs/lrs.vocab.ts';
import { learnerRecord } from '../../modules/lrs/lrs-record.usecases.server.ts';

const VERB_NAMES = new Map<string, string>(Object.entries(VERBS).map(([k, v]) => [v, k]));

function pickName(map: Record<string, unknown> | null, locale: string, fallback: string): string {
  if (!map) return fallback;
  const exact = Object.keys(map).find((k) => k.toLowerCase().startsWith(locale));
  const v = map[exact ?? Object.keys(map)[0] ?? ''];
  return typeof v === 'string' && v ? v : fallback;
}

export async function recordView(deps: AppDeps, actor: Actor, request: Request, locale: string) {
  const learner = await currentLearner(actor, request);
  if (!learner) throw unauthenticated();
  const r = await learnerRecord(deps, learner);
  return {
    learnerName: learner.displayName,
    year: r.year,
    today: formatDate(deps.now()),
    timeline: r.timeline.map((e) => ({
      id: e.id,
      at: formatDateTime(e.timestamp),
      verb: VERB_NAMES.get(e.verbId) ?? 'other',
      name: pickName(e.name, locale, e.activityId ?? ''),
      category: e.category,
      hours: e.durationSeconds ? Math.round(e.durationSeconds / 360) / 10 : null,
      fromTool: e.fromTool,
    })),
    table: r.table,
    streak: r.streak,
    goal: r.goal,
    analyticsOff: r.analyticsOff,
  };
}
