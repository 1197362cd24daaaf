// The chart's figures as a table: one row per year and category, with the year's total.
import type { MessageKey } from '../../../lib/i18n.ts';
import { useT } from '../../i18n.ts';
import type { ChartData } from './HoursChart.tsx';

export function HoursTable({ data }: { data: ChartData }) {
  const t = useT();
  const fmt = (h: number) => h.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return (
    <table className="lr-table">
      <caption className="visually-hidden">{t('lrs.record.hours')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('lrs.record.year')}</th>
          <th scope="col">{t('lrs.record.category')}</th>
          <th scope="col">{t('lrs.record.hoursColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {data.years.flatMap((year) => [
          ...data.cells
            .filter((c) => c.year === year && c.hours > 0)
            .map((c) => (
              <tr key={`${year}-${c.category}`}>
                <td>{year}</td>
                <td>{t(`lrs.category.${c.category}` as MessageKey)}</td>
                <td>{fmt(c.hours)}</td>
              </tr>
            )),
          <tr key={`${year}-total`}>
            <th scope="row">{year}</th>
            <th scope="row">{t('lrs.record.total')}</th>
            <td>
              <strong>{fmt(data.totals.find((x) => x.year === year)?.hours ?? 0)}</strong>
            </td>
          </tr>,
        ])}
      </tbody>
    </table>
  );
}
