// The public verification page of one credential: the verdict (valid / revoked / expired / tampered), who
// issued it, to whom, what it certifies; the JSON download, the printable certificate, the issuer's keys and
// revocation list. Works without JavaScript; hidden credentials are shown only to their holder.
import { formatDate } from '../../../lib/dates.ts';
import { credentialView } from '../../../modules/credentials/credentials.pages.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { Verdict } from '../components/Verdict.tsx';
import styles from '../credentials.css?url';
import type { Route } from './+types/verify.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await credentialView(deps, actor, params.id);
    return {
      ...v,
      issuedAt: formatDate(v.issuedAt),
      validUntil: v.validUntil ? formatDate(v.validUntil) : null,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function VerifyCredential({ loaderData: c }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <article>
      <title>{`${t('credentials.verify.title')} — ${c.achievement.nameVi} — Suốt Đời`}</title>
      <h1>{t('credentials.verify.title')}</h1>
      <Verdict status={c.verification.status} reason={c.revokedReason} />
      <img
        className="credential-badge"
        src={c.urls.image}
        alt={t('credentials.verify.badgeAlt', { alt: c.achievement.imageAlt })}
        width={96}
        height={96}
      />
      <dl className="record-fields">
        <div>
          <dt>{t('credentials.verify.achievement')}</dt>
          <dd>
            <strong>{c.achievement.nameVi}</strong>
            {c.achievement.nameEn ? <span lang="en"> ({c.achievement.nameEn})</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('credentials.verify.recipient')}</dt>
          <dd>{c.recipientName}</dd>
        </div>
        <div>
          <dt>{t('credentials.verify.issuer')}</dt>
          <dd>{c.unit.name}</dd>
        </div>
        <div>
          <dt>{t('credentials.verify.criteria')}</dt>
          <dd>{c.achievement.criteriaVi}</dd>
        </div>
        <div>
          <dt>{t('credentials.verify.issuedOn')}</dt>
          <dd>{c.issuedAt}</dd>
        </div>
        {c.validUntil ? (
          <div>
            <dt>{t('credentials.verify.validUntil')}</dt>
            <dd>{c.validUntil}</dd>
          </div>
        ) : null}
        {c.verification.verificationMethod ? (
          <div>
            <dt>{t('credentials.verify.signedWith')}</dt>
            <dd className="cell-text">
              <code className="credential-key">{c.verification.verificationMethod.split('#')[1]}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      <ul className="credential-links">
        <li>
          <a href={href(`/credentials/${c.id}/certificate`)}>{t('credentials.verify.certificate')}</a>
        </li>
        <li>
          <a href={c.urls.json} download>
            {t('credentials.verify.downloadJson')}
          </a>
        </li>
        <li>
          <a href={c.urls.issuer}>{t('credentials.verify.issuerProfile')}</a>
        </li>
        <li>
          <a href={c.urls.statusList}>{t('credentials.verify.statusList')}</a>
        </li>
      </ul>
      <div className="field">
        <label htmlFor="share-link">{t('credentials.verify.shareLink')}</label>
        <input id="share-link" className="credential-share" readOnly value={c.urls.page} />
      </div>
    </article>
  );
}
