// Telling a unit its report was approved (issue 19, item 11). In the approving transaction: an in-app
// notification for the person who carries the unit's part (or, when nobody is assigned, for the unit's staff
// and managers), and a `plan.approved.send` job under a dedupe key
// (one per approval). The job, after commit, sends the same news through the notification channel
// (`sendNotice`: e-mail when SMTP is set, else the outbox), unless the report was reopened meanwhile. Its words
// come from the message catalogue, in the language the person chose on their own learner profile (else Vietnamese).
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Db } from '../../../db/client.server.ts';
import { formatIsoDay, isoDateInVietnam } from '../../../lib/dates.ts';
import { t } from '../../../lib/i18n.server.ts';
import { accessPort } from '../../access/index.server.ts';
import type { Job } from '../../jobs/jobs.repository.server.ts';
import { learnersPort } from '../../learners/index.server.ts';
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
    ? [
        {
          userId: report.assigneeId,
          email: report.assigneeEmail,
          name: report.assigneeName ?? report.assigneeEmail,
        },
      ]
    : await unitStaffEmails(deps, p.unitId);
  const own = await learnersPort.profiles(
    deps,
    to.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  const languages = new Map(own.filter((x) => x.relation === 'self').map((x) => [x.id, x.preferredLanguage]));
  const day = formatIsoDay(isoDateInVietnam(report.approvedAt ?? deps.now()));
  const link = `${deps.config.publicUrl}/admin/plan/instances/${p.instanceId}`;
  for (const r of to) {
    const locale = (r.userId && languages.get(r.userId)) || 'vi';
    const params = { task: p.task, year: String(p.year), unit: p.unitName, date: day };
    await sendNotice(deps, {
      to: { email: r.email },
      template: 'plan.approved',
      params,
      subject: t(locale, 'planwork.mail.approved.subject', params),
      text: t(locale, 'planwork.mail.approved.text', { ...params, name: r.name, url: link }),
    });
  }
}

/** Nobody carries the unit's part: its staff and managers hear of the approval instead. */
async function unitStaffEmails(deps: AppDeps, unitId: string) {
  const staff = await accessPort.staffOfUnits(deps, deps.db, [unitId]);
  const ids = [...new Set(staff.map((s) => s.userId))];
  return (await accessPort.activeEmails(deps, deps.db, ids)).map((u) => ({
    userId: u.userId as string | null,
    email: u.email,
    name: u.email,
  }));
}
