// Back office: import a big library's ILS statistics (CSV/XLSX) for a unit and period; importing the same
// period again replaces it. Problems are listed by line; nothing is imported until the file is clean.
import { isAppError } from '../../../lib/errors.ts';
import { importIlsStats } from '../../../modules/circulation/circulation.stats.usecases.server.ts';
import { unitOptions } from '../../../modules/places/places.admin.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { type FormMessage, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/stats.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const units = await unitOptions(deps, actor, 'circulation.stats.import');
    return { units, unitId: new URL(request.url).searchParams.get('unit') ?? units[0]?.id ?? '' };
  } catch (e) {
    rethrowForPage(e);
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = { unitId: formText(form, 'unitId'), from: formText(form, 'from'), to: formText(form, 'to') };
  const file = form.get('file');
  const errors: FormMessage[] = [];
  if (!DAY.test(values.from)) errors.push({ key: 'circulation.error.invalid', field: 'st-from' });
  if (!DAY.test(values.to)) errors.push({ key: 'circulation.error.invalid', field: 'st-to' });
  if (!(file instanceof File) || file.size === 0)
    errors.push({ key: 'circulation.error.invalid', field: 'st-file' });
  if (errors.length || !(file instanceof File))
    return { ok: false as const, errors, values, rows: 0, replaced: false };
  try {
    const r = await importIlsStats(deps, actor, {
      ...values,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    if (r.problems.length)
      return {
        ok: false as const,
        errors: [
          {
            key: 'circulation.stats.error.lines' as const,
            params: {
              lines: r.problems
                .slice(0, 20)
                .map((p) => p.line)
                .join(', '),
            },
            field: 'st-file',
          },
        ],
        values,
        rows: 0,
        replaced: false,
      };
    return { ok: true as const, errors: [], values, rows: r.rows, replaced: r.replaced };
  } catch (e) {
    if (!isAppError(e) || e.status === 401) throw e;
    return {
      ok: false as const,
      errors: [{ key: e.messageKey, ...(e.params ? { params: e.params } : {}), field: 'st-file' }],
      values,
      rows: 0,
      replaced: false,
    };
  }
}

export default function StatsPage({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('circulation.stats.title')} — Suốt Đời`}</title>
      <h1>{t('circulation.stats.title')}</h1>
      {a?.ok ? (
        <p className="alert-ok" role="status">
          {t(a.replaced ? 'circulation.stats.replaced' : 'circulation.stats.done', { rows: a.rows })}
        </p>
      ) : null}
      <ErrorSummary errors={a?.errors} />
      <p>{t('circulation.stats.hint')}</p>
      <form method="post" encType="multipart/form-data" className="form">
        <SelectField
          id="st-unit"
          label={t('circulation.desk.unit')}
          name="unitId"
          defaultValue={a?.values.unitId ?? d.unitId}
        >
          {d.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="st-from"
          label={t('circulation.stats.from')}
          name="from"
          type="date"
          required
          defaultValue={a?.values.from ?? ''}
        />
        <TextField
          id="st-to"
          label={t('circulation.stats.to')}
          name="to"
          type="date"
          required
          defaultValue={a?.values.to ?? ''}
        />
        <TextField
          id="st-file"
          label={t('circulation.stats.file')}
          name="file"
          type="file"
          required
          accept=".csv,.xlsx,text/csv"
        />
        <button type="submit">{t('circulation.stats.submit')}</button>
      </form>
    </>
  );
}
