// Back office: the tile server of the public places map (administrators of the whole department only).
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { isBlank } from '../../../lib/text.server.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import { MapSettingsSchema } from '../../../modules/places/places.schemas.server.ts';
import {
  authorizeMapSettings,
  mapSettingsVersion,
  readMapSettings,
  updateMapSettings,
} from '../../../modules/places/places.settings.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ConflictSummary } from '../../ui/ConflictSummary.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import {
  conflictForm,
  conflictOf,
  formVersion,
  submittedOf,
  versionForForm,
} from '../../ui/version-forms.ts';
import type { Route } from './+types/map.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    await authorizeMapSettings(deps, actor);
    return {
      settings: await readMapSettings(deps),
      version: await mapSettingsVersion(deps, actor),
      notice: doneNotice(request.url, { saved: 'places.admin.saved' }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const version = formVersion(form);
  const values = {
    tileUrl: formText(form, 'tileUrl'),
    attribution: formText(form, 'attribution'),
    version: String(version),
  };
  const parsed = MapSettingsSchema.safeParse({
    tileUrl: isBlank(values.tileUrl) ? null : values.tileUrl,
    attribution: isBlank(values.attribution) ? null : values.attribution,
    version,
  });
  if (!parsed.success)
    return invalid(
      issuesToMessages(parsed.error, {
        tileUrl: { field: 'map-tile-url', key: 'places.invalid.tileUrl' },
        attribution: { field: 'map-attribution', key: 'places.invalid.text' },
      }),
      values,
    );
  try {
    await updateMapSettings(deps, actor, parsed.data);
    return redirect(`${localePath(locale, '/admin/places/map')}?done=saved`, 303);
  } catch (e) {
    if (isVersionConflict(e)) {
      const now = await readMapSettings(deps);
      const saved = { tileUrl: now.tileUrl ?? '', attribution: now.attribution ?? '' };
      return conflictForm(values, { version: await mapSettingsVersion(deps, actor), saved }, 'map-tile-url');
    }
    return failure(e, values);
  }
}

export default function MapSettingsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors;
  const v = actionData?.values ?? {
    tileUrl: loaderData.settings.tileUrl ?? '',
    attribution: loaderData.settings.attribution ?? '',
  };
  return (
    <>
      <title>{`${t('places.mapSettings.title')} — Suốt Đời`}</title>
      <h1>{t('places.mapSettings.title')}</h1>
      <p>{t('places.mapSettings.intro')}</p>
      {loaderData.notice ? (
        <p className="alert-ok" role="status">
          {t(loaderData.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <ConflictSummary
        conflict={conflictOf(actionData)}
        submitted={submittedOf(actionData)}
        labels={{
          tileUrl: t('places.mapSettings.tileUrl'),
          attribution: t('places.mapSettings.attribution'),
        }}
      />
      <form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={versionForForm(loaderData.version, actionData)} />
        <TextField
          id="map-tile-url"
          label={t('places.mapSettings.tileUrl')}
          errors={errors}
          hint={t('places.mapSettings.tileUrlHint')}
          name="tileUrl"
          type="url"
          maxLength={500}
          defaultValue={v.tileUrl}
        />
        <TextField
          id="map-attribution"
          label={t('places.mapSettings.attribution')}
          errors={errors}
          name="attribution"
          maxLength={300}
          defaultValue={v.attribution}
        />
        <div>
          <button type="submit">{t('places.mapSettings.save')}</button>
        </div>
      </form>
    </>
  );
}
