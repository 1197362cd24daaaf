// Back office: a participant's certificate (PDF, DOCX or a picture; the files module checks it by content and
// keeps it private). A plain multipart form.
import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { withUpload } from '../../../lib/upload.server.ts';
import { MAX_BYTES } from '../../../modules/files/files.validate.server.ts';
import { getCourse, setCertificate } from '../../../modules/training/training.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { failure } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import type { Route } from './+types/certificate.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await getCourse(deps, actor, params.courseId);
    if (!v.canEdit) throw new Response(null, { status: 403 });
    return {
      course: { id: v.course.id, title: v.course.title },
      participants: v.participants.map((p) => ({ userId: p.userId, name: p.name })),
    };
  } catch (e) {
    if (e instanceof Response) throw e;
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const fields: Record<string, string> = {};
  try {
    await withUpload(
      request,
      { dataDir: deps.config.dataDir, maxFileBytes: MAX_BYTES.evidence, fields },
      (u) =>
        setCertificate(deps, actor, params.courseId, {
          tempPath: u.path,
          fileName: u.fileName || 'certificate',
          userId: u.fields.userId ?? '',
          certificateNo: u.fields.certificateNo ?? '',
        }),
    );
    return redirect(`${localePath(locale, `/admin/training/${params.courseId}`)}?done=certificate`, 303);
  } catch (e) {
    return failure(
      e,
      { userId: fields.userId ?? '', certificateNo: fields.certificateNo ?? '' },
      'tcert-file',
    );
  }
}

export default function CertificateUpload({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { course, participants } = loaderData;
  const errors = actionData?.errors;
  const v = actionData?.values;
  return (
    <>
      <title>{`${t('training.certificate.upload')} — ${course.title} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href(`/admin/training/${course.id}`)}>{course.title}</a>
      </p>
      <h1>{t('training.certificate.upload')}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" encType="multipart/form-data" className="form" noValidate>
        <SelectField
          id="tcert-user"
          label={t('training.col.person')}
          name="userId"
          defaultValue={v?.userId ?? ''}
        >
          {participants.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="tcert-no"
          label={t('training.certificate.number')}
          name="certificateNo"
          maxLength={100}
          defaultValue={v?.certificateNo ?? ''}
        />
        <TextField
          id="tcert-file"
          label={t('training.certificate.file')}
          errors={errors}
          hint={t('training.certificate.hint')}
          name="file"
          type="file"
          accept="application/pdf,image/jpeg,image/png,image/webp,.docx"
        />
        <button type="submit">{t('training.certificate.submit')}</button>
      </form>
    </>
  );
}
