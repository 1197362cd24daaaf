// Reminders to units late with their report (issue 13): a daily job (`reports.reminders`) looks at every open
// period and, for each reporting unit whose submission is neither submitted nor accepted, notifies its staff
// and managers in the app 7 days before the deadline, the day before, and the day after it (late). Each
// notification has a dedupe key (period, unit, reminder, person): however often the job runs, once each.
import type { AppDeps } from '../../app/deps.types.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { accessPort } from '../access/index.server.ts';
import type { Job } from '../jobs/jobs.repository.server.ts';
import { expectedUnits } from './reports.values.server.ts';

export const REMINDERS_JOB = 'reports.reminders';

const REMINDERS = [
  { type: 'd7', offsetDays: 7 },
  { type: 'd1', offsetDays: 1 },
  { type: 'late', offsetDays: -1 },
] as const;

function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Sends the reminders due on `today` (a Vietnam day, default now); returns how many notifications were new. */
export async function sendReportReminders(
  deps: AppDeps,
  today = isoDateInVietnam(deps.now()),
): Promise<number> {
  const periods = (await deps.repos.reports.periods(deps.db)).filter((p) => p.status === 'open');
  const units = await expectedUnits(deps);
  let sent = 0;
  for (const period of periods) {
    const reminder = REMINDERS.find((r) => addDays(today, r.offsetDays) === period.deadline);
    if (!reminder) continue;
    const subs = new Map(
      (await deps.repos.reports.submissions(deps.db, period.id)).map((s) => [s.unitId, s.status]),
    );
    const pending = units.filter((u) => {
      const status = subs.get(u.id);
      return status !== 'submitted' && status !== 'accepted';
    });
    if (pending.length === 0) continue;
    const staff = await accessPort.staffOfUnits(
      deps,
      deps.db,
      pending.map((u) => u.id),
    );
    const names = new Map(pending.map((u) => [u.id, u.name]));
    for (const s of staff) {
      const id = await deps.repos.notifications.create(deps.db, {
        userId: s.userId,
        kind: `reports.reminder.${reminder.type}`,
        messageKey: reminder.type === 'late' ? 'reports.notify.late' : 'reports.notify.dueSoon',
        params: {
          period: period.titleVi,
          unit: names.get(s.unitId) ?? '',
          date: formatIsoDay(period.deadline),
        },
        link: `/admin/reports/${period.code}/units/${s.unitId}`,
        dedupeKey: `reports.reminder:${period.id}:${s.unitId}:${reminder.type}:${s.userId}`,
      });
      if (id) sent++;
    }
  }
  return sent;
}

export async function runReportReminders(deps: AppDeps, job: Job): Promise<void> {
  const slot = (job.payload as { slot?: unknown } | null)?.slot;
  await sendReportReminders(
    deps,
    typeof slot === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(slot) ? slot : undefined,
  );
}
