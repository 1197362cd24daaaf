// The mobile-library route page's form posts (see mobile-routes-edit.tsx): one action, several intents, each
// calling one use case; invalid input comes back as field-linked messages, a stale form as a conflict.
import { redirect } from 'react-router';
import type { AppDeps } from '../../../app/deps.types.ts';
import type { Actor } from '../../../lib/authz.ts';
import { type Locale, localePath } from '../../../lib/i18n.ts';
import { isBlank } from '../../../lib/text.server.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import { routeForEdit } from '../../../modules/places/places.admin.server.ts';
import {
  addStop,
  cancelStop,
  removeStop,
  restoreStop,
  updateRoute,
} from '../../../modules/places/places.mobile.usecases.server.ts';
import {
  CreateStopSchema,
  IsoDay,
  StopCancellationSchema,
  StopId,
  UpdateRouteSchema,
} from '../../../modules/places/places.schemas.server.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { conflictForm, formVersion } from '../../ui/version-forms.ts';
import { readDates } from '../forms.server.ts';

const orNull = (s: string) => (isBlank(s) ? null : s);

/** The route page's form posts: the route's details, adding or removing a stop, cancelling or restoring a visit. */
export async function editRouteAction(
  deps: AppDeps,
  actor: Actor,
  locale: Locale,
  request: Request,
  routeId: string,
) {
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const done = () => redirect(`${localePath(locale, `/admin/places/routes/${routeId}`)}?done=saved`, 303);
  try {
    if (intent === 'addStop') {
      const values = {
        intent,
        placeId: formText(form, 'placeId'),
        weekday: formText(form, 'weekday'),
        dates: formText(form, 'dates'),
        starts: formText(form, 'starts'),
        ends: formText(form, 'ends'),
        note: formText(form, 'note'),
      };
      const parsed = CreateStopSchema.safeParse({
        placeId: values.placeId,
        weekday: values.weekday ? Number(values.weekday) : null,
        dates: readDates(values.dates),
        starts: values.starts,
        ends: values.ends,
        note: orNull(values.note),
      });
      if (!parsed.success)
        return invalid(
          issuesToMessages(parsed.error, {
            placeId: { field: 'stop-place', key: 'places.invalid.place' },
            weekday: { field: 'stop-weekday', key: 'places.invalid.when' },
            dates: { field: 'stop-dates', key: 'places.invalid.day' },
            starts: { field: 'stop-starts', key: 'places.invalid.time' },
            ends: { field: 'stop-ends', key: 'places.invalid.time' },
            note: { field: 'stop-note', key: 'places.invalid.note' },
          }).map((m) => (m.field ? m : { ...m, field: 'stop-dates' })),
          values,
        );
      await onceForm(deps, actor, 'places.stop.create', form, async (d) => {
        await addStop(d, actor, routeId, parsed.data);
      });
      return done();
    }
    if (intent === 'removeStop') {
      const stopId = StopId.safeParse(formText(form, 'stopId'));
      if (!stopId.success) return invalid([{ key: 'error.validation' }], { intent });
      await removeStop(deps, actor, routeId, stopId.data);
      return done();
    }
    if (intent === 'cancel' || intent === 'restore') {
      const stopId = StopId.safeParse(formText(form, 'stopId'));
      const day = IsoDay.safeParse(formText(form, 'day'));
      if (!stopId.success || !day.success) return invalid([{ key: 'error.validation' }], { intent });
      if (intent === 'restore') {
        await restoreStop(deps, actor, routeId, stopId.data, day.data);
        return done();
      }
      const parsed = StopCancellationSchema.safeParse({ day: day.data, reason: formText(form, 'reason') });
      if (!parsed.success) return invalid([{ key: 'places.invalid.reason' }], { intent });
      await cancelStop(deps, actor, routeId, stopId.data, parsed.data);
      return done();
    }
    const values = {
      intent: 'route',
      name: formText(form, 'name'),
      vehicle: formText(form, 'vehicle'),
      description: formText(form, 'description'),
      status: formText(form, 'status'),
      unitId: formText(form, 'unitId'),
      version: String(formVersion(form)),
    };
    const parsed = UpdateRouteSchema.safeParse({
      name: values.name,
      vehicle: orNull(values.vehicle),
      description: orNull(values.description),
      status: values.status || 'active',
      unitId: values.unitId,
      version: Number(values.version),
    });
    if (!parsed.success)
      return invalid(
        issuesToMessages(parsed.error, {
          name: { field: 'route-name', key: 'places.invalid.name' },
          vehicle: { field: 'route-vehicle', key: 'places.invalid.text' },
          description: { field: 'route-description', key: 'places.invalid.text' },
          unitId: { field: 'route-unit', key: 'places.invalid.unit' },
          status: { field: 'route-status', key: 'places.invalid.status' },
          version: { field: 'route-name', key: 'error.versionConflict' },
        }),
        values,
      );
    try {
      await updateRoute(deps, actor, routeId, parsed.data);
    } catch (e) {
      if (!isVersionConflict(e)) throw e;
      const now = await routeForEdit(deps, actor, routeId);
      const saved = {
        name: now.name,
        vehicle: now.vehicle ?? '',
        description: now.description ?? '',
        status: now.status,
        unitId: now.unitId,
      };
      return conflictForm(values, { version: now.version, saved }, 'route-name');
    }
    return done();
  } catch (e) {
    return failure(e, { intent });
  }
}
