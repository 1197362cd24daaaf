// Back office: add an image step to a learning path (multipart, no JavaScript). The alt text is required; the
// files module inspects the file's content, re-encodes it and stores it public.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { ImageStepTextSchema } from '../../../modules/learning/learning.schemas.server.ts';
import { addImageStep, pathForEdit } from '../../../modules/learning/learning.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { uploadErrorField, withImageUpload } from '../../ui/image-upload.server.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/path-image.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const { path } = await pathForEdit(deps, actor, params.pathId);
    return { id: path.id, title: path.title, version: path.version };
  } catch (e) {
    rethrowForPage(e);
  }
}

const IMAGE_MESSAGES = {
  title: { field: 'image-title', key: 'learning.invalid.title' },
  alt: { field: 'image-alt', key: 'learning.invalid.alt' },
  body: { field: 'image-body', key: 'learning.invalid.text' },
  version: { field: 'image-title', key: 'error.versionConflict' },
} as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  let values: Record<string, string> = {};
  try {
    const refused = await withImageUpload(deps, request, async (upload) => {
      const f = upload.fields;
      values = { title: f.title ?? '', alt: f.alt ?? '', body: f.body ?? '', required: f.required ?? '' };
      const parsed = ImageStepTextSchema.safeParse({
        title: values.title,
        alt: values.alt,
        body: values.body,
        required: values.required === 'on',
        version: Number(f.version) || 0,
      });
      if (!parsed.success) return invalid(issuesToMessages(parsed.error, IMAGE_MESSAGES), values);
      await onceForm(deps, actor, 'learning.image.create', f.formToken ?? null, (d) =>
        addImageStep(d, actor, params.pathId, upload, parsed.data),
      );
      return null;
    });
    if (refused) return refused;
    return redirect(`${localePath(locale, `/admin/learning/paths/${params.pathId}`)}?done=step`, 303);
  } catch (e) {
    return failure(e, values, uploadErrorField(e, 'image') === 'image-alt-vi' ? 'image-alt' : 'image-file');
  }
}

export default function PathImagePage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const v: Record<string, string> = actionData?.values ?? {};
  const e = actionData?.errors;
  return (
    <>
      <title>{`${t('learning.admin.addImage')} — ${d.title} — Suốt Đời`}</title>
      <p>
        <a href={href(`/admin/learning/paths/${d.id}`)}>{d.title}</a>
      </p>
      <h1>{t('learning.admin.addImage')}</h1>
      <ErrorSummary errors={e} />
      <form method="post" encType="multipart/form-data" className="form" noValidate>
        <FormToken />
        <input type="hidden" name="version" value={d.version} />
        <TextField
          id="image-title"
          label={t('learning.field.title')}
          errors={e}
          name="title"
          defaultValue={v.title ?? ''}
        />
        <TextField
          id="image-file"
          label={t('learning.field.imageFile')}
          errors={e}
          name="file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
        />
        <TextField
          id="image-alt"
          label={t('learning.field.alt')}
          errors={e}
          hint={t('learning.field.altHint')}
          name="alt"
          defaultValue={v.alt ?? ''}
        />
        <TextArea
          id="image-body"
          label={t('learning.field.caption')}
          errors={e}
          name="body"
          rows={2}
          defaultValue={v.body ?? ''}
        />
        <div className="field checkbox-field">
          <input
            id="image-required"
            name="required"
            type="checkbox"
            defaultChecked={actionData ? v.required === 'on' : true}
          />
          <label htmlFor="image-required">{t('learning.field.required')}</label>
        </div>
        <div>
          <button type="submit">{t('learning.admin.upload')}</button>
        </div>
      </form>
    </>
  );
}
