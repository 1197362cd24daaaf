// Back office: a nomination's supporting-evidence files — add one (PDF, DOCX or a picture; the files module
// checks it by content and keeps it private) with a plain multipart form, or remove one, while the nomination
// is open.
import { redirect } from 'react-router';
import { formatDate } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import { withUpload } from '../../../lib/upload.server.ts';
import {
  addEvidence,
  listEvidence,
  removeEvidence,
} from '../../../modules/commendations/commendations.evidence.server.ts';
import { getNomination } from '../../../modules/commendations/commendations.usecases.server.ts';
import { MAX_BYTES } from '../../../modules/files/files.validate.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FORM_TOKEN_FIELD, FormToken } from '../../ui/FormToken.tsx';
import { onceFormAfter } from '../../ui/form-once.server.ts';
import { failure, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/evidence.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await getNomination(deps, actor, params.nominationId);
    if (!v.canEdit) throw new Response(null, { status: 403 });
    const files = await listEvidence(deps, actor, params.nominationId);
    return {
      nomination: { id: v.nomination.id, name: v.nomination.nomineeName },
      files: files.map((f) => ({
        id: f.id,
        fileName: f.fileName,
        caption: f.caption,
        added: formatDate(f.addedAt),
      })),
      done: doneNotice(request.url, {
        added: 'commendations.evidenceFiles.added',
        removed: 'commendations.evidenceFiles.removed',
      }),
    };
  } catch (e) {
    if (e instanceof Response) throw e;
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const back = (done: string) =>
    redirect(
      `${localePath(locale, `/admin/commendations/${params.nominationId}/evidence`)}?done=${done}`,
      303,
    );
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')) {
    const form = await readPageForm(request);
    try {
      if (formText(form, 'intent') !== 'remove') throw new Response(null, { status: 400 });
      await removeEvidence(deps, actor, params.nominationId, formText(form, 'evidenceId'));
      return back('removed');
    } catch (e) {
      if (e instanceof Response) throw e;
      return failure(e, { caption: '' }, 'cev-file');
    }
  }
  const fields: Record<string, string> = {};
  try {
    await withUpload(
      request,
      { dataDir: deps.config.dataDir, maxFileBytes: MAX_BYTES.evidence, fields },
      (u) => {
        // One file per form token: a second press of the same form stores nothing more.
        const token = new FormData();
        token.set(FORM_TOKEN_FIELD, u.fields[FORM_TOKEN_FIELD] ?? '');
        const file = {
          tempPath: u.path,
          fileName: u.fileName || 'evidence',
          caption: u.fields.caption ?? '',
        };
        return onceFormAfter(deps, actor, 'commendations.evidence.add', token, () =>
          addEvidence(deps, actor, params.nominationId, file),
        );
      },
    );
    return back('added');
  } catch (e) {
    return failure(e, { caption: fields.caption ?? '' }, 'cev-file');
  }
}

export default function NominationEvidence({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { nomination: n, files } = loaderData;
  const errors = actionData?.errors;
  return (
    <>
      <title>{`${t('commendations.evidenceFiles.heading')} — ${n.name} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href(`/admin/commendations/${n.id}`)}>{n.name}</a>
      </p>
      <h1>{t('commendations.evidenceFiles.heading')}</h1>
      {loaderData.done ? (
        <p className="alert-ok" role="status">
          {t(loaderData.done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {files.length ? (
        <ul>
          {files.map((f) => (
            <li key={f.id}>
              <a href={`/admin/commendations/${n.id}/evidence/${f.id}`}>{f.fileName}</a>
              {f.caption ? ` — ${f.caption}` : ''} <span className="muted">({f.added})</span>{' '}
              <form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="evidenceId" value={f.id} />
                <button
                  type="submit"
                  className="danger"
                  aria-label={t('commendations.evidenceFiles.removeOne', { name: f.fileName })}
                >
                  {t('commendations.evidenceFiles.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('commendations.evidenceFiles.empty')}</p>
      )}
      <h2>{t('commendations.evidenceFiles.add')}</h2>
      <form method="post" encType="multipart/form-data" className="form" noValidate>
        <FormToken />
        <TextField
          id="cev-caption"
          label={t('commendations.evidenceFiles.caption')}
          name="caption"
          maxLength={300}
          defaultValue={actionData?.values?.caption ?? ''}
        />
        <TextField
          id="cev-file"
          label={t('commendations.evidenceFiles.file')}
          errors={errors}
          hint={t('training.certificate.hint')}
          name="file"
          type="file"
          accept="application/pdf,image/jpeg,image/png,image/webp,.docx"
        />
        <button type="submit">{t('commendations.evidenceFiles.submit')}</button>
      </form>
    </>
  );
}
