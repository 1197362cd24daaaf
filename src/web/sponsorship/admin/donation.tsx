// Back office: one donation — what, how much, for what; the acknowledgement letter (DOCX); for books, the list
// and the one-step "make catalogue records" (once), then links to the records made.
import { redirect } from 'react-router';
import { formatIsoDay } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import { formatVnd } from '../../../lib/money.ts';
import {
  catalogueDonatedBooks,
  getDonation,
} from '../../../modules/sponsorship/sponsorship.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { failure } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/donation.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await getDonation(deps, actor, params.donationId);
    const d = v.donation;
    return {
      donation: {
        id: d.id,
        kind: d.kind,
        description: d.description,
        value: formatVnd(d.valueVnd),
        day: formatIsoDay(d.receivedOn),
        purpose: d.purpose,
        books: d.books.map((b, i) => ({ ...b, key: `b${i}` })),
        sponsorId: d.sponsorId,
        catalogueRecordIds: d.catalogueRecordIds,
        catalogued: d.cataloguedAt !== null,
      },
      sponsorName: v.sponsorName,
      unitName: v.unitName,
      eventTitle: v.eventTitle,
      eventId: d.eventId,
      canCatalogue: v.canEdit && v.canCatalogue,
      canEdit: v.canEdit,
      done: doneNotice(request.url, {
        created: 'sponsorship.done.donation',
        catalogued: 'sponsorship.done.catalogued',
        updated: 'sponsorship.done.donationUpdated',
      }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  // The form carries nothing but its token; reading it still refuses a body that is not a form (400/415).
  await readPageForm(request);
  try {
    await catalogueDonatedBooks(deps, actor, params.donationId);
    return redirect(
      `${localePath(locale, `/admin/sponsorship/donations/${params.donationId}`)}?done=catalogued`,
      303,
    );
  } catch (e) {
    return failure(e, {});
  }
}

export default function DonationDetail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { donation: d } = loaderData;
  return (
    <>
      <title>{`${d.description} — ${t('sponsorship.donations.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href(`/admin/sponsorship/sponsors/${d.sponsorId}`)}>{loaderData.sponsorName}</a>
      </p>
      <h1>{d.description}</h1>
      {loaderData.done ? (
        <p className="alert-ok" role="status">
          {t(loaderData.done)}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <dl className="details-list">
        <dt>{t('sponsorship.field.donationKind')}</dt>
        <dd>{t(`sponsorship.kind.${d.kind}`)}</dd>
        <dt>{t('sponsorship.field.valueVnd')}</dt>
        <dd>{d.value}</dd>
        <dt>{t('sponsorship.field.receivedOn')}</dt>
        <dd>{d.day}</dd>
        <dt>{t('sponsorship.field.unit')}</dt>
        <dd>{loaderData.unitName}</dd>
        {d.purpose ? (
          <>
            <dt>{t('sponsorship.field.purpose')}</dt>
            <dd>{d.purpose}</dd>
          </>
        ) : null}
        {loaderData.eventTitle ? (
          <>
            <dt>{t('sponsorship.field.event')}</dt>
            <dd>
              <a href={href(`/events/${loaderData.eventId}`)}>{loaderData.eventTitle}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {loaderData.canEdit ? (
        <p>
          <a href={href(`/admin/sponsorship/donations/${d.id}/edit`)}>{t('sponsorship.donation.edit')}</a>
        </p>
      ) : null}
      <p>
        <a href={`/admin/sponsorship/donations/${d.id}/letter.docx`}>{t('sponsorship.letter.download')}</a>
      </p>
      {d.books.length > 0 ? (
        <>
          <h2>{t('sponsorship.books.heading', { count: d.books.length })}</h2>
          <ul>
            {d.books.map((b) => (
              <li key={b.key}>
                {b.title}
                {b.creators.length ? ` — ${b.creators.join('; ')}` : ''}
                {b.isbn ? ` · ISBN ${b.isbn}` : ''} · {t('sponsorship.books.copies', { count: b.copies })}
              </li>
            ))}
          </ul>
          {d.catalogued ? (
            <>
              <h3>{t('sponsorship.books.records')}</h3>
              <ul>
                {d.catalogueRecordIds.map((id, i) => (
                  <li key={id}>
                    <a href={href(`/records/${id}`)}>{d.books[i]?.title ?? id}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : loaderData.canCatalogue ? (
            <form method="post">
              <button type="submit">{t('sponsorship.books.catalogue')}</button>
            </form>
          ) : null}
        </>
      ) : null}
    </>
  );
}
