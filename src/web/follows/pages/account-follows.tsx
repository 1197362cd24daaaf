// "Events I follow": what the signed-in person follows (units, places, categories), the upcoming events of
// those, and their private calendar link. Plain forms; other pages may post `intent=follow` here with a
// `returnTo` path to offer a "follow" button.
import { redirect } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { localePath } from '../../../lib/i18n.ts';
import { redirectTarget } from '../../../lib/redirect-target.ts';
import { sessionRow } from '../../../modules/event-feeds/calendar.presenters.ts';
import {
  createFeedToken,
  feedTokenStatus,
  revokeFeedToken,
} from '../../../modules/event-feeds/feeds.usecases.server.ts';
import { EVENT_CATEGORIES, type EventCategory } from '../../../modules/events/events.vocab.ts';
import { FollowInputSchema } from '../../../modules/follows/follows.schemas.server.ts';
import {
  follow,
  followOptions,
  listFollows,
  myFollowedEvents,
  unfollow,
} from '../../../modules/follows/follows.usecases.server.ts';
import { requestContext } from '../../context.ts';
import styles from '../../events/event-calendar.css?url';
import { requireUser } from '../../guards.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/account-follows.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export const middleware: Route.MiddlewareFunction[] = [requireUser];

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [follows, options, upcoming, feed] = await Promise.all([
      listFollows(deps, actor),
      followOptions(deps, actor),
      myFollowedEvents(deps, actor),
      feedTokenStatus(deps, actor),
    ]);
    return {
      follows: follows.map((f) => ({
        id: f.id,
        kind: f.targetKind,
        targetId: f.targetId,
        name: f.targetName,
      })),
      options,
      upcoming: upcoming.map(sessionRow),
      feed: feed
        ? {
            createdAt: formatDateTime(feed.createdAt),
            lastUsedAt: feed.lastUsedAt ? formatDateTime(feed.lastUsedAt) : null,
          }
        : null,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

type Notice = 'followed' | 'already' | 'unfollowed' | 'feedRevoked' | 'feedCreated';

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const ok = (notice: Notice, feedUrl: string | null = null) => ({
    ok: true as const,
    notice,
    feedUrl,
    errors: undefined,
  });
  try {
    if (intent === 'follow') {
      const parsed = FollowInputSchema.safeParse({
        kind: formText(form, 'kind'),
        target: formText(form, 'target'),
      });
      if (!parsed.success) return invalid([{ key: 'follows.error.unknownTarget' }], {});
      const { created } = await onceForm(deps, actor, 'follows.follow.create', form, async (d) => ({
        created: (await follow(d, actor, parsed.data)).created,
      }));
      const back = formText(form, 'returnTo');
      if (back) throw redirect(redirectTarget(back, localePath(locale, '/account/follows')));
      return ok(created ? 'followed' : 'already');
    }
    if (intent === 'unfollow') {
      await unfollow(deps, actor, formText(form, 'followId'));
      return ok('unfollowed');
    }
    if (intent === 'feed-create') return ok('feedCreated', (await createFeedToken(deps, actor)).url);
    if (intent === 'feed-revoke') {
      await revokeFeedToken(deps, actor);
      return ok('feedRevoked');
    }
  } catch (e) {
    if (e instanceof Response) throw e;
    return failure(e, {});
  }
  return invalid([{ key: 'error.validation' }], {});
}

