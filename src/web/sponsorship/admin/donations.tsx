// Back office: donations received by the units the actor reads, newest first, searched with folded
// Vietnamese (sponsor, description, purpose), filtered by kind and year; CSV/XLSX export with the same query.
import { z } from 'zod';
import { formatIsoDay } from '../../../lib/dates.ts';
import { formatVnd } from '../../../lib/money.ts';
import { listDonations } from '../../../modules/sponsorship/sponsorship.usecases.server.ts';
import { DONATION_KINDS } from '../../../modules/sponsorship/sponsorship.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { FilterSelect } from '../../ui/FilterSelect.tsx';
import { readListQuery } from '../../ui/list-query.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ExportLinks, FilterForm } from '../../ui/RegisterList.tsx';
import type { Route } from './+types/donations.ts';

const Query = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(DONATION_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const { query, search } = readListQuery(Query, new URL(request.url));
  try {
    const rows = await listDonations(deps, actor, query);
    return {
      query,
      search,
      donations: rows.map((d) => ({
        id: d.id,
        day: formatIsoDay(d.receivedOn),
        kind: d.kind,
        sponsorName: d.sponsorName,
        description: d.description,
        value: formatVnd(d.valueVnd),
        unitName: d.unitName,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function DonationList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { query: q, donations } = loaderData;
  return (
    <>
      <title>{`${t('sponsorship.donations.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/sponsorship')}>{t('sponsorship.title')}</a>
      </p>
      <h1>{t('sponsorship.donations.title')}</h1>
      <p>
        <a className="button" href={href('/admin/sponsorship/donations/new')}>
          {t('sponsorship.donation.new')}
        </a>
      </p>
      <FilterForm>
        <TextField
          id="dl-q"
          label={t('sponsorship.search')}
          name="q"
          type="search"
          defaultValue={q.q ?? ''}
        />
        <FilterSelect
          id="dl-kind"
          name="kind"
          label={t('sponsorship.field.donationKind')}
          allLabel={t('ui.filter.all')}
          value={q.kind}
          options={DONATION_KINDS.map((k) => ({ value: k, label: t(`sponsorship.kind.${k}`) }))}
        />
        <TextField
          id="dl-year"
          label={t('sponsorship.field.year')}
          name="year"
          type="number"
          min={2000}
          max={2100}
          defaultValue={q.year ?? ''}
        />
      </FilterForm>
      <ExportLinks base="/admin/sponsorship/export" search={loaderData.search} />
      <div className="table-wrap">
        <table>
          <caption>{t('sponsorship.donations.caption', { count: donations.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sponsorship.field.receivedOn')}</th>
              <th scope="col">{t('sponsorship.field.sponsor')}</th>
              <th scope="col">{t('sponsorship.field.description')}</th>
              <th scope="col">{t('sponsorship.field.valueVnd')}</th>
              <th scope="col">{t('sponsorship.field.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {donations.map((d) => (
              <tr key={d.id}>
                <td>{d.day}</td>
                <td>{d.sponsorName}</td>
                <th scope="row">
                  <a href={href(`/admin/sponsorship/donations/${d.id}`)}>{d.description}</a>
                  <span className="muted"> — {t(`sponsorship.kind.${d.kind}`)}</span>
                </th>
                <td>{d.value}</td>
                <td>{d.unitName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
