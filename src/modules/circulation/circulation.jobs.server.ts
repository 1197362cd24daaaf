// Scheduled work: reminders before the due date and when overdue (in-app notification to the learner's account
// and a mail when the card has an address; the SMS channel comes with the accounts branch), and hold-shelf
// expiry. Each reminder is marked on its loan before it is sent, so a retried job never reminds twice.
import type { AppDeps } from '../../app/deps.types.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import { catalogueRecordsPort } from '../catalogue/index.server.ts';
import { processingRestrictions } from '../privacy/index.server.ts';
import { expireHoldShelf } from './circulation.holds.server.ts';

export async function sendDueReminders(deps: AppDeps): Promise<number> {
  let sent = 0;
  const now = deps.now();
  for (const kind of ['before', 'overdue'] as const) {
    const due = await deps.repos.circulationLoans.dueForReminder(deps.db, kind, now);
    const titles = new Map(
      (await catalogueRecordsPort.summaries(deps, deps.db, [...new Set(due.map((d) => d.recordId))])).map(
        (r) => [r.id, r.title],
      ),
    );
    const readers = new Map<string, Awaited<ReturnType<typeof deps.repos.circulation.readerById>>>();
    for (const id of new Set(due.map((d) => d.readerId)))
      readers.set(id, await deps.repos.circulation.readerById(deps.db, id));
    // A courtesy reminder before the due date is non-essential: none while the reader's restriction or
    // objection is in force. The overdue notice stays (it performs the loan agreement).
    const restricted = await processingRestrictions.check(
      deps,
      [...readers.values()].flatMap((r) =>
        r ? [{ userId: r.learnerId, email: r.email, phone: r.phone }] : [],
      ),
    );
    for (const d of due) {
      const reader = readers.get(d.readerId);
      if (!reader) continue;
      if (
        kind === 'before' &&
        restricted({ userId: reader.learnerId, email: reader.email, phone: reader.phone })
      )
        continue;
      if (!(await deps.repos.circulationLoans.markReminded(deps.db, d.id, kind, now))) continue;
      const params = { title: titles.get(d.recordId) ?? '', date: formatIsoDay(isoDateInVietnam(d.dueAt)) };
      const messageKey = kind === 'before' ? 'circulation.notify.dueSoon' : 'circulation.notify.overdue';
      if (reader.learnerId)
        await deps.repos.notifications.create(deps.db, {
          userId: reader.learnerId,
          kind: `circulation.${kind}`,
          messageKey,
          params,
          link: '/my/library',
          dedupeKey: `circ-${kind}:${d.id}:${d.dueAt.toISOString()}`,
        });
      if (reader.email)
        await deps.mailer.send({
          to: reader.email,
          subject:
            kind === 'before'
              ? `[Suốt Đời] Sắp đến hạn trả: ${params.title}`
              : `[Suốt Đời] Quá hạn trả: ${params.title}`,
          text: `Kính gửi ${reader.name},\n\n${
            kind === 'before' ? 'Tài liệu bạn mượn sắp đến hạn trả' : 'Tài liệu bạn mượn đã quá hạn trả'
          }: “${params.title}”, hạn ${params.date}.\nBạn có thể gia hạn tại ${deps.config.publicUrl}/my/library\n\nThư gửi tự động từ nền tảng Suốt Đời.`,
          purpose: `circulation-${kind}`,
        });
      sent++;
    }
  }
  return sent;
}

export const circulationJobs = {
  'circulation.reminders': async (deps: AppDeps) => {
    await sendDueReminders(deps);
  },
  'circulation.holdShelf.expire': async (deps: AppDeps) => {
    await expireHoldShelf(deps);
  },
};
