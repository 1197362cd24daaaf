// Back office: the circulation desk. Lend, return, renew, lost/damaged, each a plain form that works without
// JavaScript (typed or scanner-typed codes); a small script adds camera scanning (no hydration of the page).

import jsqrUrl from 'jsqr/dist/jsQR.js?url&no-inline';
import { useRouteLoaderData } from 'react-router';
import { formatDate, isoDateInVietnam } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { catalogueRecordsPort } from '../../../modules/catalogue/index.server.ts';
import {
  checkin,
  checkout,
  markItem,
  renew,
} from '../../../modules/circulation/circulation.desk.usecases.server.ts';
import { deskLocations } from '../../../modules/circulation/circulation.views.server.ts';
import { placesPort } from '../../../modules/places/index.server.ts';
import { unitOptions } from '../../../modules/places/places.admin.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import type { loader as rootLoader } from '../../root.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import scanUrl from '../../ui/scan.js?url&no-inline';
import { ScanField } from '../components/ScanField.tsx';
import { type DeskOutcome, deskFrom, say } from '../desk.server.ts';
import type { Route } from './+types/desk.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const units = await unitOptions(deps, actor, 'circulation.desk');
    const q = new URL(request.url).searchParams;
    const unitId = units.find((u) => u.id === q.get('unit'))?.id ?? units[0]?.id ?? '';
    const where = unitId ? await deskLocations(deps, actor, unitId) : { places: [], routes: [] };
    const at = q.get('at') ?? '';
    return { units, unitId, at, places: where.places, routes: where.routes };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs): Promise<DeskOutcome> {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const desk = deskFrom(formText(form, 'unit'), formText(form, 'at'));
  const barcode = formText(form, 'barcode').slice(0, 100);
  const titleOf = async (recordId: string) =>
    (await catalogueRecordsPort.summaries(deps, deps.db, [recordId]))[0]?.title ?? barcode;
  try {
    switch (formText(form, 'intent')) {
      case 'checkout': {
        const r = await checkout(deps, actor, desk, {
          card: formText(form, 'card').slice(0, 200),
          barcode,
          txnId: formText(form, 'txn').slice(0, 80) || `desk-${crypto.randomUUID()}`,
        });
        return {
          ...say(locale, true, 'circulation.desk.lent', {
            name: r.reader.name,
            title: await titleOf(r.item.recordId),
            due: formatDate(r.loan.dueAt),
          }),
          recordId: r.item.recordId,
        };
      }
      case 'checkin': {
        const r = await checkin(deps, actor, desk, { barcode });
        const title = await titleOf(r.item.recordId);
        const about = { recordId: r.item.recordId };
        const fine =
          r.fineVnd > 0
            ? say(locale, true, 'circulation.desk.fine', { amount: r.fineVnd }).message
            : undefined;
        if (r.outcome === 'on_hold_shelf')
          return {
            ...say(
              locale,
              true,
              'circulation.desk.returnedHold',
              { title, name: r.holdReaderName ?? '' },
              fine,
            ),
            ...about,
          };
        if (r.outcome === 'available')
          return { ...say(locale, true, 'circulation.desk.returnedHere', { title }, fine), ...about };
        const to = r.toPlaceId
          ? ((await placesPort.names(deps, deps.db, [r.toPlaceId]))[0]?.name ?? '')
          : ((await deps.repos.units.nameAsOf(deps.db, r.toUnitId, isoDateInVietnam(deps.now()))) ??
            r.toUnitId);
        return { ...say(locale, true, 'circulation.desk.returnedTransit', { title, to }, fine), ...about };
      }
      case 'renew': {
        const loan = await renew(deps, actor, { barcode, desk });
        return {
          ...say(locale, true, 'circulation.desk.renewed', {
            title: await titleOf(loan.recordId),
            due: formatDate(loan.dueAt),
          }),
          recordId: loan.recordId,
        };
      }
      case 'mark': {
        const as = formText(form, 'as') === 'lost' ? 'lost' : 'withdrawn';
        const item = await markItem(deps, actor, desk, { barcode, as });
        return say(locale, true, 'circulation.desk.marked', { barcode: item.barcode });
      }
      default:
        return say(locale, false, 'circulation.error.invalid');
    }
  } catch (e) {
    if (!isAppError(e) || e.status === 401) throw e;
    return { ok: false, message: say(locale, false, e.messageKey, e.params).message };
  }
}

function DeskForm(p: {
  intent: string;
  title: string;
  unitId: string;
  at: string;
  children?: React.ReactNode;
  submit: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby={`desk-${p.intent}-title`} className="desk-section">
      <h2 id={`desk-${p.intent}-title`}>{p.title}</h2>
      <form method="post" className="form" id={`desk-${p.intent}`}>
        <input type="hidden" name="intent" value={p.intent} />
        <input type="hidden" name="unit" value={p.unitId} />
        <input type="hidden" name="at" value={p.at} />
        {p.children}
        <ScanField id={`desk-${p.intent}-barcode`} name="barcode" label={t('circulation.desk.barcode')} />
        <button type="submit">{p.submit}</button>
      </form>
    </section>
  );
}

