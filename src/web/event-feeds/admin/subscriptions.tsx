// Back office: the community calendar — partner iCalendar feeds the actor's units subscribe to (add, refresh
// now, delete) and, for root administrators, the allow-list of partner hosts.
import { formatDateTime } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import {
  addAllowedHost,
  addSubscription,
  deleteSubscription,
  listAllowedHosts,
  listSubscriptions,
  refreshSubscription,
  removeAllowedHost,
  subscriptionFormOptions,
} from '../../../modules/event-feeds/community.usecases.server.ts';
import {
  AllowedHostInputSchema,
  SubscriptionInputSchema,
} from '../../../modules/event-feeds/event-feeds.schemas.server.ts';
import { EVENT_CATEGORIES, type EventCategory } from '../../../modules/events/events.vocab.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/subscriptions.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [subs, hosts, options] = await Promise.all([
      listSubscriptions(deps, actor),
      listAllowedHosts(deps, actor),
      subscriptionFormOptions(deps, actor),
    ]);
    return {
      subs: subs.map((s) => ({
        id: s.id,
        name: s.name,
        url: s.url,
        unitName: s.unitName,
        category: s.category,
        lastFetchedAt: s.lastFetchedAt ? formatDateTime(s.lastFetchedAt) : null,
        lastStatus: s.lastStatus,
        lastError: s.lastError,
        lastEventCount: s.lastEventCount ?? 0,
      })),
      hosts: hosts.map((h) => ({ pattern: h.pattern, note: h.note })),
      ...options,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

type Values = Record<string, string>;

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const done = (key: MessageKey, params: Record<string, string | number> = {}) => ({
    ok: true as const,
    key,
    params,
    errors: undefined,
    values: {} as Values,
  });
  const values: Values = {
    name: formText(form, 'name'),
    url: formText(form, 'url'),
    unitId: formText(form, 'unitId'),
    category: formText(form, 'category'),
  };
  try {
    if (intent === 'add') {
      const parsed = SubscriptionInputSchema.safeParse(values);
      if (!parsed.success) {
        return invalid(
          parsed.error.issues.map((i) => ({
            field: `sub-${String(i.path[0])}`,
            key: 'error.validation' as const,
          })),
          values,
        );
      }
      const sub = await onceForm(deps, actor, 'eventFeeds.subscription.create', form, async (d) => ({
        name: (await addSubscription(d, actor, parsed.data)).name,
      }));
      return done('eventFeeds.subscriptions.added', { name: sub.name });
    }
    if (intent === 'refresh') {
      const r = await refreshSubscription(deps, actor, formText(form, 'id'));
      return r.status === 'ok'
        ? done('eventFeeds.subscriptions.refreshed', { count: r.events })
        : done('eventFeeds.subscriptions.refreshFailed', { error: r.error ?? '' });
    }
    if (intent === 'delete') {
      await deleteSubscription(deps, actor, formText(form, 'id'));
      return done('eventFeeds.subscriptions.deleted');
    }
    if (intent === 'host-add') {
      const parsed = AllowedHostInputSchema.safeParse({
        pattern: formText(form, 'pattern'),
        note: formText(form, 'note'),
      });
      if (!parsed.success)
        return invalid([{ field: 'host-pattern', key: 'eventFeeds.error.badHost' }], values);
      await onceForm(deps, actor, 'eventFeeds.host.create', form, async (d) => {
        await addAllowedHost(d, actor, parsed.data);
      });
      return done('eventFeeds.allowlist.added', { pattern: parsed.data.pattern });
    }
    if (intent === 'host-remove') {
      await removeAllowedHost(deps, actor, formText(form, 'pattern'));
      return done('eventFeeds.allowlist.removed');
    }
  } catch (e) {
    return failure(e, values);
  }
  return invalid([{ key: 'error.validation' }], values);
}

