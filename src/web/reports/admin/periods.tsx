// Back office: the reporting periods (yearly, sơ kết 2025, 5-year 2027, tổng kết 2030) and, for the focal
// point, a form to open another one.
import { data, redirect } from 'react-router';
import { can } from '../../../app/policies.server.ts';
import { formatIsoDay } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { myReportingUnits } from '../../../modules/reports/reports.unit.server.ts';
import {
  listPeriods,
  openPeriod,
  PeriodInputSchema,
} from '../../../modules/reports/reports.usecases.server.ts';
import { PERIOD_KINDS } from '../../../modules/reports/reports.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { type FormMessage, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/periods.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    return {
      periods: await listPeriods(deps, actor),
      canManage: can(actor, 'reports.period.manage'),
      myUnits: await myReportingUnits(deps, actor),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

const FIELDS = ['code', 'kind', 'titleVi', 'titleEn', 'yearFrom', 'yearTo', 'deadline'] as const;

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = Object.fromEntries(FIELDS.map((f) => [f, formText(form, f).trim()])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const fail = (errors: FormMessage[], status = 422) => data({ errors, values }, { status });
  const parsed = PeriodInputSchema.safeParse({
    ...values,
    yearFrom: Number(values.yearFrom),
    yearTo: Number(values.yearTo),
  });
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    return fail(
      [...fields].map((f) => ({ key: 'reports.error.field', field: `p-${f}`, params: { field: f } })),
    );
  }
  try {
    await openPeriod(deps, actor, parsed.data);
    return redirect(localePath(locale, `/admin/reports/${parsed.data.code}`), 303);
  } catch (e) {
    if (!isAppError(e) || e.status === 401 || e.status === 403) rethrowForPage(e);
    return fail([{ key: e.messageKey, field: 'p-code' }], e.status);
  }
}

export default function ReportPeriods({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const v = actionData?.values;
  return (
    <>
      <title>{`${t('reports.periods.title')} — Suốt Đời`}</title>
      <h1>{t('reports.periods.title')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <div className="table-wrap">
        <table>
          <caption>{t('reports.periods.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.period.title')}</th>
              <th scope="col">{t('reports.period.years')}</th>
              <th scope="col">{t('reports.period.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.periods.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <a href={href(`/admin/reports/${p.code}`)}>{locale === 'en' ? p.titleEn : p.titleVi}</a>
                </th>
                <td>{p.yearFrom === p.yearTo ? p.yearTo : `${p.yearFrom}–${p.yearTo}`}</td>
                <td>{formatIsoDay(p.deadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaderData.myUnits.length > 0 ? (
        <>
          <h2>{t('reports.unitPage.myUnits')}</h2>
          <ul>
            {loaderData.myUnits.map((u) => (
              <li key={u.id}>
                <a href={href(`/admin/reports/units/${u.id}`)}>{u.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {loaderData.canManage ? (
        <>
          <h2>{t('reports.periods.open')}</h2>
          <form method="post" className="stack">
            <label htmlFor="p-code">{t('reports.period.code')}</label>
            <input
              id="p-code"
              name="code"
              required
              defaultValue={v?.code ?? ''}
              pattern="[a-z0-9][a-z0-9\-]{0,63}"
            />
            <label htmlFor="p-kind">{t('reports.period.kind')}</label>
            <select id="p-kind" name="kind" defaultValue={v?.kind ?? 'annual'}>
              {PERIOD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`reports.kind.${k}`)}
                </option>
              ))}
            </select>
            <label htmlFor="p-titleVi">{t('reports.period.titleVi')}</label>
            <input id="p-titleVi" name="titleVi" required defaultValue={v?.titleVi ?? ''} />
            <label htmlFor="p-titleEn">{t('reports.period.titleEn')}</label>
            <input id="p-titleEn" name="titleEn" required defaultValue={v?.titleEn ?? ''} />
            <label htmlFor="p-yearFrom">{t('reports.period.yearFrom')}</label>
            <input
              id="p-yearFrom"
              name="yearFrom"
              inputMode="numeric"
              required
              defaultValue={v?.yearFrom ?? ''}
            />
            <label htmlFor="p-yearTo">{t('reports.period.yearTo')}</label>
            <input id="p-yearTo" name="yearTo" inputMode="numeric" required defaultValue={v?.yearTo ?? ''} />
            <label htmlFor="p-deadline">{t('reports.period.deadline')}</label>
            <input id="p-deadline" name="deadline" type="date" required defaultValue={v?.deadline ?? ''} />
            <button type="submit">{t('reports.periods.openButton')}</button>
          </form>
        </>
      ) : null}
    </>
  );
}
