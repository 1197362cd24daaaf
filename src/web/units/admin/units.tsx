// Back office: the unit tree (today or as of a day) and the form to add a unit. Works without JavaScript:
// the filter is a GET form, the add form posts to this route's action and re-renders with errors.
import { redirect } from 'react-router';
import { formatIsoDay } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { UNIT_KINDS } from '../../../modules/units/units.kinds.ts';
import { CreateUnitSchema, TreeQuerySchema } from '../../../modules/units/units.schemas.server.ts';
import { createUnit } from '../../../modules/units/units.usecases.server.ts';
import { unitTreePage } from '../../../modules/units/units.views.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formDay, formValues, optionalText } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { UnitSelect } from '../components/UnitFormParts.tsx';
import { CREATE_FIELDS, CREATE_MESSAGES, fieldForError } from '../forms.server.ts';
import type { Route } from './+types/units.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const raw = {
    asOf: formDay(url.searchParams.get('asOf') ?? ''),
    includeClosed: url.searchParams.get('includeClosed') === 'true' ? 'true' : undefined,
  };
  const parsed = TreeQuerySchema.safeParse(raw);
  try {
    const page = await unitTreePage(deps, actor, parsed.success ? parsed.data : {});
    return {
      ...page,
      invalidFilter: !parsed.success,
      // A date input shows only an ISO value; an invalid entry is shown back empty with the notice.
      filter: {
        asOf: parsed.success ? (parsed.data.asOf ?? '') : '',
        includeClosed: raw.includeClosed === 'true',
      },
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = formValues(form, CREATE_FIELDS);
  const parsed = CreateUnitSchema.safeParse({
    code: values.code,
    name: values.name,
    shortName: optionalText(values.shortName),
    kind: values.kind,
    parentId: values.parentId === 'top' ? null : values.parentId,
    validFrom: formDay(values.validFrom),
    note: optionalText(values.note),
  });
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, CREATE_MESSAGES), values);
  try {
    const unit = await onceForm(deps, actor, 'units.unit.create', form, async (d) => ({
      id: (await createUnit(d, actor, parsed.data)).id,
    }));
    return redirect(`${localePath(locale, `/admin/units/${unit.id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values, isAppError(e) ? fieldForError(e.code, 'create') : undefined);
  }
}

export default function UnitsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData;
  const errors = actionData?.errors;
  const v: Partial<Record<(typeof CREATE_FIELDS)[number], string>> = actionData?.values ?? {};
  const canCreate = d.createParents.length > 0 || d.canCreateTopLevel;
  return (
    <>
      <title>{`${t('units.title')} — Suốt Đời`}</title>
      <h1>{t('units.title')}</h1>
      <p className="muted">{t('units.intro')}</p>
      <ErrorSummary errors={errors} />
      {d.invalidFilter ? (
        <p className="alert-error" role="alert">
          {t('units.filter.invalid')}
        </p>
      ) : null}

      <form method="get" className="filters">
        <TextField
          id="units-as-of"
          label={t('units.filter.asOf')}
          name="asOf"
          type="date"
          defaultValue={d.filter.asOf}
        />
        <div className="field field-inline">
          <input
            id="units-include-closed"
            name="includeClosed"
            type="checkbox"
            value="true"
            defaultChecked={d.filter.includeClosed}
          />
          <label htmlFor="units-include-closed">{t('units.filter.includeClosed')}</label>
        </div>
        <button type="submit">{t('units.filter.submit')}</button>
      </form>

      <div className="table-wrap">
        <table className="unit-tree">
          <caption>{t('units.tree.caption', { date: formatIsoDay(d.asOf), count: d.units.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('units.col.name')}</th>
              <th scope="col">{t('units.col.code')}</th>
              <th scope="col">{t('units.col.kind')}</th>
              <th scope="col">{t('units.col.status')}</th>
              <th scope="col">{t('units.col.validFrom')}</th>
              <th scope="col">{t('units.col.validTo')}</th>
            </tr>
          </thead>
          <tbody>
            {d.units.map((u) => (
              <tr key={u.id}>
                <th scope="row" className={`unit-depth-${Math.min(u.depth, 6)}`}>
                  <span className="visually-hidden">{t('units.level', { level: u.depth + 1 })}: </span>
                  <a href={href(`/admin/units/${u.id}`)}>{u.name}</a>
                </th>
                <td>
                  <code>{u.code}</code>
                </td>
                <td>{t(`units.kind.${u.kind as 'other'}`)}</td>
                <td>
                  <span className={`badge unit-status-${u.status}`}>{t(`units.status.${u.status}`)}</span>
                </td>
                <td>{formatIsoDay(u.validFrom)}</td>
                <td>{u.validTo ? formatIsoDay(u.validTo) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.units.length === 0 ? <p>{t('units.tree.empty')}</p> : null}

      {canCreate ? (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{t('units.create.heading')}</h2>
          <form method="post" className="form" noValidate>
            <FormToken />
            <TextField
              id="create-name"
              label={t('units.field.name')}
              errors={errors}
              name="name"
              required
              maxLength={300}
              defaultValue={v.name ?? ''}
            />
            <TextField
              id="create-code"
              label={t('units.field.code')}
              errors={errors}
              hint={t('units.field.code.hint')}
              name="code"
              required
              maxLength={64}
              pattern="[a-z0-9][a-z0-9\-]*"
              autoCapitalize="none"
              spellCheck={false}
              defaultValue={v.code ?? ''}
            />
            <TextField
              id="create-short-name"
              label={t('units.field.shortName')}
              errors={errors}
              name="shortName"
              maxLength={100}
              defaultValue={v.shortName ?? ''}
            />
            <SelectField
              id="create-kind"
              label={t('units.field.kind')}
              errors={errors}
              name="kind"
              defaultValue={v.kind ?? ''}
            >
              <option value="">{t('units.field.choose')}</option>
              {UNIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`units.kind.${k}`)}
                </option>
              ))}
            </SelectField>
            <UnitSelect
              id="create-parent"
              name="parentId"
              label={t('units.field.parent')}
              units={d.createParents}
              topLevel={d.canCreateTopLevel}
              value={v.parentId ?? ''}
              errors={errors}
            />
            <TextField
              id="create-valid-from"
              label={t('units.field.validFrom')}
              errors={errors}
              hint={t('units.field.date.hint')}
              name="validFrom"
              type="date"
              defaultValue={v.validFrom ?? d.today}
            />
            <TextArea
              id="create-note"
              label={t('units.field.note')}
              errors={errors}
              name="note"
              rows={2}
              maxLength={1000}
              defaultValue={v.note ?? ''}
            />
            <div>
              <button type="submit">{t('units.create.submit')}</button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
