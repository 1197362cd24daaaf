// Back office: one official document. Opening it records the reader's receipt; the filer sees which targeted
// units have read it and who.
import { formatDateTime, formatIsoDay } from '../../../lib/dates.ts';
import { openGuidance } from '../../../modules/guidance/guidance.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/detail.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await openGuidance(deps, actor, params.documentId);
    return {
      doc: { ...v.doc, issued: formatIsoDay(v.doc.issuedOn), createdAt: undefined },
      canEdit: v.canEdit,
      targets: v.targets,
      receipts: v.receipts.map((r) => ({
        unitName: r.unitName,
        at: formatDateTime(r.readAt),
        userId: r.userId,
      })),
      done: doneNotice(request.url, { created: 'guidance.done.created' }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function GuidanceDetail({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { doc: d, targets, receipts } = loaderData;
  return (
    <>
      <title>{`${d.numberSymbol} — ${t('guidance.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/guidance')}>{t('guidance.title')}</a>
      </p>
      <h1>{d.title}</h1>
      {loaderData.done ? (
        <p className="alert-ok" role="status">
          {t(loaderData.done)}
        </p>
      ) : null}
      <dl className="details-list">
        <dt>{t('guidance.field.type')}</dt>
        <dd>{t(`guidance.type.${d.docType}`)}</dd>
        <dt>{t('guidance.field.number')}</dt>
        <dd>{d.numberSymbol}</dd>
        <dt>{t('guidance.field.issuer')}</dt>
        <dd>{d.issuer}</dd>
        <dt>{t('guidance.field.issuedOn')}</dt>
        <dd>{d.issued}</dd>
        {d.url ? (
          <>
            <dt>{t('guidance.field.url')}</dt>
            <dd>
              <a href={d.url} rel="noopener noreferrer">
                {d.url}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {d.summary ? <p className="prose-text">{d.summary}</p> : null}
      {loaderData.canEdit && targets.length > 0 ? (
        <>
          <h2>{t('guidance.receipts.heading')}</h2>
          <ul>
            {targets.map((u) => (
              <li key={u.id}>
                {u.name}: {u.read ? t('guidance.receipts.read') : t('guidance.receipts.unread')}
              </li>
            ))}
          </ul>
          <p>{t('guidance.receipts.count', { count: receipts.length })}</p>
        </>
      ) : null}
    </>
  );
}
