// Deadline reminders. A daily job (`plan.reminders`) finds the assigned unit reports not yet submitted whose
// instance is due in 14 days, in 3 days, or was due yesterday, and enqueues one `plan.reminder.send` job per
// (report, reminder type, due date) under that dedupe key: however many server instances scan, or however
// often, each reminder is enqueued once and (jobs being claimed with SKIP LOCKED) sent once. The send job
// mails the assignee in Vietnamese (the outbox when no SMTP is set) and adds an in-app notification.
import type { AppDeps } from '../../../app/deps.types.ts';
import { formatIsoDay, isoDateInVietnam } from '../../../lib/dates.ts';
import type { Job } from '../../jobs/jobs.repository.server.ts';

export const REMINDERS_JOB = 'plan.reminders';
export const REMINDER_SEND_JOB = 'plan.reminder.send';

const REMINDER_TYPES = [
  { type: 'd14', offsetDays: 14 },
  { type: 'd3', offsetDays: 3 },
  { type: 'overdue', offsetDays: -1 },
] as const;
type ReminderType = (typeof REMINDER_TYPES)[number]['type'];

interface SendPayload {
  reportId: string;
  type: ReminderType;
  dueDate: string;
}

function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const dedupeKey = (p: SendPayload) => `plan.reminder:${p.reportId}:${p.type}:${p.dueDate}`;

/** Enqueues the reminders due on `today` (Vietnam day); returns how many were new. */
export async function scanReminders(deps: AppDeps, job: Pick<Job, 'payload'>): Promise<number> {
  const slot = (job.payload as { slot?: unknown } | null)?.slot;
  const today =
    typeof slot === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(slot) ? slot : isoDateInVietnam(deps.now());
  const byDue = new Map<string, ReminderType>(
    REMINDER_TYPES.map((r) => [addDays(today, r.offsetDays), r.type]),
  );
  const targets = await deps.repos.planWorkQueries.reminderTargets(deps.db, [...byDue.keys()]);
  let enqueued = 0;
  for (const target of targets) {
    const type = byDue.get(target.dueDate);
    if (!type) continue;
    const payload: SendPayload = { reportId: target.reportId, type, dueDate: target.dueDate };
    const id = await deps.repos.jobs.enqueue(deps.db, {
      kind: REMINDER_SEND_JOB,
      payload,
      dedupeKey: dedupeKey(payload),
    });
    if (id) enqueued++;
  }
  return enqueued;
}

export async function runReminderScan(deps: AppDeps, job: Job): Promise<void> {
  await scanReminders(deps, job);
}

/** Sends one reminder, unless the report was submitted (or reassigned away) in the meantime. */
export async function sendReminder(deps: AppDeps, job: Job): Promise<void> {
  const p = job.payload as SendPayload;
  const targets = await deps.repos.planWorkQueries.reminderTargets(deps.db, [p.dueDate]);
  const target = targets.find((t) => t.reportId === p.reportId);
  if (!target) return;
  const task = `${target.section}.${target.number}`;
  const due = formatIsoDay(target.dueDate);
  const path = `/admin/plan/instances/${target.instanceId}`;
  const link = `${deps.config.publicUrl}${path}`;
  const overdue = p.type === 'overdue';
  const created = await deps.repos.notifications.create(deps.db, {
    userId: target.assigneeId,
    kind: overdue ? 'plan.overdue' : 'plan.reminder',
    messageKey: overdue ? 'planwork.notify.overdue' : 'planwork.notify.reminder',
    params: { task, year: target.year, date: due },
    link: path,
    dedupeKey: dedupeKey(p),
  });
  // The notification's dedupe key doubles as the "already sent" marker: a retried job never mails twice
  // (a failed delivery stays visible in the outbox with its error).
  if (!created) return;
  const when = overdue
    ? `đã quá hạn ngày ${due} mà báo cáo chưa được gửi`
    : `sẽ đến hạn vào ngày ${due} (còn ${p.type === 'd14' ? 14 : 3} ngày)`;
  await deps.mailer.send({
    to: target.assigneeEmail,
    subject: overdue
      ? `[Suốt Đời] Quá hạn: nhiệm vụ ${task} năm ${target.year}`
      : `[Suốt Đời] Nhắc hạn: nhiệm vụ ${task} năm ${target.year} đến hạn ${due}`,
    text: [
      `Kính gửi ${target.assigneeName},`,
      '',
      `Phần việc của ${target.unitName} trong nhiệm vụ ${task} năm ${target.year} ${when}:`,
      `“${target.content}”`,
      '',
      `Cập nhật tiến độ, minh chứng và gửi báo cáo tại: ${link}`,
      '',
      'Thư này được gửi tự động từ nền tảng Suốt Đời; vui lòng không trả lời thư.',
    ].join('\n'),
    purpose: overdue ? 'plan-overdue' : 'plan-reminder',
  });
}
