// Reminders to units late with their report (issue 13): a daily job (`reports.reminders`) looks at every open
// period and, for each reporting unit whose submission is neither submitted nor accepted, notifies its staff
// and managers 7 days before the deadline, the day before, and the day after it (late): in the app, and through
// the notification channel (sendNotice) by e-mail to the account's address, or by SMS/Zalo to its verified mobile
// when the account has no real address; with neither provider configured the notice waits in the outbox. Each
// in-app notification has a dedupe key (period, unit, reminder, person) and the outside notice goes out only
// when that notification is new: however often the job runs, one reminder per person, unit and stage. The
// outside notice's words come from the message catalogue, in the language the person chose on their own learner
// profile (Vietnamese when they have none).
import type { AppDeps } from '../../app/deps.types.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.server.ts';
import type { Locale } from '../../lib/i18n.ts';
import { accessPort } from '../access/index.server.ts';
import type { Job } from '../jobs/jobs.repository.server.ts';
import { learnersPort } from '../learners/index.server.ts';
import { type Notice, sendNotice } from '../notifications/index.server.ts';
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
    const userIds = [...new Set(staff.map((s) => s.userId))];
    const emails = new Map(
      (await accessPort.activeEmails(deps, deps.db, userIds)).map((u) => [u.userId, u.email]),
    );
    const phones = await learnersPort.verifiedPhones(deps, userIds);
    const languages = await preferredLanguages(deps, userIds);
    for (const s of staff) {
      const params = {
        period: period.titleVi,
        unit: names.get(s.unitId) ?? '',
        date: formatIsoDay(period.deadline),
      };
      const locale = languages.get(s.userId) ?? 'vi';
      const link = `/admin/reports/${period.code}/units/${s.unitId}`;
      const messageKey = reminder.type === 'late' ? 'reports.notify.late' : 'reports.notify.dueSoon';
      const email = emails.get(s.userId);
      const to = outsideAddress(email, phones.get(s.userId));
      const created = await deps.repos.notifications.create(deps.db, {
        userId: s.userId,
        kind: `reports.reminder.${reminder.type}`,
        messageKey,
        params,
        link,
        dedupeKey: `reports.reminder:${period.id}:${s.unitId}:${reminder.type}:${s.userId}`,
      });
      // Only with a new in-app notification (its dedupe key makes the outside notice once per person and stage
      // too); a disabled account (no address) gets nothing outside the app.
      if (created && email !== undefined && to) {
        try {
          const title = locale === 'en' && period.titleEn ? period.titleEn : period.titleVi;
          await sendNotice(deps, notice(deps, locale, to, messageKey, { ...params, period: title }, link));
        } catch (e) {
          deps.logger.warn({ err: e, period: period.code, unit: s.unitId }, 'report reminder not sent');
        }
      }
      if (created) sent++;
    }
  }
  return sent;
}

/** E-mail unless the account's address is a phone-only placeholder (`.invalid`), then its verified mobile. */
function outsideAddress(email: string | undefined, phone: string | undefined): Notice['to'] | null {
  if (email && !email.endsWith('.invalid')) return { email };
  if (phone) return { phone };
  return null;
}

/** The language each account chose on its own learner profile (id = user id); absent: Vietnamese. */
async function preferredLanguages(deps: AppDeps, userIds: readonly string[]): Promise<Map<string, Locale>> {
  const own = (await learnersPort.profiles(deps, userIds)).filter((p) => p.relation === 'self');
  return new Map(own.map((p) => [p.id, p.preferredLanguage]));
}

function notice(
  deps: AppDeps,
  locale: Locale,
  to: Notice['to'],
  messageKey: 'reports.notify.late' | 'reports.notify.dueSoon',
  params: Record<string, string>,
  link: string,
): Notice {
  const line = t(locale, messageKey, params);
  const text =
    'phone' in to ? line : t(locale, 'reports.notice.text', { line, url: `${deps.config.publicUrl}${link}` });
  return {
    to,
    template: `reports.reminder`,
    params,
    subject: t(locale, 'reports.notice.subject', params),
    text,
  };
}

export async function runReportReminders(deps: AppDeps, job: Job): Promise<void> {
  const slot = (job.payload as { slot?: unknown } | null)?.slot;
  await sendReportReminders(
    deps,
    typeof slot === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(slot) ? slot : undefined,
  );
}
