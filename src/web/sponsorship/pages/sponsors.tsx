// Public: thank you to the organisations and people who support lifelong learning in Khánh Hòa — only those
// who agreed to be named (their consent and its day are on record). No amounts, no contact details.
import { publicSponsors } from '../../../modules/sponsorship/sponsorship.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import type { Route } from './+types/sponsors.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps } = context.get(requestContext);
  return { sponsors: await publicSponsors(deps) };
}

export default function Sponsors({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { sponsors } = loaderData;
  return (
    <>
      <title>{`${t('sponsorship.public.title')} — Suốt Đời`}</title>
      <h1>{t('sponsorship.public.title')}</h1>
      <p className="lead">{t('sponsorship.public.lead')}</p>
      {sponsors.length === 0 ? <p>{t('sponsorship.public.none')}</p> : null}
      <ul className="card-grid">
        {sponsors.map((s) => (
          <li key={s.id} className="card">
            <h2>{s.name}</h2>
            <p className="muted">
              {t(`sponsorship.sponsorKind.${s.kind}`)}
              {s.kinds.length ? ` · ${s.kinds.map((k) => t(`sponsorship.kind.${k}`)).join(', ')}` : ''}
              {s.years.length ? ` · ${s.years.join(', ')}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
