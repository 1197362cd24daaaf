// Retention (issue 14, Law 91/2025/QH15 storage limitation): each module declares how long it keeps each kind
// of personal data (`retention` in its descriptor) with a default; administrators change the periods here (one
// versioned, audited setting, `privacy.retention`), see what the next purge would remove (a dry run with
// counts), and the daily `privacy.retention-purge` job deletes or anonymises what is past its period through
// each module's own rule, in one transaction, audited with the counts. Purging twice removes nothing more.
import type { AppDeps } from '../../app/deps.types.ts';
import type { RetentionRule } from '../../app/module.ts';
import { authorize } from '../../app/policies.server.ts';
import { type Actor, ANONYMOUS } from '../../lib/authz.ts';
import { AppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { staleVersion } from '../../lib/versions.server.ts';
import { settingsPort } from '../settings/index.server.ts';

export const RETENTION_KEY = 'privacy.retention';
export const RETENTION_PURGE_JOB = 'privacy.retention-purge';
/** The longest period accepted: 100 years (anything longer is a typing error). */
export const MAX_RETENTION_DAYS = 36_500;
const DAY_MS = 86_400_000;

type Deps = Pick<AppDeps, 'db' | 'repos' | 'audit' | 'now'>;

/** The rules, read on first use: the registries import the module list, which imports this file. */
export async function rules(): Promise<readonly RetentionRule[]> {
  return (await import('../../app/registries.server.ts')).retentionRules;
}

/** The period in days of every category: the administrator's setting, else the module's default. */
export async function retentionPeriods(deps: Pick<AppDeps, 'repos'>): Promise<Record<string, number>> {
  const stored = (await deps.repos.settings.get<Record<string, unknown>>(RETENTION_KEY)) ?? {};
  return Object.fromEntries(
    (await rules()).map((r) => {
      const v = stored && typeof stored === 'object' ? stored[r.category] : undefined;
      return [r.category, Number.isSafeInteger(v) ? (v as number) : r.defaultDays];
    }),
  );
}

export const cutoffFor = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

export interface RetentionLine {
  category: string;
  label: MessageKey;
  basis: MessageKey;
  action: RetentionRule['action'];
  days: number;
  defaultDays: number;
  minDays: number;
  /** Rows the next purge would delete or anonymise (dry run, now). */
  due: number;
}

export async function retentionOverview(
  deps: AppDeps,
  actor: Actor,
): Promise<{ lines: RetentionLine[]; version: number }> {
  authorize(actor, 'privacy.retention.manage');
  const periods = await retentionPeriods(deps);
  const now = deps.now();
  const lines: RetentionLine[] = [];
  for (const r of await rules()) {
    const days = periods[r.category] ?? r.defaultDays;
    lines.push({
      category: r.category,
      label: r.label,
      basis: r.basis,
      action: r.action,
      days,
      defaultDays: r.defaultDays,
      minDays: r.minDays,
      due: await r.count(deps, deps.db, cutoffFor(now, days)),
    });
  }
  return { lines, version: await settingsPort.version(deps, deps.db, RETENTION_KEY) };
}

export interface RetentionProblem {
  category: string;
  key: MessageKey;
  params: Record<string, number>;
}

/** Every problem with the submitted periods at once (raw form text by category). */
export async function checkRetention(input: Record<string, string>): Promise<{
  days: Record<string, number>;
  problems: RetentionProblem[];
}> {
  const days: Record<string, number> = {};
  const problems: RetentionProblem[] = [];
  for (const r of await rules()) {
    const raw = (input[r.category] ?? '').trim();
    const n = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < r.minDays || n > MAX_RETENTION_DAYS)
      problems.push({
        category: r.category,
        key: 'privacy.retention.invalidDays',
        params: { min: r.minDays, max: MAX_RETENTION_DAYS },
      });
    else days[r.category] = n;
  }
  return { days, problems };
}

/** Saves the periods (all categories at once), refusing a stale form (409); audited with before and after. */
export async function updateRetention(
  deps: Deps,
  actor: Actor,
  input: { version: number; days: Record<string, string> },
): Promise<Record<string, number>> {
  authorize(actor, 'privacy.retention.manage');
  const { days, problems } = await checkRetention(input.days);
  if (problems.length)
    throw new AppError('privacy.retention.invalid', 422, 'privacy.retention.invalidDays', {
      params: { min: problems[0]!.params.min ?? 0, max: MAX_RETENTION_DAYS },
    });
  await deps.db.transaction(async (tx) => {
    if ((await settingsPort.version(deps, tx, RETENTION_KEY, true)) !== input.version)
      throw staleVersion('privacy.retention');
    const before = await settingsPort.write(deps, tx, RETENTION_KEY, days);
    await deps.audit.record(tx, actor, {
      action: 'privacy.retention.update',
      entityType: 'setting',
      entityId: RETENTION_KEY,
      before: before ?? null,
      after: days,
    });
    await settingsPort.bumpVersion(deps, tx, RETENTION_KEY);
  });
  return days;
}

/**
 * The purge: every module's rule with its period, in one transaction, and one audit entry with the counts
 * (also when nothing was due, so the register shows the job ran). Returns the counts by category.
 */
export async function purgeExpiredData(deps: AppDeps): Promise<Record<string, number>> {
  const periods = await retentionPeriods(deps);
  const now = deps.now();
  const all = await rules();
  const cutoffOf = (r: RetentionRule) =>
    cutoffFor(now, Math.max(periods[r.category] ?? r.defaultDays, r.minDays));
  const counts = await deps.db.transaction(async (tx) => {
    const done: Record<string, number> = {};
    for (const r of all) done[r.category] = await r.purge(deps, tx, cutoffOf(r));
    await deps.audit.record(tx, ANONYMOUS, {
      action: 'privacy.retention.purge',
      entityType: 'setting',
      entityId: RETENTION_KEY,
      after: { counts: done, periods },
    });
    return done;
  });
  // Notices ahead of a later purge (inactive accounts), once the purge is committed.
  for (const r of all) if (r.notify) await r.notify(deps, cutoffOf(r));
  return counts;
}

export async function runRetentionPurgeJob(deps: AppDeps): Promise<void> {
  const counts = await purgeExpiredData(deps);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total > 0) deps.logger.info({ counts }, 'personal data past retention purged');
}
