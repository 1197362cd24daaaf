// A guest's own data, through the link their access request gave them (on the confirmation page and by SMS or
// e-mail): the request it answers, until when the link works, and the two downloads (JSON, CSV). A wrong,
// altered or expired link is "not found". Never cached, never sent on as a referrer.
import { data } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { CLIENT_IP_HEADER } from '../../../modules/auth/auth.client-ip.server.ts';
import { openGuestExport } from '../../../modules/privacy/privacy.guest-export.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/guest-export.ts';

const PRIVATE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };

export const headers: Route.HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps } = context.get(requestContext);
  try {
    const x = await openGuestExport(deps, params.token, request.headers.get(CLIENT_IP_HEADER));
    return data(
      {
        ref: x.request.id,
        until: formatDateTime(x.expiresAt),
        base: `/privacy/export/${encodeURIComponent(params.token)}`,
      },
      { headers: PRIVATE },
    );
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function GuestExport({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('privacy.guestExport.title')} — Suốt Đời`}</title>
      <meta name="robots" content="noindex" />
      <h1>{t('privacy.guestExport.title')}</h1>
      <p>{t('privacy.guestExport.lead', { ref: d.ref, until: d.until })}</p>
      <p>
        <a href={`${d.base}/du-lieu-ca-nhan.json`} download>
          {t('privacy.guestExport.json')}
        </a>
        {' · '}
        <a href={`${d.base}/du-lieu-ca-nhan.csv`} download>
          {t('privacy.guestExport.csv')}
        </a>
      </p>
      <p className="hint">{t('privacy.guestExport.keep')}</p>
    </>
  );
}
