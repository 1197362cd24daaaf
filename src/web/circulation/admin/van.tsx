// Back office: the mobile-library van, installable and usable without network. The page carries the route's
// pack (readers, copies on board); lends, returns and new readers go to a queue in the device's IndexedDB and
// are sent to POST /api/v1/circulation/sync when the network is back (van.js). Without JavaScript the page
// says to use the desk.
import { useRouteLoaderData } from 'react-router';
import { messagesFor } from '../../../lib/i18n.server.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { VAN_CACHE } from '../../../modules/circulation/circulation.http.server.ts';
import { type VanPack, vanPack } from '../../../modules/circulation/circulation.van-pack.server.ts';
import { deskLocations } from '../../../modules/circulation/circulation.views.server.ts';
import { unitOptions } from '../../../modules/places/places.admin.server.ts';
import { requestContext } from '../../context.ts';
import { OFFLINE_CHECK_IN_MESSAGES, OfflineCheckInScript } from '../../events/OfflineCheckIn.tsx';
import { useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { VanEvents, VanHolds } from '../components/VanPackParts.tsx';
import vanUrl from '../van.js?url&no-inline';
import type { Route } from './+types/van.ts';

const ERRORS = [
  'circulation.error.unknownBarcode',
  'circulation.error.withdrawn',
  'circulation.error.lost',
  'circulation.error.otherUnit',
  'circulation.error.unknownCard',
  'circulation.error.cardInvalid',
  'circulation.error.readerBlocked',
  'circulation.error.atLimit',
  'circulation.error.overdueBlocked',
  'circulation.error.onLoan',
  'circulation.error.alreadyYours',
  'circulation.error.heldForAnother',
  'circulation.error.inTransit',
  'circulation.error.notOnLoan',
  'circulation.error.guardianRequired',
  'circulation.van.applied',
  'circulation.van.flagged',
  'circulation.van.refused',
  'circulation.van.queued',
  'circulation.van.syncing',
  'circulation.van.synced',
  'circulation.van.offline',
  'circulation.van.newCard',
  'circulation.van.ready',
  'circulation.error.holdCancelled',
  'circulation.error.holdFilledByOther',
  'circulation.van.handedOver',
  'circulation.van.cardGiven',
  'circulation.error.cardReplaced',
] as const satisfies readonly MessageKey[];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    const units = await unitOptions(deps, actor, 'circulation.desk');
    const q = new URL(request.url).searchParams;
    const unitId = units.find((u) => u.id === q.get('unit'))?.id ?? units[0]?.id ?? '';
    const where = unitId ? await deskLocations(deps, actor, unitId) : { places: [], routes: [] };
    const routeId = where.routes.find((r) => r.id === q.get('route'))?.id ?? where.routes[0]?.id ?? null;
    // The day whose events the pack carries: today, or the day of a trip loaded the evening before.
    const asked = q.get('day') ?? '';
    const day = /^\d{4}-\d{2}-\d{2}$/.test(asked) && !Number.isNaN(Date.parse(asked)) ? asked : undefined;
    const pack: VanPack = unitId
      ? await vanPack(deps, actor, unitId, routeId, day)
      : { readers: [], items: [], holds: [], events: [], day: '' };
    return {
      unitId,
      routeId,
      routes: where.routes,
      cache: VAN_CACHE,
      pack,
      messages: messagesFor(locale, ERRORS),
      checkInMessages: messagesFor(locale, OFFLINE_CHECK_IN_MESSAGES),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function VanPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  return (
    <>
      <title>{`${t('circulation.van.title')} — Suốt Đời`}</title>
      <link rel="manifest" href="/admin/circulation/van.webmanifest" crossOrigin="use-credentials" />
      <meta name="theme-color" content="#0b5c46" />
      <h1>{t('circulation.van.title')}</h1>
      <noscript>
        <p>{t('circulation.van.needsScript')}</p>
      </noscript>
      <form method="get" className="filters">
        <SelectField
          id="van-route"
          label={t('circulation.desk.location')}
          name="route"
          defaultValue={d.routeId ?? ''}
        >
          {d.routes.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="van-day"
          label={t('circulation.van.day')}
          name="day"
          type="date"
          defaultValue={d.pack.day}
        />
        <input type="hidden" name="unit" value={d.unitId} />
        <button type="submit">{t('circulation.desk.choose')}</button>
      </form>
      <p>
        {t('circulation.van.pack', { readers: d.pack.readers.length, items: d.pack.items.length })}{' '}
        {t('circulation.van.packMore', { holds: d.pack.holds.length, events: d.pack.events.length })}
      </p>
      <p id="van-status" role="status" aria-live="polite" />
      <div id="van" hidden data-unit={d.unitId} data-route={d.routeId ?? ''} data-cache={d.cache}>
        <section aria-labelledby="van-lend-title">
          <h2 id="van-lend-title">{t('circulation.desk.checkout')}</h2>
          <form className="form" data-kind="checkout">
            <TextField
              id="van-card"
              label={t('circulation.desk.card')}
              name="card"
              required
              inputMode="numeric"
              autoComplete="off"
            />
            <TextField
              id="van-lend-barcode"
              label={t('circulation.desk.barcode')}
              name="barcode"
              required
              autoComplete="off"
            />
            <button type="submit">{t('circulation.desk.checkout')}</button>
          </form>
        </section>
        <section aria-labelledby="van-return-title">
          <h2 id="van-return-title">{t('circulation.desk.checkin')}</h2>
          <form className="form" data-kind="checkin">
            <TextField
              id="van-return-barcode"
              label={t('circulation.desk.barcode')}
              name="barcode"
              required
              autoComplete="off"
            />
            <button type="submit">{t('circulation.desk.checkin')}</button>
          </form>
        </section>
        <section aria-labelledby="van-reader-title">
          <h2 id="van-reader-title">{t('circulation.reader.title')}</h2>
          <form className="form" data-kind="register">
            <TextField
              id="van-reader-name"
              label={t('circulation.reader.name')}
              name="name"
              required
              maxLength={200}
              autoComplete="off"
            />
            <div className="field checkbox">
              <input id="van-reader-consent" name="consent" type="checkbox" value="yes" required />
              <label htmlFor="van-reader-consent">{t('circulation.reader.consent')}</label>
            </div>
            <button type="submit">{t('circulation.reader.submit')}</button>
          </form>
        </section>
        <VanHolds holds={d.pack.holds} />
        <VanEvents events={d.pack.events} messages={d.checkInMessages} />
        <section aria-labelledby="van-queue-title">
          <h2 id="van-queue-title">{t('circulation.van.queue')}</h2>
          <button type="button" id="van-sync">
            {t('circulation.van.sync')}
          </button>
          <ol id="van-queue" />
        </section>
      </div>
      <div id="van-pack" hidden data-pack={JSON.stringify({ pack: d.pack, messages: d.messages })} />
      <script src={vanUrl} nonce={root?.nonce} defer />
      {d.pack.events.length ? <OfflineCheckInScript nonce={root?.nonce} /> : null}
    </>
  );
}
