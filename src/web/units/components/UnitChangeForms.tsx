// The change forms on a unit's page: rename, move, merge, close or reopen. Only the forms the actor may use
// are shown; after an error the form that was posted keeps its input.

import { useT } from '../../i18n.ts';
import { TextArea, TextField } from '../../ui/Field.tsx';
import type { FormMessage } from '../../ui/forms.ts';
import { type UnitOption, UnitSelect } from './UnitFormParts.tsx';

type Values = Partial<Record<'intent' | 'name' | 'parentId' | 'intoId' | 'effectiveOn' | 'note', string>>;

interface Props {
  can: { rename: boolean; move: boolean; merge: boolean; close: boolean; reopen: boolean };
  today: string;
  currentName: string;
  moveTargets: readonly UnitOption[];
  moveToTop: boolean;
  mergeTargets: readonly UnitOption[];
  intent: string;
  values: Values;
  errors: readonly FormMessage[] | undefined;
  /** The unit's version: a rename or move saved on a stale one is refused. */
  version: number;
}

function DateAndNote({
  intent,
  own,
  today,
  values,
  errors,
}: {
  intent: string;
  own: boolean;
  today: string;
  values: Values;
  errors: Props['errors'];
}) {
  const t = useT();
  const dateId = `${intent}-date`;
  const noteId = `${intent}-note`;
  return (
    <>
      <TextField
        id={dateId}
        label={t('units.field.effectiveOn')}
        errors={errors}
        hint={t('units.field.date.hint')}
        name="effectiveOn"
        type="date"
        max={today}
        defaultValue={own ? (values.effectiveOn ?? today) : today}
      />
      <TextArea
        id={noteId}
        label={t('units.field.note')}
        errors={errors}
        name="note"
        rows={2}
        maxLength={1000}
        defaultValue={own ? (values.note ?? '') : ''}
      />
    </>
  );
}

export function UnitChangeForms(p: Props) {
  const t = useT();
  const own = (intent: string) => p.intent === intent;
  const errorsFor = (intent: string) => (own(intent) ? p.errors : undefined);
  const any = p.can.rename || p.can.move || p.can.merge || p.can.close || p.can.reopen;
  if (!any) return <p className="muted">{t('units.readOnly')}</p>;
  return (
    <>
      <h2>{t('units.detail.changes')}</h2>
      {p.can.rename ? (
        <section aria-labelledby="rename-title" className="unit-change">
          <h3 id="rename-title">{t('units.rename.heading')}</h3>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="rename" />
            <input type="hidden" name="version" value={p.version} />
            <TextField
              id="rename-name"
              label={t('units.field.newName')}
              errors={errorsFor('rename')}
              name="name"
              required
              maxLength={300}
              defaultValue={own('rename') ? (p.values.name ?? '') : p.currentName}
            />
            <DateAndNote
              intent="rename"
              own={own('rename')}
              today={p.today}
              values={p.values}
              errors={errorsFor('rename')}
            />
            <div>
              <button type="submit">{t('units.rename.submit')}</button>
            </div>
          </form>
        </section>
      ) : null}
      {p.can.move && (p.moveTargets.length > 0 || p.moveToTop) ? (
        <section aria-labelledby="move-title" className="unit-change">
          <h3 id="move-title">{t('units.move.heading')}</h3>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="version" value={p.version} />
            <UnitSelect
              id="move-parent"
              name="parentId"
              label={t('units.field.newParent')}
              units={p.moveTargets}
              topLevel={p.moveToTop}
              value={own('move') ? (p.values.parentId ?? '') : ''}
              errors={errorsFor('move')}
            />
            <DateAndNote
              intent="move"
              own={own('move')}
              today={p.today}
              values={p.values}
              errors={errorsFor('move')}
            />
            <div>
              <button type="submit">{t('units.move.submit')}</button>
            </div>
          </form>
        </section>
      ) : null}
      {p.can.merge && p.mergeTargets.length > 0 ? (
        <section aria-labelledby="merge-title" className="unit-change">
          <h3 id="merge-title">{t('units.merge.heading')}</h3>
          <p className="hint">{t('units.merge.hint')}</p>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="merge" />
            <UnitSelect
              id="merge-into"
              name="intoId"
              label={t('units.field.into')}
              units={p.mergeTargets}
              value={own('merge') ? (p.values.intoId ?? '') : ''}
              errors={errorsFor('merge')}
            />
            <DateAndNote
              intent="merge"
              own={own('merge')}
              today={p.today}
              values={p.values}
              errors={errorsFor('merge')}
            />
            <div>
              <button type="submit" className="danger">
                {t('units.merge.submit')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {p.can.close ? (
        <section aria-labelledby="close-title" className="unit-change">
          <h3 id="close-title">{t('units.close.heading')}</h3>
          <p className="hint">{t('units.close.hint')}</p>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="close" />
            <DateAndNote
              intent="close"
              own={own('close')}
              today={p.today}
              values={p.values}
              errors={errorsFor('close')}
            />
            <div>
              <button type="submit" className="danger">
                {t('units.close.submit')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {p.can.reopen ? (
        <section aria-labelledby="reopen-title" className="unit-change">
          <h3 id="reopen-title">{t('units.reopen.heading')}</h3>
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="reopen" />
            <DateAndNote
              intent="reopen"
              own={own('reopen')}
              today={p.today}
              values={p.values}
              errors={errorsFor('reopen')}
            />
            <div>
              <button type="submit">{t('units.reopen.submit')}</button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
