// Back office: the focal point edits one indicator (names, direction, aggregation, set, citation, status,
// active) and sets its province-wide target for a year. Stale saves are refused (version).
import { data, redirect } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  DefinitionEditSchema,
  editDefinition,
  getDefinition,
  setTarget,
  TargetSchema,
} from '../../../modules/indicators/indicators.usecases.server.ts';
import { AGGREGATIONS } from '../../../modules/indicators/indicators.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { type FormMessage, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/definition.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    return { def: await getDefinition(deps, actor, params.code) };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const fail = (errors: FormMessage[], status = 422) => data({ errors }, { status });
  try {
    if (formText(form, 'intent') === 'target') {
      const raw = formText(form, 'target').trim().replace(',', '.');
      const parsed = TargetSchema.safeParse({
        year: Number(formText(form, 'year')),
        unitId: null,
        target: raw === '' ? null : Number(raw),
        status: formText(form, 'status'),
        citation: formText(form, 'citation'),
      });
      if (!parsed.success) return fail([{ key: 'indicators.error.target', field: 'target-year' }]);
      await setTarget(deps, actor, params.code, parsed.data);
    } else {
      const parsed = DefinitionEditSchema.safeParse({
        nameVi: formText(form, 'nameVi'),
        nameEn: formText(form, 'nameEn'),
        direction: formText(form, 'direction'),
        aggregation: formText(form, 'aggregation'),
        indicatorSet: formText(form, 'indicatorSet'),
        citation: formText(form, 'citation'),
        status: formText(form, 'status'),
        active: formText(form, 'active') === 'on',
        version: Number(formText(form, 'version')),
      });
      if (!parsed.success) return fail([{ key: 'indicators.error.definition', field: 'nameVi' }]);
      await editDefinition(deps, actor, params.code, parsed.data);
    }
    return redirect(`${localePath(locale, `/admin/indicators/definitions/${params.code}`)}?done=1`, 303);
  } catch (e) {
    if (!isAppError(e) || e.status === 401 || e.status === 403 || e.status === 404) rethrowForPage(e);
    return fail([{ key: e.messageKey }], e.status);
  }
}

export default function IndicatorDefinition({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData.def;
  return (
    <>
      <title>{`${d.code} — ${t('indicators.definitions.title')} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/indicators/definitions')}>{t('indicators.definitions.title')}</a>
      </p>
      <h1>{`${d.code} — ${d.nameVi}`}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <form method="post" className="stack">
        <input type="hidden" name="intent" value="definition" />
        <input type="hidden" name="version" value={d.version} />
        <label htmlFor="nameVi">{t('indicators.field.nameVi')}</label>
        <input id="nameVi" name="nameVi" defaultValue={d.nameVi} required maxLength={300} />
        <label htmlFor="nameEn">{t('indicators.field.nameEn')}</label>
        <input id="nameEn" name="nameEn" defaultValue={d.nameEn} required maxLength={300} />
        <label htmlFor="direction">{t('indicators.field.direction')}</label>
        <select id="direction" name="direction" defaultValue={d.direction}>
          <option value="up">{t('indicators.direction.up')}</option>
          <option value="down">{t('indicators.direction.down')}</option>
        </select>
        <label htmlFor="aggregation">{t('indicators.col.aggregation')}</label>
        <select id="aggregation" name="aggregation" defaultValue={d.aggregation}>
          {AGGREGATIONS.map((a) => (
            <option key={a} value={a}>
              {t(`indicators.aggregation.${a}`)}
            </option>
          ))}
        </select>
        <label htmlFor="indicatorSet">{t('indicators.filter.set')}</label>
        <input
          id="indicatorSet"
          name="indicatorSet"
          defaultValue={d.indicatorSet}
          pattern="[a-z0-9\-]{1,40}"
        />
        <label htmlFor="citation">{t('indicators.col.citation')}</label>
        <textarea id="citation" name="citation" defaultValue={d.citation} rows={3} />
        <label htmlFor="status">{t('indicators.field.status')}</label>
        <select id="status" name="status" defaultValue={d.status}>
          <option value="confirmed">{t('indicators.status.confirmed')}</option>
          <option value="draft">{t('indicators.draft')}</option>
        </select>
        <p>
          <input type="checkbox" id="active" name="active" defaultChecked={d.active} />{' '}
          <label htmlFor="active">{t('indicators.field.active')}</label>
        </p>
        <button type="submit">{t('indicators.save')}</button>
      </form>

      <h2>{t('indicators.col.targets')}</h2>
      <ul>
        {d.targets.map((x) => (
          <li key={`${x.year}-${x.unitId ?? ''}`}>
            {`${x.year}: ${x.target}${x.status === 'draft' ? ` (${t('indicators.draft')})` : ''} — ${x.citation}`}
          </li>
        ))}
      </ul>
      <form method="post" className="stack">
        <input type="hidden" name="intent" value="target" />
        <label htmlFor="target-year">{t('indicators.filter.year')}</label>
        <input id="target-year" name="year" inputMode="numeric" required pattern="[0-9]{4}" />
        <label htmlFor="target">{t('indicators.col.target')}</label>
        <input id="target" name="target" inputMode="decimal" aria-describedby="target-hint" />
        <p id="target-hint" className="muted">
          {t('indicators.target.hint')}
        </p>
        <label htmlFor="target-status">{t('indicators.field.status')}</label>
        <select id="target-status" name="status" defaultValue="confirmed">
          <option value="confirmed">{t('indicators.status.confirmed')}</option>
          <option value="draft">{t('indicators.draft')}</option>
        </select>
        <label htmlFor="target-citation">{t('indicators.col.citation')}</label>
        <input id="target-citation" name="citation" defaultValue={d.citation} maxLength={1000} />
        <button type="submit">{t('indicators.target.save')}</button>
      </form>
    </>
  );
}
