// Back office: check-in at the door. The ticket code is typed (works without JavaScript) or scanned with the
// camera: a small script island (src/web/ui/scan.js, as on the circulation desk) adds the camera button; the
// page itself never hydrates, and jsQR loads only when the camera starts in a browser without BarcodeDetector.
// Walk-ins are added with a name (optional) and a head count. With no network at the door, a second small island
// (check-in-offline.js) checks codes against the session's ticket list kept on the device, queues them ("saved,
// will sync") and sends them when the network is back, reporting duplicates and invalid tickets then.
import jsqrUrl from 'jsqr/dist/jsQR.js?url&no-inline';
import { useRouteLoaderData } from 'react-router';
import { isAppError } from '../../../lib/errors.ts';
import { messagesFor, t as translate } from '../../../lib/i18n.server.ts';
import type { MessageKey, MessageParams } from '../../../lib/i18n.ts';
import { CheckInInputSchema, WalkInInputSchema } from '../../../modules/events/events.schemas.server.ts';
import { getStaffEvent } from '../../../modules/events/events.usecases.server.ts';
import {
  addWalkIn,
  checkIn,
  offlineTicketList,
} from '../../../modules/events/events-attendance.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import scanUrl from '../../ui/scan.js?url&no-inline';
import { SessionTime, sessionTimeText } from '../components/EventParts.tsx';
import { OFFLINE_CHECK_IN_MESSAGES, OfflineCheckInData, OfflineCheckInScript } from '../OfflineCheckIn.tsx';
import type { Route } from './+types/check-in.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    const view = await getStaffEvent(deps, actor, params.eventId);
    if (!view.canCheckIn) throw new Response(null, { status: 403 });
    const now = deps.now();
    const live = view.sessions.filter((s) => !s.cancelled);
    const asked = new URL(request.url).searchParams.get('session');
    const current =
      live.find((s) => s.id === asked) ?? live.find((s) => s.endsAt > now) ?? live.at(-1) ?? null;
    return {
      event: { id: view.event.id, title: view.event.title },
      sessions: live.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt })),
      sessionId: current?.id ?? '',
      attendance: view.attendance,
      offline: current
        ? {
            eventId: view.event.id,
            sessionId: current.id,
            tickets: await offlineTicketList(deps, actor, view.event.id, current.id),
            messages: messagesFor(locale, OFFLINE_CHECK_IN_MESSAGES),
          }
        : null,
    };
  } catch (e) {
    if (e instanceof Response) throw e;
    rethrowForPage(e);
  }
}

/** What happened, already in the visitor's language (any use case's error message may be the answer). */
type Outcome = { ok: boolean; message: string; sessionId: string };

export async function action({ params, request, context }: Route.ActionArgs): Promise<Outcome> {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const sessionId = formText(form, 'sessionId');
  const outcome = (ok: boolean, key: MessageKey, params?: MessageParams): Outcome => ({
    ok,
    message: translate(locale, key, params),
    sessionId,
  });
  try {
    if (formText(form, 'intent') === 'walk-in') {
      const parsed = WalkInInputSchema.safeParse({
        sessionId,
        name: formText(form, 'name'),
        partySize: Number(formText(form, 'partySize') || '1'),
      });
      if (!parsed.success) return outcome(false, 'events.checkin.walkInInvalid');
      await onceForm(deps, actor, 'events.walkIn.create', form, async (d) => {
        await addWalkIn(d, actor, params.eventId, parsed.data);
      });
      return outcome(true, 'events.checkin.walkInAdded', { count: parsed.data.partySize });
    }
    const parsed = CheckInInputSchema.safeParse({ sessionId, code: formText(form, 'code') });
    if (!parsed.success) return outcome(false, 'events.error.checkIn.badCode');
    const r = await checkIn(deps, actor, params.eventId, parsed.data);
    return outcome(true, 'events.checkin.done', { name: r.name, count: r.partySize });
  } catch (e) {
    if (!isAppError(e) || e.status === 401 || e.status === 403) throw e;
    return outcome(false, e.messageKey, e.params);
  }
}

export default function CheckInPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  const sessionId = actionData?.sessionId || d.sessionId;
  const current = d.sessions.find((s) => s.id === sessionId);
  const a = d.attendance.find((x) => x.sessionId === sessionId);
  return (
    <>
      <title>{`${t('events.checkin.title')} — ${d.event.title} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href(`/admin/events/${d.event.id}`)}>{d.event.title}</a>
      </p>
      <h1>{t('events.checkin.title')}</h1>
      {actionData ? (
        <p className={actionData.ok ? 'alert-ok' : 'alert-error'} role={actionData.ok ? 'status' : 'alert'}>
          {actionData.message}
        </p>
      ) : null}
      <form method="get" className="filters">
        <SelectField
          id="ci-session-pick"
          label={t('events.admin.session')}
          name="session"
          defaultValue={sessionId}
        >
          {d.sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {sessionTimeText(s.startsAt, s.endsAt)}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('events.checkin.chooseSession')}</button>
      </form>
      {current ? (
        <p>
          <SessionTime startsAt={current.startsAt} endsAt={current.endsAt} /> —{' '}
          {t('events.checkin.present', { registered: a?.registered ?? 0, walkIns: a?.walkIns ?? 0 })}
        </p>
      ) : null}
      <section aria-labelledby="ci-code-title">
        <h2 id="ci-code-title">{t('events.checkin.byCode')}</h2>
        <form method="post" className="form" id="ci-form">
          <input type="hidden" name="intent" value="check-in" />
          <input type="hidden" name="sessionId" value={sessionId} />
          <TextField
            id="ci-code"
            label={t('events.mail.ticketCode')}
            hint={t('events.checkin.codeHint')}
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={300}
            data-scan=""
          />
          <button type="submit">{t('events.checkin.submit')}</button>
        </form>
      </section>
      <section aria-labelledby="ci-walkin-title">
        <h2 id="ci-walkin-title">{t('events.checkin.walkIn')}</h2>
        <form method="post" className="form">
          <input type="hidden" name="intent" value="walk-in" />
          <FormToken />
          <input type="hidden" name="sessionId" value={sessionId} />
          <TextField id="ci-walkin-name" label={t('events.checkin.walkInName')} name="name" maxLength={120} />
          <TextField
            id="ci-walkin-count"
            label={t('events.checkin.walkInCount')}
            name="partySize"
            type="number"
            min={1}
            max={200}
            defaultValue="1"
            inputMode="numeric"
          />
          <button type="submit">{t('events.checkin.addWalkIn')}</button>
        </form>
      </section>
      <section aria-labelledby="ci-offline-title" id="ci-offline" hidden>
        <h2 id="ci-offline-title">{t('events.checkin.offline.title')}</h2>
        <p id="ci-offline-status" role="status" aria-live="polite" />
        <ul id="ci-offline-log" />
      </section>
      {d.offline ? <OfflineCheckInData list={d.offline} /> : null}
      <div
        id="scan-config"
        hidden
        data-jsqr={jsqrUrl}
        data-scan-label={t('events.checkin.scan')}
        data-stop-label={t('events.checkin.stopCamera')}
        data-camera-label={t('events.checkin.cameraLabel')}
      />
      <script src={scanUrl} nonce={root?.nonce} defer />
      {d.offline ? <OfflineCheckInScript nonce={root?.nonce} /> : null}
    </>
  );
}
