// Public campaign page: a theme (e.g. "Tuần lễ hưởng ứng học tập suốt đời") with its published articles,
// events, materials and media products.
import { formatDate, formatIsoDay } from '../../../lib/dates.ts';
import { getCampaign } from '../../../modules/news/news.public.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { viData } from '../../ui/data-lang.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/campaign.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps } = context.get(requestContext);
  try {
    const v = await getCampaign(deps, params.campaignId);
    const c = v.campaign;
    return {
      campaign: {
        title: c.title,
        summary: c.summary,
        period: c.startsOn && c.endsOn ? `${formatIsoDay(c.startsOn)} – ${formatIsoDay(c.endsOn)}` : null,
        materials: c.materialLinks,
      },
      articles: v.articles.map((a) => ({
        id: a.id,
        title: a.title,
        date: a.publishedAt ? formatDate(a.publishedAt) : '',
      })),
      events: v.events.map((e) => ({ id: e.id, title: e.title })),
      media: v.media.map((m) => ({ id: m.id, title: m.title, url: m.url, outlet: m.outlet, reach: m.reach })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function CampaignPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const vi = viData(useLocale());
  const { campaign: c, articles, events, media } = loaderData;
  return (
    <>
      <title>{`${c.title} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/news')}>{t('news.list.title')}</a>
      </p>
      <h1 {...vi}>{c.title}</h1>
      {c.period ? <p className="muted">{c.period}</p> : null}
      {c.summary ? (
        <p className="lead" {...vi}>
          {c.summary}
        </p>
      ) : null}
      <h2>{t('news.campaign.articles')}</h2>
      {articles.length === 0 ? <p>{t('news.list.none')}</p> : null}
      <ul>
        {articles.map((a) => (
          <li key={a.id}>
            <a href={href(`/news/${a.id}`)} {...vi}>
              {a.title}
            </a>{' '}
            <span className="muted">{a.date}</span>
          </li>
        ))}
      </ul>
      {events.length > 0 ? (
        <>
          <h2>{t('news.detail.events')}</h2>
          <ul>
            {events.map((e) => (
              <li key={e.id}>
                <a href={href(`/events/${e.id}`)} {...vi}>
                  {e.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {c.materials.length > 0 || media.length > 0 ? (
        <>
          <h2>{t('news.campaign.materials')}</h2>
          <ul>
            {c.materials.map((m) => (
              <li key={m.url}>
                <a href={m.url} rel="noopener noreferrer" {...vi}>
                  {m.title}
                </a>
              </li>
            ))}
            {media.map((m) => (
              <li key={m.id}>
                {m.url ? (
                  <a href={m.url} rel="noopener noreferrer" {...vi}>
                    {m.title}
                  </a>
                ) : (
                  <span {...vi}>{m.title}</span>
                )}{' '}
                <span className="muted" {...vi}>
                  {m.outlet}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