export default function DeskPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const root = useRouteLoaderData<typeof rootLoader>('root');
  if (!d.unitId)
    return (
      <>
        <title>{`${t('circulation.desk.title')} — Suốt Đời`}</title>
        <h1>{t('circulation.desk.title')}</h1>
        <p>{t('circulation.desk.noUnit')}</p>
      </>
    );
  return (
    <>
      <title>{`${t('circulation.desk.title')} — Suốt Đời`}</title>
      <h1>{t('circulation.desk.title')}</h1>
      {actionData ? (
        <div className={actionData.ok ? 'alert-ok' : 'alert-error'} role={actionData.ok ? 'status' : 'alert'}>
          <p>{actionData.message}</p>
          {actionData.extra ? <p>{actionData.extra}</p> : null}
          {actionData.recordId ? (
            <p>
              <a href={href(`/records/${encodeURIComponent(actionData.recordId)}`)}>
                {t('circulation.desk.openRecord')}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <form method="get" className="filters">
        <fieldset>
          <legend>{t('circulation.desk.where')}</legend>
          <SelectField id="desk-unit" label={t('circulation.desk.unit')} name="unit" defaultValue={d.unitId}>
            {d.units.map((u) => (
              <option key={u.id} value={u.id}>
                {`${'— '.repeat(u.depth)}${u.name}`}
              </option>
            ))}
          </SelectField>
          <SelectField id="desk-at" label={t('circulation.desk.location')} name="at" defaultValue={d.at}>
            <option value="">{t('circulation.desk.locationNone')}</option>
            {d.places.map((p) => (
              <option key={p.id} value={`place:${p.id}`}>
                {p.name}
              </option>
            ))}
            {d.routes.map((r) => (
              <option key={r.id} value={`route:${r.id}`}>
                {t('circulation.desk.route', { name: r.name })}
              </option>
            ))}
          </SelectField>
          <button type="submit">{t('circulation.desk.choose')}</button>
        </fieldset>
      </form>
      <DeskForm
        intent="checkout"
        title={t('circulation.desk.checkout')}
        unitId={d.unitId}
        at={d.at}
        submit={t('circulation.desk.checkout')}
      >
        <input type="hidden" name="txn" value={crypto.randomUUID()} />
        <ScanField id="desk-checkout-card" name="card" label={t('circulation.desk.card')} numeric />
      </DeskForm>
      <DeskForm
        intent="checkin"
        title={t('circulation.desk.checkin')}
        unitId={d.unitId}
        at={d.at}
        submit={t('circulation.desk.checkin')}
      />
      <DeskForm
        intent="renew"
        title={t('circulation.desk.renew')}
        unitId={d.unitId}
        at={d.at}
        submit={t('circulation.desk.renew')}
      />
      <DeskForm
        intent="mark"
        title={t('circulation.desk.mark')}
        unitId={d.unitId}
        at={d.at}
        submit={t('circulation.desk.markAs')}
      >
        <SelectField id="desk-mark-as" label={t('circulation.desk.markAs')} name="as">
          <option value="lost">{t('circulation.desk.markLost')}</option>
          <option value="withdrawn">{t('circulation.desk.markDamaged')}</option>
        </SelectField>
      </DeskForm>
      <ul className="desk-links">
        <li>
          <a href={`${href('/admin/circulation/readers/new')}?unit=${encodeURIComponent(d.unitId)}`}>
            {t('circulation.desk.newReader')}
          </a>
        </li>
        <li>
          <a href={`${href('/admin/circulation/items/new')}?unit=${encodeURIComponent(d.unitId)}`}>
            {t('circulation.desk.addCopy')}
          </a>
        </li>
        <li>
          <a href={`${href('/admin/circulation/stats')}?unit=${encodeURIComponent(d.unitId)}`}>
            {t('circulation.desk.stats')}
          </a>
        </li>
        <li>
          <a href={`${href('/admin/circulation/van')}?unit=${encodeURIComponent(d.unitId)}`}>
            {t('circulation.nav.van')}
          </a>
        </li>
        <li>
          <a href={`${href('/admin/circulation/rules')}?unit=${encodeURIComponent(d.unitId)}`}>
            {t('circulation.rules.title')}
          </a>
        </li>
      </ul>
      <div
        id="scan-config"
        hidden
        data-jsqr={jsqrUrl}
        data-scan-label={t('circulation.desk.scan')}
        data-stop-label={t('circulation.desk.stopScan')}
      />
      <script src={scanUrl} nonce={root?.nonce} defer />
    </>
  );
}
