// The place edit page's form posts (see edit.tsx): each form posts an `intent`; invalid input comes back as
// field-linked messages, a stale form as the place as stored now beside the user's input.
import { redirect } from 'react-router';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Actor } from '../../../lib/authz.ts';
import { type Locale, localePath } from '../../../lib/i18n.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import { placeForEdit } from '../../../modules/places/places.admin.server.ts';
import { removePlacePhoto } from '../../../modules/places/places.photos.server.ts';
import type { PlaceRow } from '../../../modules/places/places.repository.server.ts';
import {
  HoursExceptionSchema,
  IsoDay,
  UpdatePlaceSchema,
  WeeklyHoursSchema,
} from '../../../modules/places/places.schemas.server.ts';
import {
  type PlacesDeps,
  removeHoursException,
  setHoursException,
  setWeeklyHours,
  updatePlace,
} from '../../../modules/places/places.usecases.server.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { conflictForm, formVersion } from '../../ui/version-forms.ts';
import {
  EXCEPTION_MESSAGES,
  PLACE_MESSAGES,
  type PlaceFormValues,
  readExceptionForm,
  readHoursForm,
  readPlaceForm,
} from '../forms.server.ts';

/** The place as the details form shows it. */
export function placeFormValues(place: PlaceRow): PlaceFormValues {
  return {
    unitId: place.unitId,
    kind: place.kind,
    name: place.name,
    district: place.district ?? '',
    commune: place.commune ?? '',
    address: place.address ?? '',
    lat: place.lat === null ? '' : String(place.lat),
    lng: place.lng === null ? '' : String(place.lng),
    phone: place.phone ?? '',
    email: place.email ?? '',
    website: place.website ?? '',
    description: place.description ?? '',
    accessibility: place.accessibility ?? '',
    status: place.status,
    services: place.services.join(','),
  };
}

/** A stale save: the user's input kept, the place as stored now and its version beside it. */
async function staleAnswer(
  ctx: { deps: PlacesDeps; actor: Actor },
  placeId: string,
  values: Record<string, string>,
) {
  const now = await placeForEdit(ctx.deps, ctx.actor, placeId);
  return conflictForm(values, { version: now.place.version, saved: placeFormValues(now.place) });
}

/** The edit page's form posts: details, weekly hours, a dated exception, removing an exception or a photo. */
export async function editPlaceAction(
  deps: AppDeps,
  actor: Actor,
  locale: Locale,
  request: Request,
  placeId: string,
) {
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const version = formVersion(form);
  const done = () => redirect(`${localePath(locale, `/admin/places/${placeId}`)}?done=saved`, 303);
  if (intent === 'hours') {
    const { values, weekly } = readHoursForm(form);
    const parsed = WeeklyHoursSchema.safeParse({ weekly });
    if (!parsed.success)
      return invalid([{ key: 'places.invalid.time', field: 'hours-table' }], { intent, ...values });
    try {
      await setWeeklyHours(deps, actor, placeId, { ...parsed.data, version });
      return done();
    } catch (e) {
      if (isVersionConflict(e)) return staleAnswer({ deps, actor }, placeId, { intent, ...values });
      return failure(e, { intent, ...values }, 'hours-table');
    }
  }
  if (intent === 'exception') {
    const { values, input } = readExceptionForm(form);
    const parsed = HoursExceptionSchema.safeParse(input);
    if (!parsed.success)
      return invalid(issuesToMessages(parsed.error, EXCEPTION_MESSAGES), { intent, ...values });
    try {
      await onceForm(deps, actor, 'places.exception.create', form, async (d) => {
        await setHoursException(d, actor, placeId, { ...parsed.data, version });
      });
      return done();
    } catch (e) {
      if (isVersionConflict(e)) return staleAnswer({ deps, actor }, placeId, { intent, ...values });
      return failure(e, { intent, ...values });
    }
  }
  if (intent === 'removePhoto') {
    try {
      await removePlacePhoto(deps, actor, placeId, formText(form, 'fileId'));
      return done();
    } catch (e) {
      return failure(e, { intent });
    }
  }
  if (intent === 'removeException') {
    const day = IsoDay.safeParse(formText(form, 'day'));
    if (!day.success) return invalid([{ key: 'places.invalid.day' }], { intent });
    try {
      await removeHoursException(deps, actor, placeId, day.data, version);
      return done();
    } catch (e) {
      return failure(e, { intent });
    }
  }
  const { values, input } = readPlaceForm(form);
  const posted = { intent: 'details', ...values, version: String(version) };
  const parsed = UpdatePlaceSchema.safeParse({ ...input, version });
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, PLACE_MESSAGES), posted);
  try {
    await updatePlace(deps, actor, placeId, parsed.data);
    return done();
  } catch (e) {
    if (isVersionConflict(e)) return staleAnswer({ deps, actor }, placeId, posted);
    return failure(e, posted, 'place-unit');
  }
}
