// Back office: learning-record aggregates per unit for one year — statements, hours, learners by age band and
// sex — for the units in the staff member's scope. Never an individual record.
import { isoDateInVietnam } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { AGE_BANDS } from '../../../modules/lrs/lrs.vocab.ts';
import { unitAggregates } from '../../../modules/lrs/lrs-record.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { SelectField } from '../../ui/Field.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import styles from '../learning-record.css?url';
import type { Route } from './+types/aggregates.ts';

const SEXES = ['female', 'male', 'other', 'unknown'] as const;

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const thisYear = Number(isoDateInVietnam(deps.now()).slice(0, 4));
  const asked = Number(new URL(request.url).searchParams.get('year'));
  const year = Number.isInteger(asked) && asked >= 2020 && asked <= thisYear ? asked : thisYear;
  try {
    const rows = await unitAggregates(deps, actor, year);
    const years = Array.from({ length: thisYear - 2022 }, (_, i) => thisYear - i);
    return { year, years, rows };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function LearningRecordAggregates({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { year, years, rows } = loaderData;
  const band = (b: string) => (b === 'unknown' ? t('lrs.ageBand.unknown') : b);
  return (
    <>
      <title>{`${t('lrs.aggregates.title')} — Suốt Đời`}</title>
      <h1>{t('lrs.aggregates.title')}</h1>
      <p className="muted">{t('lrs.aggregates.intro')}</p>
      <form method="get" className="filters">
        <SelectField id="agg-year" label={t('lrs.aggregates.year')} name="year" defaultValue={String(year)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('lrs.aggregates.show')}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t('lrs.aggregates.empty')}</p>
      ) : (
        <div className="table-wrap wide-scroll">
          <table>
            <caption className="visually-hidden">{t('lrs.aggregates.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lrs.aggregates.unit')}</th>
                <th scope="col">{t('lrs.aggregates.statements')}</th>
                <th scope="col">{t('lrs.aggregates.hours')}</th>
                <th scope="col">{t('lrs.aggregates.learners')}</th>
                <th scope="col">{t('lrs.aggregates.ageBands')}</th>
                <th scope="col">{t('lrs.aggregates.sexes')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.unitId}>
                  <th scope="row">{r.unitName}</th>
                  <td>{r.statements.toLocaleString('vi-VN')}</td>
                  <td>{r.hours.toLocaleString('vi-VN')}</td>
                  <td>{r.learners.toLocaleString('vi-VN')}</td>
                  <td>
                    {AGE_BANDS.filter((b) => r.byAgeBand[b])
                      .map((b) => `${band(b)}: ${r.byAgeBand[b]}`)
                      .join(' · ')}
                  </td>
                  <td>
                    {SEXES.filter((s) => r.bySex[s])
                      .map((s) => `${t(`lrs.sex.${s}` as MessageKey)}: ${r.bySex[s]}`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
