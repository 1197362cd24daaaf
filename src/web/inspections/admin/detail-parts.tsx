// Parts of the inspection plan page: a visit's follow-up actions with their close forms, the form to add an
// action to a visit, and the form to record a visit.
import { useT } from '../../i18n.ts';
import { FormToken } from '../../ui/FormToken.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { FieldError, fieldAria } from '../../units/components/UnitFormParts.tsx';

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
              <div className="field">
                <label htmlFor={`fc-note-${f.id}`}>{t('inspections.followups.closureNote')}</label>
                <textarea id={`fc-note-${f.id}`} name="note" rows={2} />
              </div>
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
        <div className="field">
          <label htmlFor={id('action')}>{t('inspections.field.action')}</label>
          <FieldError id={id('action')} errors={errors} />
          <textarea id={id('action')} name="action" rows={2} {...fieldAria(id('action'), errors)} />
        </div>
        <div className="field">
          <label htmlFor={id('owner')}>{t('inspections.field.owner')}</label>
          <FieldError id={id('owner')} errors={errors} />
          <select id={id('owner')} name="ownerId" defaultValue="" {...fieldAria(id('owner'), errors)}>
            <option value="">{t('inspections.followups.noOwner')}</option>
            {candidates
              .filter((c) => c.unitId === visit.unitId)
              .map((c) => (
                <option key={c.userId} value={c.userId}>
                  {c.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('due')}>{t('inspections.field.dueOn')}</label>
          <FieldError id={id('due')} errors={errors} />
          <input id={id('due')} name="dueOn" type="date" {...fieldAria(id('due'), errors)} />
        </div>
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
        <div className="field">
          <label htmlFor="iv-unit">{t('inspections.field.visitUnit')}</label>
          <FieldError id="iv-unit" errors={errors} />
          <select id="iv-unit" name="unitId" defaultValue="" {...fieldAria('iv-unit', errors)}>
            <option value="">{t('units.field.choose')}</option>
            {targets.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="iv-date">{t('inspections.field.visitedOn')}</label>
          <FieldError id="iv-date" errors={errors} />
          <input id="iv-date" name="visitedOn" type="date" {...fieldAria('iv-date', errors)} />
        </div>
        <div className="field">
          <label htmlFor="iv-findings">{t('inspections.field.findings')}</label>
          <FieldError id="iv-findings" errors={errors} />
          <textarea id="iv-findings" name="findings" rows={5} {...fieldAria('iv-findings', errors)} />
        </div>
        <button type="submit">{t('inspections.visits.create')}</button>
      </form>
    </>
  );
}

export const VisitForms = { FollowUp: FollowUpForm, Visit: VisitForm };
