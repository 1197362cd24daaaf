// The budget view's "received from sponsors" part: the value of donations (xã hội hóa) per year, receiving
// unit and source, from the sponsorship register, with a link to the register's list of the same year.
import { useHref, useT } from '../../i18n.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import type { SponsorshipTotalsViewData } from './sponsorship-totals.server.ts';

function ValueTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string;
  rows: ReadonlyArray<{ id: string; label: string; value: string }>;
}) {
  const t = useT();
  return (
    <ScrollRegion className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="num">
              {t('sponsorship.budget.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              <td className="num">{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function SponsorshipTotals({ data }: { data: SponsorshipTotalsViewData | null }) {
  const t = useT();
  const href = useHref();
  if (!data) return null;
  return (
    <section aria-labelledby="budget-sponsorship">
      <h2 id="budget-sponsorship">{t('sponsorship.budget.heading')}</h2>
      <p>
        {t('sponsorship.budget.summary', { total: data.total, count: data.donations })}{' '}
        <a href={href(`/admin/sponsorship/donations${data.year ? `?year=${data.year}` : ''}`)}>
          {t('sponsorship.budget.link')}
        </a>
      </p>
      {data.donations > 0 ? (
        <>
          <ValueTable
            caption={t('sponsorship.budget.byYear')}
            head={t('planBudget.col.year')}
            rows={data.byYear}
          />
          <ValueTable
            caption={t('sponsorship.budget.byUnit')}
            head={t('planBudget.col.unit')}
            rows={data.byUnit}
          />
          <ValueTable
            caption={t('sponsorship.budget.bySource')}
            head={t('sponsorship.budget.source')}
            rows={data.bySource.map((r) => ({ ...r, label: t(`sponsorship.sponsorKind.${r.source}`) }))}
          />
        </>
      ) : null}
    </section>
  );
}
