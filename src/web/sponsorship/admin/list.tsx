// Back office: the register of sponsors (shared by all units; contact details only for the sponsor's unit),
// folded Vietnamese search, and the year's totals over the units the actor reads: per unit, per kind of gift,
// per source (organisations, people).
import { z } from 'zod';
import { yearInVietnam } from '../../../lib/dates.ts';
import { formatVnd } from '../../../lib/money.ts';
import { donationTotals, listSponsors } from '../../../modules/sponsorship/sponsorship.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/list.ts';

const Query = z.object({
  q: z.string().max(200).optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const parsed = Query.safeParse({
    q: url.searchParams.get('q')?.trim() || undefined,
    year: url.searchParams.get('year') || yearInVietnam(deps.now()),
  });
  const query = parsed.success ? parsed.data : { year: yearInVietnam(deps.now()) };
  try {
    const [sponsors, totals] = await Promise.all([
      listSponsors(deps, actor, query.q),
      donationTotals(deps, actor, query.year),
    ]);
    return {
      query,
      sponsors: sponsors.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        publicConsent: s.publicConsent,
        donations: s.donations,
        total: formatVnd(s.total),
      })),
      totals: {
        total: formatVnd(totals.total),
        byUnit: totals.byUnit.map((r) => ({ key: r.key ?? '', name: r.name, value: formatVnd(r.value) })),
        byKind: totals.byKind.map((r) => ({ key: r.key ?? '', value: formatVnd(r.value) })),
        bySource: totals.bySource.map((r) => ({ key: r.key ?? '', value: formatVnd(r.value) })),
      },
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function SponsorList({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { query: q, sponsors, totals } = loaderData;
  return (
    <>
      <title>{`${t('sponsorship.title')} — Suốt Đời`}</title>
      <h1>{t('sponsorship.title')}</h1>
      <ul className="plain-list">
        <li>
          <a className="button" href={href('/admin/sponsorship/sponsors/new')}>
            {t('sponsorship.sponsor.new')}
          </a>
        </li>
        <li>
          <a href={href('/admin/sponsorship/donations')}>{t('sponsorship.donations.title')}</a>
        </li>
        <li>
          <a href={href('/sponsors')}>{t('sponsorship.public.title')}</a>
        </li>
      </ul>
      <form method="get" className="filters">
        <TextField
          id="sp-q"
          label={t('sponsorship.search')}
          name="q"
          type="search"
          defaultValue={q.q ?? ''}
        />
        <TextField
          id="sp-year"
          label={t('sponsorship.field.year')}
          name="year"
          type="number"
          min={2000}
          max={2100}
          defaultValue={q.year}
        />
        <button type="submit">{t('news.filter.submit')}</button>
      </form>
      <h2>{t('sponsorship.totals.heading', { year: q.year, total: totals.total })}</h2>
      <div className="table-wrap">
        <table>
          <caption>{t('sponsorship.totals.caption')}</caption>
          <tbody>
            {totals.byKind.map((r) => (
              <tr key={`k-${r.key}`}>
                <th scope="row">{t(`sponsorship.kind.${r.key as 'money'}`)}</th>
                <td>{r.value}</td>
              </tr>
            ))}
            {totals.bySource.map((r) => (
              <tr key={`s-${r.key}`}>
                <th scope="row">{t(`sponsorship.sponsorKind.${r.key as 'person'}`)}</th>
                <td>{r.value}</td>
              </tr>
            ))}
            {totals.byUnit.map((r) => (
              <tr key={`u-${r.key}`}>
                <th scope="row">{r.name}</th>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t('sponsorship.caption', { count: sponsors.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sponsorship.field.name')}</th>
              <th scope="col">{t('sponsorship.field.sponsorKind')}</th>
              <th scope="col">{t('sponsorship.col.donations')}</th>
              <th scope="col">{t('sponsorship.field.valueVnd')}</th>
              <th scope="col">{t('sponsorship.col.public')}</th>
            </tr>
          </thead>
          <tbody>
            {sponsors.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <a href={href(`/admin/sponsorship/sponsors/${s.id}`)}>{s.name}</a>
                </th>
                <td>{t(`sponsorship.sponsorKind.${s.kind}`)}</td>
                <td>{s.donations}</td>
                <td>{s.total}</td>
                <td>{s.publicConsent ? t('sponsorship.consent.yes') : t('sponsorship.consent.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
