// Parts of the inspection plan page: a visit's follow-up actions with their close forms, the form to add an
// action to a visit, and the form to record a visit.
import { useT } from '../../i18n.ts';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';

type Errors = readonly FormMessage[] | undefined;
interface FollowUpView {
  id: string;
  action: string;
  ownerName: string | null;
  due: string;
  status: 'open' | 'closed';
  closed: string | null;
  closureNote: string;
  overdue: boolean;
  onTime: boolean;
  canClose: boolean;
  version: number;
}
interface VisitView {
  id: string;
  unitId: string;
  unitName: string;
  followUps: FollowUpView[];
}

export function FollowUpList({ visit }: { visit: VisitView }) {
  const t = useT();
  if (visit.followUps.length === 0) return <p>{t('inspections.followups.none')}</p>;
  return (
    <ul className="followups">
      {visit.followUps.map((f) => (
        <li key={f.id} id={`f-${f.id}`}>
          <p>
            <strong>{f.action}</strong>
          </p>
          <p>
            {t('inspections.followups.meta', {
              owner: f.ownerName ?? t('inspections.followups.noOwner'),
              due: f.due,
            })}{' '}
            {f.status === 'closed' ? (
              <span>
                {t(f.onTime ? 'inspections.followups.closedOnTime' : 'inspections.followups.closedLate', {
                  date: f.closed ?? '',
                })}
              </span>
            ) : f.overdue ? (
              <strong className="tag tag-danger">{t('inspections.followups.overdue')}</strong>
            ) : (
              <span>{t('inspections.status.open')}</span>
            )}
          </p>
          {f.closureNote ? <p className="prose-text">{f.closureNote}</p> : null}
          {f.canClose ? (
            <form method="post" className="form">
              <input type="hidden" name="intent" value="close" />
              <input type="hidden" name="followUpId" value={f.id} />
              <input type="hidden" name="version" value={f.version} />
              <TextArea
                id={`fc-note-${f.id}`}
                label={t('inspections.followups.closureNote')}
                name="note"
                rows={2}
              />
              <button type="submit">{t('inspections.followups.close')}</button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function FollowUpForm({
  visit,
  candidates,
  errors,
}: {
  visit: VisitView;
  candidates: Array<{ unitId: string; userId: string; name: string }>;
  errors: Errors;
}) {
  const t = useT();
  const id = (n: string) => `if-${n}-${visit.id}`;
  return (
    <details>
      <summary>{t('inspections.followups.add')}</summary>
      <form method="post" className="form" noValidate>
        <FormToken />
        <input type="hidden" name="intent" value="followup" />
        <input type="hidden" name="visitId" value={visit.id} />
        <TextArea
          id={id('action')}
          label={t('inspections.field.action')}
          errors={errors}
          name="action"
          rows={2}
        />
        <SelectField
          id={id('owner')}
          label={t('inspections.field.owner')}
          errors={errors}
          name="ownerId"
          defaultValue=""
        >
          <option value="">{t('inspections.followups.noOwner')}</option>
          {candidates
            .filter((c) => c.unitId === visit.unitId)
            .map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.name}
              </option>
            ))}
        </SelectField>
        <TextField
          id={id('due')}
          label={t('inspections.field.dueOn')}
          errors={errors}
          name="dueOn"
          type="date"
        />
        <button type="submit">{t('inspections.followups.create')}</button>
      </form>
    </details>
  );
}

function VisitForm({ targets, errors }: { targets: Array<{ id: string; name: string }>; errors: Errors }) {
  const t = useT();
  return (
    <>
      <h2>{t('inspections.visits.add')}</h2>
      <form method="post" className="form" noValidate>
        <FormToken />
        <input type="hidden" name="intent" value="visit" />
        <SelectField
          id="iv-unit"
          label={t('inspections.field.visitUnit')}
          errors={errors}
          name="unitId"
          defaultValue=""
        >
          <option value="">{t('units.field.choose')}</option>
          {targets.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="iv-date"
          label={t('inspections.field.visitedOn')}
          errors={errors}
          name="visitedOn"
          type="date"
        />
        <TextArea
          id="iv-findings"
          label={t('inspections.field.findings')}
          errors={errors}
          name="findings"
          rows={5}
        />
        <button type="submit">{t('inspections.visits.create')}</button>
      </form>
    </>
  );
}

export const VisitForms = { FollowUp: FollowUpForm, Visit: VisitForm };
