// Telling a unit its report was approved (issue 19, item 11). In the approving transaction: an in-app
// notification for the person who carries the unit's part (or, when nobody is assigned, for the unit's staff
// and managers), and a `plan.approved.send` job under a dedupe key
// (one per approval). The job, after commit, sends the same news through the notification channel
// (`sendNotice`: e-mail when SMTP is set, else the outbox), unless the report was reopened meanwhile.
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Db } from '../../../db/client.server.ts';
import { formatIsoDay, isoDateInVietnam } from '../../../lib/dates.ts';
import { accessPort } from '../../access/index.server.ts';
import type { Job } from '../../jobs/jobs.repository.server.ts';
import { sendNotice } from '../../notifications/index.server.ts';
import type { UnitReport } from './work.repository.server.ts';
import type { WorkDeps } from './work.rules.server.ts';

export const APPROVED_NOTICE_JOB = 'plan.approved.send';

interface ApprovedPayload {
  instanceId: string;
  unitId: string;
  unitName: string;
  task: string;
  year: number;
  /** The report version the approval produced: a later approval (after a reopening) is news again. */
  version: number;
}

const dedupeKey = (reportId: string, version: number) => `plan.approved:${reportId}:${version}`;

/** Inside the approving transaction, with the report as it was before the approval. */
export async function noteApproval(
  deps: WorkDeps,
  tx: Db,
  report: UnitReport,
  part: {
    instance: { id: string; year: number };
    unit: { id: string; name: string };
    task: { section: string; number: number };
  },
): Promise<void> {
  const task = `${part.task.section}.${part.task.number}`;
  const version = report.version + 1;
  const recipients = report.assigneeId
    ? [report.assigneeId]
    : [...new Set((await accessPort.staffOfUnits(deps, tx, [part.unit.id])).map((s) => s.userId))];
  if (recipients.length === 0) return;
  for (const userId of recipients)
    await deps.repos.notifications.create(tx, {
      userId,
      kind: 'plan.approved',
      messageKey: 'planwork.notify.approved',
      params: { task, year: part.instance.year },
      link: `/admin/plan/instances/${part.instance.id}`,
      // One notice per person and approval (the key is unique across all notifications).
      dedupeKey: report.assigneeId
        ? dedupeKey(report.id, version)
        : `${dedupeKey(report.id, version)}:${userId}`,
    });
  const payload: ApprovedPayload = {
    instanceId: part.instance.id,
    unitId: part.unit.id,
    unitName: part.unit.name,
    task,
    year: part.instance.year,
    version,
  };
  await deps.repos.jobs.enqueue(tx, {
    kind: APPROVED_NOTICE_JOB,
    payload,
    dedupeKey: dedupeKey(report.id, version),
  });
}

/** The job: mail (or outbox) the assignee that the unit's report was approved. */
export async function sendApprovalNotice(deps: AppDeps, job: Job): Promise<void> {
  const p = job.payload as ApprovedPayload;
  const report = await deps.repos.planWork.getReport(deps.db, p.instanceId, p.unitId);
  if (report?.state !== 'approved') return;
  const to = report.assigneeEmail
    ? [{ email: report.assigneeEmail, name: report.assigneeName ?? report.assigneeEmail }]
    : await unitStaffEmails(deps, p.unitId);
  const day = formatIsoDay(isoDateInVietnam(report.approvedAt ?? deps.now()));
  const link = `${deps.config.publicUrl}/admin/plan/instances/${p.instanceId}`;
  for (const r of to)
    await sendNotice(deps, {
      to: { email: r.email },
      template: 'plan.approved',
      params: { task: p.task, year: String(p.year), unit: p.unitName, date: day },
      subject: `[Suốt Đời] Đã duyệt: báo cáo nhiệm vụ ${p.task} năm ${p.year}`,
      text: [
        `Kính gửi ${r.name},`,
        '',
        `Báo cáo của ${p.unitName} về nhiệm vụ ${p.task} năm ${p.year} đã được duyệt ngày ${day}.`,
        '',
        `Xem chi tiết tại: ${link}`,
        '',
        'Thư này được gửi tự động từ nền tảng Suốt Đời; vui lòng không trả lời thư.',
      ].join('\n'),
    });
}

/** Nobody carries the unit's part: its staff and managers hear of the approval instead. */
async function unitStaffEmails(deps: AppDeps, unitId: string) {
  const staff = await accessPort.staffOfUnits(deps, deps.db, [unitId]);
  const ids = [...new Set(staff.map((s) => s.userId))];
  return (await accessPort.activeEmails(deps, deps.db, ids)).map((u) => ({ email: u.email, name: u.email }));
}
