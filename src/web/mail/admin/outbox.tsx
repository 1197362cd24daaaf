// Back office: the mail outbox, where mail waits when no SMTP server is configured (administrators only).
import { formatDateTime } from '../../../lib/dates.ts';
import { listOutbox } from '../../../modules/mail/mail.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/outbox.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const to = new URL(request.url).searchParams.get('to')?.slice(0, 200) ?? '';
  try {
    const mails = await listOutbox(deps, actor, { to, limit: 100 });
    return {
      to,
      mails: mails.map((m) => ({
        id: m.id,
        at: formatDateTime(m.created_at),
        to: m.to_address,
        subject: m.subject,
        body: m.body_text,
        sent: m.sent_at !== null,
        error: m.error,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function OutboxPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('mail.outbox.title')} — Suốt Đời`}</title>
      <h1>{t('mail.outbox.title')}</h1>
      <p className="muted">{t('mail.outbox.intro')}</p>
      <form method="get" className="filters">
        <TextField
          id="outbox-to"
          label={t('mail.outbox.filterTo')}
          name="to"
          type="email"
          defaultValue={loaderData.to}
          maxLength={200}
        />
        <button type="submit">{t('mail.outbox.filter')}</button>
      </form>
      <div className="table-wrap">
        <table>
          <caption>{t('mail.outbox.caption', { count: loaderData.mails.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mail.outbox.colAt')}</th>
              <th scope="col">{t('mail.outbox.colTo')}</th>
              <th scope="col">{t('mail.outbox.colSubject')}</th>
              <th scope="col">{t('mail.outbox.colStatus')}</th>
              <th scope="col">{t('mail.outbox.colBody')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.mails.map((m) => (
              <tr key={m.id}>
                <td>{m.at}</td>
                <td>{m.to}</td>
                <td>{m.subject}</td>
                <td>
                  {m.error
                    ? t('mail.outbox.failed', { error: m.error })
                    : m.sent
                      ? t('mail.outbox.sent')
                      : t('mail.outbox.notSent')}
                </td>
                <td>
                  <details>
                    <summary>{t('mail.outbox.show')}</summary>
                    <pre className="mail-body">{m.body}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaderData.mails.length === 0 ? <p>{t('mail.outbox.empty')}</p> : null}
    </>
  );
}
