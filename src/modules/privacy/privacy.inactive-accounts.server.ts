// Retention of learner records of inactive accounts (issue 14, Law 91/2025/QH15 storage limitation). A citizen's
// account unused for the period (`privacy.inactive-accounts`, editable at /admin/privacy/retention) is erased
// exactly as a deletion request erases it (the same per-module handlers in the purge's transaction), so the
// indicators stay equal. Before that the person is told through the notification channel, NOTICE_DAYS ahead;
// the erasure waits until a notice sent after the last activity is that old, so signing in again (which moves
// the last activity, at most one write a day: migration 0144) keeps the account. Staff accounts (ever granted a
// role) are never in scope.
import type { AppDeps } from '../../app/deps.types.ts';
import type { RetentionRule } from '../../app/module.ts';
import type { Db } from '../../db/client.server.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.server.ts';
import { accessPort } from '../access/index.server.ts';
import { accountsPort } from '../auth/index.server.ts';
import { learnersPort } from '../learners/index.server.ts';
import { sendNotice } from '../notifications/index.server.ts';
import { eraseSubjectIn, subjectForAccount } from './privacy.usecases.server.ts';

export const INACTIVE_ACCOUNTS = 'privacy.inactive-accounts';
/** The notice goes this many days before the erasure. */
export const NOTICE_DAYS = 30;
/** Accounts erased or notified per daily run at most (keeps the purge transaction short). */
const BATCH = 200;
const DAY_MS = 86_400_000;

/** Citizens' accounts (staff left out) unused since `before`, longest idle first. */
async function idleCitizens(deps: AppDeps, db: Db, before: Date) {
  const idle = await accountsPort.inactiveSince(deps, db, before, BATCH * 5);
  const staff = await accessPort.staffAccounts(
    deps,
    db,
    idle.map((a) => a.userId),
  );
  return idle.filter((a) => !staff.has(a.userId));
}

/** Idle past the cutoff, and told so at least NOTICE_DAYS ago (after their last activity). */
async function dueForErasure(deps: AppDeps, db: Db, cutoff: Date) {
  const idle = await idleCitizens(deps, db, cutoff);
  const notices = await deps.repos.privacy.inactivityNotices(
    db,
    idle.map((a) => a.userId),
  );
  const toldBy = deps.now().getTime() - NOTICE_DAYS * DAY_MS;
  return idle.filter((a) => {
    const told = notices.get(a.userId);
    return !!told && told > a.lastActiveAt && told.getTime() <= toldBy;
  });
}

export const inactiveAccountsRule: RetentionRule = {
  category: INACTIVE_ACCOUNTS,
  label: 'privacy.retention.inactiveAccounts',
  basis: 'privacy.retention.inactiveAccountsBasis',
  action: 'anonymise',
  defaultDays: 1825,
  // At least a year: the yearly learning-citizen assessment reads a whole year of the record.
  minDays: 365,
  async count(deps, db, cutoff) {
    return (await dueForErasure(deps, db, cutoff)).length;
  },
  async purge(deps, db, cutoff) {
    const due = (await dueForErasure(deps, db, cutoff)).slice(0, BATCH);
    for (const a of due) await eraseSubjectIn(deps, db, subjectForAccount(a.userId, a.email));
    await deps.repos.privacy.inactivityErased(
      db,
      due.map((a) => a.userId),
      deps.now(),
    );
    return due.length;
  },
  async notify(deps, cutoff) {
    const now = deps.now();
    // Whoever will be past the cutoff within the notice period and has not been told since their last activity.
    const soon = await idleCitizens(deps, deps.db, new Date(cutoff.getTime() + NOTICE_DAYS * DAY_MS));
    const notices = await deps.repos.privacy.inactivityNotices(
      deps.db,
      soon.map((a) => a.userId),
    );
    const untold = soon
      .filter((a) => {
        const told = notices.get(a.userId);
        return !told || told <= a.lastActiveAt;
      })
      .slice(0, BATCH);
    if (!untold.length) return 0;
    const ids = untold.map((a) => a.userId);
    const phones = await learnersPort.verifiedPhones(deps, ids);
    const languages = new Map(
      (await learnersPort.profiles(deps, ids)).map((p) => [p.id, p.preferredLanguage] as const),
    );
    for (const a of untold) {
      const locale = languages.get(a.userId) ?? 'vi';
      // Everyone told is past the period within NOTICE_DAYS, so the erasure comes when the notice is that old.
      const date = formatIsoDay(isoDateInVietnam(new Date(now.getTime() + NOTICE_DAYS * DAY_MS)));
      const url = `${deps.config.publicUrl}/account`;
      const phone = phones.get(a.userId);
      const channel = await sendNotice(deps, {
        to: phone ? { phone } : { email: a.email },
        template: 'privacy.inactive',
        params: { date },
        subject: t(locale, 'privacy.inactive.noticeSubject'),
        text: t(locale, 'privacy.inactive.noticeText', { date, url }),
      });
      await deps.repos.privacy.recordInactivityNotice(deps.db, a.userId, now, channel);
    }
    return untold.length;
  },
};
