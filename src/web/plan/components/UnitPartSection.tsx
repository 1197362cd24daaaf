// One unit's part of an instance: its report and the forms the reader may use on it (assign, progress,
// evidence, workflow). After a failed post the form shows what the user typed (`values`).
import { RECORD_TYPES, REPORT_STATUSES } from '../../../modules/plan/work/work.vocab.ts';
import { useHref, useT } from '../../i18n.ts';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { partField } from '../work-forms.ts';

export interface PartData {
  unit: { id: string; code: string; name: string; role: 'lead' | 'coordinating' };
  can: { update: boolean; markReady: boolean; submit: boolean; review: boolean; assign: boolean };
  candidates: Array<{ id: string; label: string }>;
  report: {
    assigneeId: string | null;
    assigneeName: string | null;
    status: string;
    statusReason: string | null;
    percent: number;
    narrative: string;
    state: string;
    returnComment: string | null;
    version: number;
    updatedAt: string;
  } | null;
  evidence: Array<{
    id: string;
    kind: 'file' | 'link' | 'record';
    title: string;
    url: string | null;
    recordType: string | null;
    recordId: string | null;
    size: number | null;
  }>;
}

type Values = Partial<Record<string, string>> | undefined;

function Hidden({ intent, unitId, version }: { intent: string; unitId: string; version?: number }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="unitId" value={unitId} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
    </>
  );
}

