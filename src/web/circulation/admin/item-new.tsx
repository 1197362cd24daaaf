// Back office: make a catalogue copy lendable by its holding's barcode (kind of item, where it lives).
import { isAppError } from '../../../lib/errors.ts';
import { addItem } from '../../../modules/circulation/circulation.readers.usecases.server.ts';
import { deskLocations } from '../../../modules/circulation/circulation.views.server.ts';
import { ITEM_KINDS } from '../../../modules/circulation/circulation.vocab.ts';
import { unitOptions } from '../../../modules/places/places.admin.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { type FormMessage, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ScanField } from '../components/ScanField.tsx';
import { deskFrom } from '../desk.server.ts';
import type { Route } from './+types/item-new.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const units = await unitOptions(deps, actor, 'circulation.desk');
    const asked = new URL(request.url).searchParams.get('unit');
    const unitId = units.find((u) => u.id === asked)?.id ?? units[0]?.id ?? '';
    const where = unitId ? await deskLocations(deps, actor, unitId) : { places: [], routes: [] };
    return { unitId, ...where };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = {
    barcode: formText(form, 'barcode').slice(0, 100),
    kind: formText(form, 'kind'),
    home: formText(form, 'home'),
  };
  const kind = (ITEM_KINDS as readonly string[]).includes(values.kind) ? values.kind : 'book';
  const home = deskFrom('', values.home);
  try {
    const item = await addItem(deps, actor, {
      barcode: values.barcode,
      itemKind: kind,
      homePlaceId: home.placeId,
      homeRouteId: home.routeId,
    });
    return { ok: true as const, barcode: item.barcode, errors: [] as FormMessage[], values };
  } catch (e) {
    if (!isAppError(e) || e.status === 401) throw e;
    const errors: FormMessage[] = [
      { key: e.messageKey, ...(e.params ? { params: e.params } : {}), field: 'item-barcode' },
    ];
    return { ok: false as const, barcode: '', errors, values };
  }
}

export default function ItemNewPage({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('circulation.item.title')} — Suốt Đời`}</title>
      <h1>{t('circulation.item.title')}</h1>
      {a?.ok ? (
        <p className="alert-ok" role="status">
          {t('circulation.item.created', { barcode: a.barcode })}
        </p>
      ) : null}
      <ErrorSummary errors={a?.errors} />
      <p>{t('circulation.item.hint')}</p>
      <form method="post" className="form">
        <ScanField id="item-barcode" name="barcode" label={t('circulation.desk.barcode')} />
        <SelectField
          id="item-kind"
          label={t('circulation.item.kind')}
          name="kind"
          defaultValue={a?.values.kind ?? 'book'}
        >
          {ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`circulation.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="item-home"
          label={t('circulation.item.home')}
          name="home"
          defaultValue={a?.values.home ?? ''}
        >
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
        <button type="submit">{t('circulation.item.submit')}</button>
      </form>
    </>
  );
}
