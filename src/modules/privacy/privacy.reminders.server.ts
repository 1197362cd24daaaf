// Reminders before a data-subject request's legal deadlines (issue 14). A daily job looks at every open request:
// REMIND_WORKING_DAYS working days (public holidays as data) or less before the reply deadline, the same before
// the completion deadline, and once the completion deadline has passed, it reminds whoever answers requests
// (the roles holding `privacy.request.handle`) in the app and by e-mail. Each (request, stage, deadline) is
// claimed in privacy_request_reminders before anything is sent, so re-running the job, or two runners at once,
// never reminds twice; an extension moves the completion deadline, and the new one is reminded of again.
// The reply has no record of its own (a request is acknowledged at once, then completed): "overdue" is said of
// the completion deadline, the one a late answer breaks.
import type { AppDeps } from '../../app/deps.types.ts';
import { formatIsoDay, isoDateInVietnam } from '../../lib/dates.ts';
import type { MessageKey } from '../../lib/i18n.ts';
import { accessPort } from '../access/index.server.ts';
import type { Job } from '../jobs/jobs.repository.server.ts';
import { privacyPermissions } from './privacy.policies.ts';
import type { PrivacyRequest } from './privacy.repository.server.ts';
import { REMIND_WORKING_DAYS } from './privacy.work.server.ts';
import { workingDaysBetween } from './privacy.workdays.ts';

export const PRIVACY_REMINDERS_JOB = 'privacy.deadline-reminders';

export type ReminderStage = 'reply-soon' | 'complete-soon' | 'complete-overdue';

export interface DueReminder {
  requestId: string;
  stage: ReminderStage;
  dueDay: string;
  kind: PrivacyRequest['kind'];
}

/** The reminders an open request calls for on `today` (pure; `holidays` covers today to both deadlines). */
export function remindersFor(
  r: Pick<PrivacyRequest, 'id' | 'kind' | 'replyDue' | 'completeDue'>,
  today: string,
  holidays: ReadonlySet<string>,
): DueReminder[] {
  const out: DueReminder[] = [];
  const base = { requestId: r.id, kind: r.kind };
  const near = (due: string) =>
    due >= today && workingDaysBetween(today, due, holidays) <= REMIND_WORKING_DAYS;
  if (near(r.replyDue)) out.push({ ...base, stage: 'reply-soon', dueDay: r.replyDue });
  if (r.completeDue < today) out.push({ ...base, stage: 'complete-overdue', dueDay: r.completeDue });
  else if (near(r.completeDue)) out.push({ ...base, stage: 'complete-soon', dueDay: r.completeDue });
  return out;
}

const NOTICE: Record<ReminderStage, MessageKey> = {
  'reply-soon': 'privacy.notify.replySoon',
  'complete-soon': 'privacy.notify.completeSoon',
  'complete-overdue': 'privacy.notify.completeOverdue',
};

const KIND_VI: Record<PrivacyRequest['kind'], string> = {
  access: 'xem, xuất dữ liệu',
  correction: 'chỉnh sửa dữ liệu',
  deletion: 'xoá dữ liệu',
  restriction: 'hạn chế xử lý',
  objection: 'phản đối xử lý',
};

function mail(r: DueReminder, name: string, link: string) {
  const due = formatIsoDay(r.dueDay);
  const what = `yêu cầu ${KIND_VI[r.kind]} mã ${r.requestId}`;
  const subject = {
    'reply-soon': `[Suốt Đời] Nhắc hạn trả lời ${what}: ${due}`,
    'complete-soon': `[Suốt Đời] Nhắc hạn hoàn thành ${what}: ${due}`,
    'complete-overdue': `[Suốt Đời] Quá hạn hoàn thành ${what} (hạn ${due})`,
  }[r.stage];
  const line = {
    'reply-soon': `phải được trả lời chậm nhất ngày ${due} (theo ngày làm việc).`,
    'complete-soon': `phải được thực hiện xong chậm nhất ngày ${due} (theo ngày làm việc).`,
    'complete-overdue': `đã quá hạn hoàn thành ngày ${due} mà chưa được xử lý xong.`,
  }[r.stage];
  return {
    subject,
    text: [
      `Kính gửi ${name},`,
      '',
      `Yêu cầu của chủ thể dữ liệu (${KIND_VI[r.kind]}, mã ${r.requestId}) ${line}`,
      'Thời hạn theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP.',
      '',
      `Xử lý yêu cầu tại: ${link}`,
      '',
      'Thư này được gửi tự động từ nền tảng Suốt Đời; vui lòng không trả lời thư.',
    ].join('\n'),
  };
}

/** Sends the reminders due on the job's day (its schedule slot, else today in Vietnam); returns how many. */
export async function sendDeadlineReminders(deps: AppDeps, job?: Pick<Job, 'payload'>): Promise<number> {
  const slot = (job?.payload as { slot?: unknown } | null | undefined)?.slot;
  const today =
    typeof slot === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(slot) ? slot : isoDateInVietnam(deps.now());
  const open = await deps.repos.privacy.open(deps.db);
  if (!open.length) return 0;
  // ISO days sort as text: the latest deadline bounds the holidays needed.
  const last = [today, ...open.map((r) => r.completeDue)].sort().at(-1) ?? today;
  const holidays = await deps.repos.privacy.holidays(deps.db, today, last);
  const due = open.flatMap((r) => remindersFor(r, today, holidays));
  if (!due.length) return 0;
  const staff = await accessPort.holdersOfRoles(
    deps,
    deps.db,
    privacyPermissions['privacy.request.handle'].roles,
  );
  const path = '/admin/privacy';
  let sent = 0;
  for (const r of due) {
    const claimed = await deps.db.transaction(async (tx) => {
      if (!(await deps.repos.privacy.claimReminder(tx, r.requestId, r.stage, r.dueDay, deps.now())))
        return false;
      for (const s of staff)
        await deps.repos.notifications.create(tx, {
          userId: s.userId,
          kind: r.stage === 'complete-overdue' ? 'privacy.overdue' : 'privacy.reminder',
          messageKey: NOTICE[r.stage],
          params: { ref: r.requestId, date: formatIsoDay(r.dueDay) },
          link: path,
          dedupeKey: `privacy.reminder:${r.requestId}:${r.stage}:${r.dueDay}:${s.userId}`,
        });
      return true;
    });
    if (!claimed) continue;
    sent++;
    // After the claim is committed: a failed delivery stays in the outbox with its error, never re-sent.
    for (const s of staff) {
      const m = mail(r, s.name, `${deps.config.publicUrl}${path}`);
      await deps.mailer.send({ to: s.email, ...m, purpose: 'privacy-reminder' });
    }
  }
  return sent;
}

export async function runDeadlineRemindersJob(deps: AppDeps, job: Job): Promise<void> {
  await sendDeadlineReminders(deps, job);
}
