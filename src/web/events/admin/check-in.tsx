// Back office: check-in at the door. The ticket code is typed (works without JavaScript) or scanned with the
// camera (a small enhancement: this page hydrates, and the scanner loads jsQR only when started). Walk-ins
// are added with a name (optional) and a head count.
import { useEffect, useRef, useState } from 'react';
import { isAppError } from '../../../lib/errors.ts';
import { messagesFor, t as translate } from '../../../lib/i18n.server.ts';
import type { MessageKey, MessageParams } from '../../../lib/i18n.ts';
import { CheckInInputSchema, WalkInInputSchema } from '../../../modules/events/events.schemas.server.ts';
import { getStaffEvent } from '../../../modules/events/events.usecases.server.ts';
import { addWalkIn, checkIn } from '../../../modules/events/events-attendance.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { SessionTime, sessionTimeText } from '../components/EventParts.tsx';
import type { Route } from './+types/check-in.ts';

export const handle = { hydrate: true };

/**
 * Every message this page's components show. The page hydrates, so its browser gets these strings from the
 * loader rather than a catalogue (ADR 0002); a key missing here shows as the key, on the server too.
 */
const MESSAGES = [
  'events.checkin.title',
  'events.admin.session',
  'events.checkin.chooseSession',
  'events.checkin.present',
  'events.checkin.byCode',
  'events.mail.ticketCode',
  'events.checkin.codeHint',
  'events.checkin.submit',
  'events.checkin.scan',
  'events.checkin.stopCamera',
  'events.checkin.cameraLabel',
  'events.checkin.walkIn',
  'events.checkin.walkInName',
  'events.checkin.walkInCount',
  'events.checkin.addWalkIn',
] as const satisfies readonly MessageKey[];

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
      messages: messagesFor(locale, MESSAGES),
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

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

/** jsQR is a CommonJS/UMD build: its function sits at `default`, or at `default.default` after bundling. */
function decoderFrom(m: unknown): Decode | null {
  if (typeof m === 'function') return m as Decode;
  if (m && typeof m === 'object' && 'default' in m) return decoderFrom((m as { default: unknown }).default);
  return null;
}

/** Camera scanning: offered only once JavaScript runs and the browser has a camera API. */
function Scanner({ formId }: { formId: string }) {
  const t = useT();
  const [available, setAvailable] = useState(false);
  const [scanning, setScanning] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => setAvailable(Boolean(navigator.mediaDevices?.getUserMedia)), []);
  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    (async () => {
      const jsQR = decoderFrom(await import('jsqr'));
      if (!jsQR) throw new Error('jsQR not loaded');
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      const v = video.current;
      if (!v || stopped) return;
      v.srcObject = stream;
      await v.play();
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      const tick = () => {
        if (stopped || !ctx) return;
        if (v.videoWidth) {
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          ctx.drawImage(v, 0, 0);
          const found = jsQR(
            ctx.getImageData(0, 0, canvas.width, canvas.height).data,
            canvas.width,
            canvas.height,
          );
          if (found?.data) {
            const form = document.getElementById(formId) as HTMLFormElement | null;
            const input = form?.elements.namedItem('code') as HTMLInputElement | null;
            if (form && input) {
              input.value = found.data;
              stopped = true;
              form.requestSubmit();
              return;
            }
          }
        }
        frame = requestAnimationFrame(tick);
      };
      tick();
    })().catch(() => setScanning(false));
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [scanning, formId]);
  if (!available) return null;
  return (
    <div className="scanner">
      <button type="button" onClick={() => setScanning((s) => !s)}>
        {scanning ? t('events.checkin.stopCamera') : t('events.checkin.scan')}
      </button>
      {scanning ? (
        <video ref={video} muted playsInline aria-label={t('events.checkin.cameraLabel')} width={320} />
      ) : null}
    </div>
  );
}

export default function CheckInPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
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
        <div className="field">
          <label htmlFor="ci-session-pick">{t('events.admin.session')}</label>
          <select id="ci-session-pick" name="session" defaultValue={sessionId}>
            {d.sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {sessionTimeText(s.startsAt, s.endsAt)}
              </option>
            ))}
          </select>
        </div>
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
          <div className="field">
            <label htmlFor="ci-code">{t('events.mail.ticketCode')}</label>
            <p className="hint" id="ci-code-hint">
              {t('events.checkin.codeHint')}
            </p>
            <input
              id="ci-code"
              name="code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={300}
              aria-describedby="ci-code-hint"
            />
          </div>
          <button type="submit">{t('events.checkin.submit')}</button>
        </form>
        <Scanner formId="ci-form" />
      </section>
      <section aria-labelledby="ci-walkin-title">
        <h2 id="ci-walkin-title">{t('events.checkin.walkIn')}</h2>
        <form method="post" className="form">
          <input type="hidden" name="intent" value="walk-in" />
          <FormToken />
          <input type="hidden" name="sessionId" value={sessionId} />
          <div className="field">
            <label htmlFor="ci-walkin-name">{t('events.checkin.walkInName')}</label>
            <input id="ci-walkin-name" name="name" maxLength={120} />
          </div>
          <div className="field">
            <label htmlFor="ci-walkin-count">{t('events.checkin.walkInCount')}</label>
            <input
              id="ci-walkin-count"
              name="partySize"
              type="number"
              min={1}
              max={200}
              defaultValue="1"
              inputMode="numeric"
            />
          </div>
          <button type="submit">{t('events.checkin.addWalkIn')}</button>
        </form>
      </section>
    </>
  );
}