export default function EventSubscriptions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { subs, hosts, units, manageHosts } = loaderData;
  const v = actionData?.values ?? {};
  const catLabel = (c: string) => t(`eventFeeds.category.${c as EventCategory}` as MessageKey);
  return (
    <>
      <title>{`${t('eventFeeds.subscriptions.title')} — Suốt Đời`}</title>
      <h1>{t('eventFeeds.subscriptions.title')}</h1>
      <p className="muted">{t('eventFeeds.subscriptions.intro')}</p>
      <ErrorSummary errors={actionData?.ok ? undefined : actionData?.errors} />
      {actionData?.ok ? (
        <p className="alert-ok" role="status">
          {t(actionData.key, actionData.params)}
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>{t('eventFeeds.subscriptions.caption', { count: subs.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eventFeeds.subscriptions.name')}</th>
              <th scope="col">{t('eventFeeds.subscriptions.unit')}</th>
              <th scope="col">{t('eventFeeds.subscriptions.status')}</th>
              <th scope="col">{t('eventFeeds.subscriptions.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {subs.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="cell-text">
                  {s.name}
                  <br />
                  <span className="muted">{s.url}</span>
                  <br />
                  {catLabel(s.category)}
                </th>
                <td>{s.unitName}</td>
                <td>
                  {!s.lastFetchedAt
                    ? t('eventFeeds.subscriptions.never')
                    : s.lastStatus === 'ok'
                      ? t('eventFeeds.subscriptions.ok', { at: s.lastFetchedAt, count: s.lastEventCount })
                      : t('eventFeeds.subscriptions.failed', {
                          at: s.lastFetchedAt,
                          error: s.lastError ?? '',
                        })}
                </td>
                <td>
                  <form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="refresh" />
                    <input type="hidden" name="id" value={s.id} />
                    <button type="submit">{t('eventFeeds.subscriptions.refresh')}</button>
                  </form>{' '}
                  <form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={s.id} />
                    <button type="submit" className="secondary">
                      {t('eventFeeds.subscriptions.delete')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {subs.length === 0 ? <p>{t('eventFeeds.subscriptions.empty')}</p> : null}
      {units.length ? (
        <section aria-labelledby="sub-add-h">
          <h2 id="sub-add-h">{t('eventFeeds.subscriptions.add')}</h2>
          <form method="post">
            <input type="hidden" name="intent" value="add" />
            <FormToken />
            <TextField
              id="sub-name"
              label={t('eventFeeds.subscriptions.name')}
              name="name"
              required
              minLength={2}
              maxLength={200}
              defaultValue={v.name}
            />
            <TextField
              id="sub-url"
              label={t('eventFeeds.subscriptions.url')}
              name="url"
              type="url"
              required
              maxLength={2000}
              defaultValue={v.url}
            />
            <SelectField
              id="sub-unitId"
              label={t('eventFeeds.subscriptions.unit')}
              name="unitId"
              required
              defaultValue={v.unitId ?? ''}
            >
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="sub-category"
              label={t('eventFeeds.subscriptions.category')}
              name="category"
              defaultValue={v.category || 'other'}
            >
              {EVENT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {catLabel(c)}
                </option>
              ))}
            </SelectField>
            <button type="submit">{t('eventFeeds.subscriptions.submit')}</button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="hosts-h">
        <h2 id="hosts-h">{t('eventFeeds.allowlist.heading')}</h2>
        <p className="muted">{t('eventFeeds.allowlist.help')}</p>
        {hosts.length === 0 ? <p>{t('eventFeeds.allowlist.empty')}</p> : null}
        <ul>
          {hosts.map((h) => (
            <li key={h.pattern}>
              <code>{h.pattern}</code>
              {h.note ? ` — ${h.note}` : ''}{' '}
              {manageHosts ? (
                <form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="host-remove" />
                  <input type="hidden" name="pattern" value={h.pattern} />
                  <button type="submit" className="secondary">
                    {t('eventFeeds.allowlist.remove')} <span className="visually-hidden">{h.pattern}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
        {manageHosts ? (
          <form method="post" className="filters">
            <input type="hidden" name="intent" value="host-add" />
            <FormToken />
            <TextField
              id="host-pattern"
              label={t('eventFeeds.allowlist.pattern')}
              name="pattern"
              required
              maxLength={253}
            />
            <TextField id="host-note" label={t('eventFeeds.allowlist.note')} name="note" maxLength={300} />
            <button type="submit">{t('eventFeeds.allowlist.add')}</button>
          </form>
        ) : null}
      </section>
    </>
  );
}
