// Back office: the personal-data breach register. Each incident shows the deadline for notifying the authority
// (72 hours from discovery) and whether it was met; administrators record the notifications and close it.
import { formatDateTime } from '../../../lib/dates.ts';
import { AppError } from '../../../lib/errors.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import {
  authorityDeadline,
  listBreaches,
  saveBreach,
} from '../../../modules/privacy/privacy.breaches.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/breaches.ts';

/** A `datetime-local` value is Vietnam time (UTC+7, no daylight saving). */
const vnInstant = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? `${v}:00+07:00` : v);

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const now = deps.now();
    return {
      breaches: (await listBreaches(deps, actor)).map((b) => {
        const d = authorityDeadline(b, now);
        return {
          id: b.id,
          title: b.title,
          description: b.description,
          dataAffected: b.dataAffected,
          peopleAffected: b.peopleAffected,
          actions: b.actions,
          status: b.status,
          discovered: formatDateTime(b.discoveredAt),
          due: formatDateTime(d.due),
          state: d.state,
          authorityNotified: b.authorityNotifiedAt ? formatDateTime(b.authorityNotifiedAt) : null,
          raw: {
            ...b,
            discoveredAt: b.discoveredAt.toISOString(),
            authorityNotifiedAt: b.authorityNotifiedAt?.toISOString() ?? null,
            subjectsNotifiedAt: b.subjectsNotifiedAt?.toISOString() ?? null,
          },
        };
      }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const values = {
    title: formText(form, 'title'),
    description: formText(form, 'description'),
    discoveredAt: formText(form, 'discoveredAt'),
    dataAffected: formText(form, 'dataAffected'),
    peopleAffected: formText(form, 'peopleAffected'),
    actions: formText(form, 'actions'),
  };
  try {
    if (intent === 'notified' || intent === 'close') {
      const id = formText(form, 'id');
      const b = (await listBreaches(deps, actor)).find((x) => x.id === id);
      if (!b) throw new AppError('privacy.not_found', 404, 'error.notFound');
      await saveBreach(deps, actor, id, {
        title: b.title,
        description: b.description,
        discoveredAt: b.discoveredAt.toISOString(),
        dataAffected: b.dataAffected,
        peopleAffected: b.peopleAffected,
        authorityNotifiedAt:
          intent === 'notified' ? deps.now().toISOString() : (b.authorityNotifiedAt?.toISOString() ?? null),
        subjectsNotifiedAt: b.subjectsNotifiedAt?.toISOString() ?? null,
        actions: b.actions,
        status: intent === 'close' ? 'closed' : b.status,
      });
      return { ok: true as const, errors: undefined, values: {} };
    }
    const people = values.peopleAffected.trim();
    await onceForm(deps, actor, 'privacy.breach.create', form, (d) =>
      saveBreach(d, actor, null, {
        title: values.title,
        description: values.description,
        discoveredAt: vnInstant(values.discoveredAt),
        dataAffected: values.dataAffected,
        peopleAffected: people === '' ? null : Number(people),
        actions: values.actions,
      }),
    );
    return { ok: true as const, errors: undefined, values: {} };
  } catch (e) {
    return failure(e, values, 'brc-title');
  }
}

export default function Breaches({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const v: Partial<Record<string, string>> = actionData?.values ?? {};
  return (
    <>
      <title>{`${t('privacy.breaches.title')} — Suốt Đời`}</title>
      <h1>{t('privacy.breaches.title')}</h1>
      <p>{t('privacy.breaches.lead')}</p>
      <ErrorSummary errors={actionData?.errors} />
      {actionData?.ok ? (
        <p className="alert-ok" role="status">
          {t('privacy.breaches.saved')}
        </p>
      ) : null}
      {loaderData.breaches.length === 0 ? <p>{t('privacy.breaches.none')}</p> : null}
      <ul>
        {loaderData.breaches.map((b) => (
          <li key={b.id}>
            <strong>{b.title}</strong> — {t(`privacy.breaches.status.${b.status}` as MessageKey)}
            <p>
              {t('privacy.breaches.discovered', { at: b.discovered })}{' '}
              <span className={b.state === 'overdue' || b.state === 'late' ? 'error-text' : undefined}>
                {t(`privacy.breaches.deadline.${b.state}` as MessageKey, {
                  due: b.due,
                  at: b.authorityNotified ?? '',
                })}
              </span>
            </p>
            {b.dataAffected ? <p>{t('privacy.breaches.dataAffectedIs', { data: b.dataAffected })}</p> : null}
            {b.peopleAffected !== null ? (
              <p>{t('privacy.breaches.peopleAffectedIs', { n: b.peopleAffected })}</p>
            ) : null}
            {b.actions ? <p>{b.actions}</p> : null}
            {b.status === 'open' ? (
              <form method="post" className="inline-form">
                <input type="hidden" name="id" value={b.id} />
                {!b.authorityNotified ? (
                  <button type="submit" name="intent" value="notified">
                    {t('privacy.breaches.markNotified')}
                  </button>
                ) : null}{' '}
                <button type="submit" name="intent" value="close" className="secondary">
                  {t('privacy.breaches.close')}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <section aria-labelledby="brc-new-h">
        <h2 id="brc-new-h">{t('privacy.breaches.new')}</h2>
        <form method="post" className="form">
          <FormToken />
          <input type="hidden" name="intent" value="create" />
          <TextField
            id="brc-title"
            label={t('privacy.breaches.field.title')}
            name="title"
            required
            maxLength={300}
            defaultValue={v.title}
          />
          <TextField
            id="brc-discovered"
            label={t('privacy.breaches.field.discoveredAt')}
            name="discoveredAt"
            type="datetime-local"
            required
            defaultValue={v.discoveredAt}
          />
          <TextArea
            id="brc-data"
            label={t('privacy.breaches.field.dataAffected')}
            name="dataAffected"
            rows={2}
            maxLength={4000}
            defaultValue={v.dataAffected}
          />
          <TextField
            id="brc-people"
            label={t('privacy.breaches.field.peopleAffected')}
            name="peopleAffected"
            type="number"
            min={0}
            defaultValue={v.peopleAffected}
          />
          <TextArea
            id="brc-desc"
            label={t('privacy.breaches.field.description')}
            name="description"
            rows={3}
            maxLength={8000}
            defaultValue={v.description}
          />
          <TextArea
            id="brc-actions"
            label={t('privacy.breaches.field.actions')}
            name="actions"
            rows={3}
            maxLength={8000}
            defaultValue={v.actions}
          />
          <button type="submit">{t('privacy.breaches.create')}</button>
        </form>
      </section>
    </>
  );
}