function FollowForm({
  kind,
  label,
  options,
}: {
  kind: 'unit' | 'place' | 'category';
  label: MessageKey;
  options: ReadonlyArray<{ id: string; name: string }>;
}) {
  const t = useT();
  if (!options.length) return null;
  return (
    <form method="post" className="filters">
      <input type="hidden" name="intent" value="follow" />
      <FormToken />
      <input type="hidden" name="kind" value={kind} />
      <SelectField
        id={`follow-${kind}`}
        label={t(`follows.kind.${kind}`)}
        name="target"
        required
        defaultValue=""
      >
        <option value="">{t('follows.choose')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <button type="submit">{t(label)}</button>
    </form>
  );
}

export default function AccountFollows({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { follows, options, upcoming, feed } = loaderData;
  const catLabel = (c: string) => t(`eventFeeds.category.${c as EventCategory}` as MessageKey);
  const categories = EVENT_CATEGORIES.map((c) => ({ id: c, name: catLabel(c) }));
  const followName = (f: (typeof follows)[number]) =>
    f.kind === 'category' ? catLabel(f.targetId) : (f.name ?? f.targetId);
  return (
    <>
      <title>{`${t('follows.title')} — Suốt Đời`}</title>
      <h1>{t('follows.title')}</h1>
      <p className="muted">{t('follows.intro')}</p>
      <ErrorSummary errors={actionData?.ok ? undefined : actionData?.errors} />
      {actionData?.ok && actionData.notice !== 'feedCreated' ? (
        <p className="alert-ok" role="status">
          {t(
            `follows.${actionData.notice === 'feedRevoked' ? 'feed.revoked' : actionData.notice}` as MessageKey,
          )}
        </p>
      ) : null}
      <section aria-labelledby="follows-current">
        <h2 id="follows-current">{t('follows.following')}</h2>
        {follows.length === 0 ? <p>{t('follows.none')}</p> : null}
        <ul>
          {follows.map((f) => (
            <li key={f.id}>
              {t(`follows.kind.${f.kind}`)}: <strong>{followName(f)}</strong>{' '}
              <form method="post" className="inline-form">
                <input type="hidden" name="intent" value="unfollow" />
                <input type="hidden" name="followId" value={f.id} />
                <button
                  type="submit"
                  className="secondary"
                  aria-label={t('follows.unfollow', { name: followName(f) })}
                >
                  {t('follows.unfollowShort')}
                </button>
              </form>
            </li>
          ))}
        </ul>
        <h3 className="small-heading">{t('follows.add')}</h3>
        <FollowForm kind="unit" label="follows.followUnit" options={options.units} />
        <FollowForm kind="place" label="follows.followPlace" options={options.places} />
        <FollowForm kind="category" label="follows.followCategory" options={categories} />
      </section>
      <section aria-labelledby="follows-upcoming">
        <h2 id="follows-upcoming">{t('follows.upcoming')}</h2>
        {upcoming.length === 0 ? <p>{t('follows.upcomingEmpty')}</p> : null}
        <ul className="cal-day-list">
          {upcoming.map((r) => (
            <li key={r.sessionId}>
              <a href={r.externalUrl ?? href(`/events/${r.eventId}`)}>{r.title}</a>
              {r.external ? <span className="badge">{t('eventFeeds.calendar.external')}</span> : null}
              {r.cancelled ? <span className="badge">{t('eventFeeds.calendar.cancelled')}</span> : null}
              <br />
              {`${r.day.slice(8, 10)}/${r.day.slice(5, 7)}/${r.day.slice(0, 4)}`} {r.time} · {r.unitName}
              {r.placeName ? ` · ${r.placeName}` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="follows-feed">
        <h2 id="follows-feed">{t('follows.feed.heading')}</h2>
        <p>{t('follows.feed.help')}</p>
        {actionData?.ok && actionData.feedUrl ? (
          <div className="alert-ok" role="status">
            <p>{t('follows.feed.created')}</p>
            <label htmlFor="feed-url">{t('follows.feed.urlLabel')}</label>
            <input id="feed-url" type="text" readOnly value={actionData.feedUrl} size={60} />
          </div>
        ) : null}
        <p>
          {feed
            ? t('follows.feed.active', {
                createdAt: feed.createdAt,
                lastUsed: feed.lastUsedAt ?? t('follows.feed.neverUsed'),
              })
            : t('follows.feed.none')}
        </p>
        <form method="post" className="inline-form">
          <input type="hidden" name="intent" value="feed-create" />
          <button type="submit">{feed ? t('follows.feed.renew') : t('follows.feed.create')}</button>
        </form>{' '}
        {feed ? (
          <form method="post" className="inline-form">
            <input type="hidden" name="intent" value="feed-revoke" />
            <button type="submit" className="secondary">
              {t('follows.feed.revoke')}
            </button>
          </form>
        ) : null}
      </section>
    </>
  );
}