export function UnitPartSection({
  part,
  values,
  instancePath,
}: {
  part: PartData;
  values: Values;
  instancePath: string;
}) {
  const t = useT();
  const href = useHref();
  const { unit, report, can } = part;
  const u = unit.id;
  const version = report?.version ?? 0;
  const typed = (intent: string) => (values?.intent === intent ? values : undefined);
  const pv = typed('progress');
  const state = report?.state ?? 'draft';
  const headingId = `part-${u}-heading`;
  return (
    <section id={`part-${u}`} aria-labelledby={headingId} className="card">
      <h3 id={headingId}>
        {unit.name} <span className="badge">{t(`planwork.role.${unit.role}`)}</span>
      </h3>
      {state === 'returned' && report?.returnComment ? (
        <div className="alert-error">
          <strong>{t('planwork.returned.heading')}</strong> {report.returnComment}
        </div>
      ) : null}
      <dl className="details-list">
        <dt>{t('planwork.col.assignee')}</dt>
        <dd>{report?.assigneeName ?? t('planwork.unassigned')}</dd>
        <dt>{t('planwork.col.state')}</dt>
        <dd>{t(`planwork.state.${state as 'draft'}`)}</dd>
        <dt>{t('planwork.col.status')}</dt>
        <dd>
          {t(`planwork.status.${(report?.status ?? 'not_started') as 'not_started'}`)}
          {report?.statusReason ? ` — ${report.statusReason}` : ''}
        </dd>
        <dt>{t('planwork.col.percent')}</dt>
        <dd>{report?.percent ?? 0}%</dd>
        <dt>{t('planwork.col.narrative')}</dt>
        <dd>{report?.narrative || '—'}</dd>
      </dl>

      {can.assign ? (
        <form method="post" className="inline-form">
          <Hidden intent="assign" unitId={u} version={version} />
          <SelectField
            id={partField('assignee', u)}
            label={t('planwork.assign.label')}
            name="assigneeId"
            defaultValue={typed('assign')?.assigneeId ?? report?.assigneeId ?? ''}
          >
            <option value="">{t('planwork.assign.none')}</option>
            {part.candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <button type="submit">{t('planwork.assign.submit')}</button>
        </form>
      ) : null}

      {can.update ? (
        <form method="post" className="stack-form">
          <h4>{t('planwork.progress.heading')}</h4>
          {/* After a conflict the form keeps the user's text but carries the version now stored (shown above):
              saving again is a deliberate choice made after seeing the other person's change. */}
          <Hidden intent="progress" unitId={u} version={version} />
          <SelectField
            id={partField('status', u)}
            label={t('planwork.col.status')}
            name="status"
            defaultValue={pv?.status ?? report?.status ?? 'not_started'}
          >
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`planwork.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={partField('reason', u)}
            label={t('planwork.progress.reason')}
            name="statusReason"
            maxLength={2000}
            defaultValue={pv?.statusReason ?? report?.statusReason ?? ''}
          />
          <TextField
            id={partField('percent', u)}
            label={t('planwork.col.percent')}
            name="percent"
            type="number"
            min={0}
            max={100}
            step={1}
            inputMode="numeric"
            defaultValue={pv?.percent ?? String(report?.percent ?? 0)}
          />
          <TextArea
            id={partField('narrative', u)}
            label={t('planwork.col.narrative')}
            name="narrative"
            rows={5}
            maxLength={10000}
            defaultValue={pv?.narrative ?? report?.narrative ?? ''}
          />
          <button type="submit">{t('planwork.progress.submit')}</button>
        </form>
      ) : null}

      <h4>{t('planwork.evidence.heading')}</h4>
      {part.evidence.length === 0 ? <p>{t('planwork.evidence.none')}</p> : null}
      <ul className="plain-list">
        {part.evidence.map((e) => (
          <li key={e.id}>
            {e.kind === 'file' ? (
              <a href={href(`${instancePath}/evidence/${e.id}`)}>{e.title}</a>
            ) : e.kind === 'link' && e.url ? (
              <a href={e.url} rel="noopener noreferrer nofollow">
                {e.title}
              </a>
            ) : (
              <>
                {e.title} ({t(`planwork.recordType.${(e.recordType ?? 'event') as 'event'}`)}:{' '}
                <code>{e.recordId}</code>)
              </>
            )}
            {can.update ? (
              <form method="post" className="inline-form">
                <Hidden intent="removeEvidence" unitId={u} />
                <input type="hidden" name="evidenceId" value={e.id} />
                <button type="submit" className="link-button">
                  {t('planwork.evidence.remove', { title: e.title })}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {can.update ? (
        <>
          <form
            method="post"
            encType="multipart/form-data"
            action={href(`${instancePath}/evidence`)}
            className="stack-form"
          >
            <input type="hidden" name="unitId" value={u} />
            <FormToken />
            <div className="field">
              <label htmlFor={partField('file', u)}>{t('planwork.evidence.file')}</label>
              <input
                id={partField('file', u)}
                name="file"
                type="file"
                required
                accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp"
                aria-describedby={partField('file-hint', u)}
              />
              <p id={partField('file-hint', u)} className="muted">
                {t('planwork.evidence.fileHint')}
              </p>
            </div>
            <button type="submit">{t('planwork.evidence.upload')}</button>
          </form>
          <form method="post" className="stack-form">
            <Hidden intent="link" unitId={u} />
            <FormToken />
            <TextField
              id={partField('link-title', u)}
              label={t('planwork.evidence.title')}
              name="title"
              required
              maxLength={300}
              defaultValue={typed('link')?.title ?? ''}
            />
            <TextField
              id={partField('link-url', u)}
              label={t('planwork.evidence.url')}
              name="url"
              type="url"
              required
              maxLength={2000}
              defaultValue={typed('link')?.url ?? ''}
            />
            <button type="submit">{t('planwork.evidence.addLink')}</button>
          </form>
          <form method="post" className="stack-form">
            <Hidden intent="record" unitId={u} />
            <FormToken />
            <TextField
              id={partField('record-title', u)}
              label={t('planwork.evidence.recordTitle')}
              name="title"
              required
              maxLength={300}
              defaultValue={typed('record')?.title ?? ''}
            />
            <SelectField
              id={partField('record-type', u)}
              label={t('planwork.evidence.recordType')}
              name="recordType"
              defaultValue={typed('record')?.recordType ?? 'event'}
            >
              {RECORD_TYPES.map((r) => (
                <option key={r} value={r}>
                  {t(`planwork.recordType.${r}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={partField('record-id', u)}
              label={t('planwork.evidence.recordId')}
              name="recordId"
              required
              maxLength={64}
              placeholder="evt_…"
              defaultValue={typed('record')?.recordId ?? ''}
            />
            <button type="submit">{t('planwork.evidence.addRecord')}</button>
          </form>
        </>
      ) : null}

      {can.markReady || can.submit || can.review ? (
        <div className={can.review ? 'review-actions' : 'inline-list'}>
          {can.markReady ? (
            <form method="post" className="inline-form">
              <Hidden intent="ready" unitId={u} version={version} />
              <button type="submit">{t('planwork.action.ready')}</button>
            </form>
          ) : null}
          {can.submit ? (
            <form method="post" className="inline-form">
              <Hidden intent="submit" unitId={u} version={version} />
              <button type="submit">{t('planwork.action.submit')}</button>
            </form>
          ) : null}
          {can.review ? (
            <>
              <form method="post" className="inline-form">
                <Hidden intent="approve" unitId={u} version={version} />
                <button type="submit">{t('planwork.action.approve')}</button>
              </form>
              {/* Returning is apart from approving, below it, and asks for the reason before its button. */}
              <form method="post" className="stack-form danger-zone review-return">
                <Hidden intent="return" unitId={u} version={version} />
                <TextArea
                  id={partField('return-comment', u)}
                  label={t('planwork.action.returnComment')}
                  name="comment"
                  rows={3}
                  required
                  maxLength={2000}
                  defaultValue={typed('return')?.comment ?? ''}
                />
                <button type="submit" className="danger">
                  {t('planwork.action.return')}
                </button>
              </form>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
