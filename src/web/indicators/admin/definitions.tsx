// Back office: the indicator definitions — source, aggregation, set, where each comes from, and the targets.

import { can } from '../../../app/policies.server.ts';
import { listDefinitions } from '../../../modules/indicators/indicators.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { formatNumber } from '../components/BarChart.tsx';
import type { Route } from './+types/definitions.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    return {
      defs: await listDefinitions(deps, actor),
      canManage: can(actor, 'indicators.definition.manage'),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function IndicatorDefinitions({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  return (
    <>
      <title>{`${t('indicators.definitions.title')} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/indicators')}>{t('indicators.dashboard.title')}</a>
      </p>
      <h1>{t('indicators.definitions.title')}</h1>
      <div className="table-wrap">
        <table>
          <caption>{t('indicators.definitions.caption', { count: loaderData.defs.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.col.indicator')}</th>
              <th scope="col">{t('indicators.col.source')}</th>
              <th scope="col">{t('indicators.col.aggregation')}</th>
              <th scope="col">{t('indicators.col.targets')}</th>
              <th scope="col">{t('indicators.col.citation')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.defs.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {loaderData.canManage ? (
                    <a href={href(`/admin/indicators/definitions/${d.code}`)}>{d.code}</a>
                  ) : (
                    d.code
                  )}{' '}
                  {locale === 'en' ? d.nameEn : d.nameVi}
                  {d.status === 'draft' ? ` (${t('indicators.draft')})` : ''}
                  {d.active ? '' : ` (${t('indicators.inactive')})`}
                </th>
                <td>
                  {d.sourceKind === 'computed'
                    ? d.sourceKey
                    : d.sourceKind === 'ratio'
                      ? `${d.numeratorCode} / ${d.denominatorCode}`
                      : t('indicators.source.manual')}
                </td>
                <td>{t(`indicators.aggregation.${d.aggregation}`)}</td>
                <td>
                  {d.targets
                    .filter((x) => x.unitId === null)
                    .map(
                      (x) => `${x.year}: ${formatNumber(x.target, locale)}${x.status === 'draft' ? '*' : ''}`,
                    )
                    .join('; ') || '—'}
                </td>
                <td>{d.citation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('indicators.definitions.draftNote')}</p>
    </>
  );
}
