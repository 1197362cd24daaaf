// Back office: add a service point for one of the units the signed-in person keeps.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { unitOptions } from '../../../modules/places/places.admin.server.ts';
import { CreatePlaceSchema } from '../../../modules/places/places.schemas.server.ts';
import { createPlace } from '../../../modules/places/places.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { PlaceForm } from '../components/PlaceForm.tsx';
import { PLACE_MESSAGES, readPlaceForm } from '../forms.server.ts';
import type { Route } from './+types/new.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    return { units: await unitOptions(deps, actor, 'places.place.create') };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const { values, input } = readPlaceForm(form);
  const parsed = CreatePlaceSchema.safeParse(input);
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, PLACE_MESSAGES), values);
  try {
    // Only the id is kept as the outcome: a resubmission of the same form redirects to the same place.
    const place = await onceForm(deps, actor, 'places.place.create', form, async (d) => ({
      id: (await createPlace(d, actor, parsed.data)).id,
    }));
    return redirect(`${localePath(locale, `/admin/places/${place.id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values, 'place-unit');
  }
}

export default function NewPlacePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const units = loaderData.units;
  return (
    <>
      <title>{`${t('places.admin.new')} — Suốt Đời`}</title>
      <h1>{t('places.admin.new')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      <PlaceForm
        values={actionData?.values ?? (units.length === 1 ? { unitId: units[0]?.id ?? '' } : {})}
        errors={actionData?.errors}
        units={units}
        submitLabel={t('places.admin.create')}
      />
    </>
  );
}
