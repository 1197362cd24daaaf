// Back office: one cooperation activity — what, where, when, with whom, who took part, outcomes, documents
// (uploaded here, checked by content) — and its edit form for those who may change it.
import { formatDateTime, formatIsoDay } from '../../../lib/dates.ts';
import {
  ActivityUpdateSchema,
  activityFormOptions,
  getActivity,
  updateActivity,
} from '../../../modules/cooperation/cooperation.usecases.server.ts';
import { countryOptions } from '../../../modules/cooperation/countries.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { TextField } from '../../ui/Field.tsx';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { formVersion } from '../../ui/version-forms.ts';
import { ActivityForm } from '../components/ActivityForm.tsx';
import { ACTIVITY_MESSAGES, activityFieldFor, activityInput, readActivityForm } from '../forms.server.ts';
import type { Route } from './+types/detail.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  try {
    const v = await getActivity(deps, actor, params.activityId);
    const a = v.activity;
    return {
      activity: {
        id: a.id,
        kind: a.kind,
        title: a.title,
        outcomes: a.outcomes,
        externalNames: a.externalNames,
        when: `${formatIsoDay(a.startsOn)} – ${formatIsoDay(a.endsOn)}`,
        version: a.version,
      },
      countryName: v.countryName,
      partners: v.partners,
      staff: v.staff,
      documents: v.documents.map((d) => ({ id: d.id, title: d.title, at: formatDateTime(d.createdAt) })),
      canEdit: v.canEdit,
      form: v.canEdit
        ? {
            options: { ...(await activityFormOptions(deps, actor)), countries: countryOptions(locale) },
            values: {
              unitId: a.unitId,
              kind: a.kind,
              title: a.title,
              country: a.country,
              startsOn: a.startsOn,
              endsOn: a.endsOn,
              outcomes: a.outcomes,
              externalNames: a.externalNames.join('\n'),
              partnerIds: a.partnerIds,
              staffUserIds: a.staffUserIds,
              planInstanceIds: a.planInstanceIds,
            },
          }
        : null,
      done: doneNotice(request.url, {
        created: 'cooperation.done.created',
        saved: 'cooperation.done.saved',
        document: 'cooperation.done.document',
      }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = readActivityForm(form);
  const parsed = ActivityUpdateSchema.safeParse({ ...activityInput(values), version: formVersion(form) });
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, ACTIVITY_MESSAGES), values);
  try {
    await updateActivity(deps, actor, params.activityId, parsed.data);
    return { ok: true as const, errors: undefined, values: undefined };
  } catch (e) {
    return failure(e, values, activityFieldFor((e as { code?: string }).code ?? ''));
  }
}

export default function ActivityDetail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { activity: a } = loaderData;
  const saved = actionData?.ok === true;
  return (
    <>
      <title>{`${a.title} — ${t('cooperation.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/cooperation')}>{t('cooperation.title')}</a>
      </p>
      <h1>{a.title}</h1>
      {loaderData.done || saved ? (
        <p className="alert-ok" role="status">
          {t(saved ? 'cooperation.done.saved' : (loaderData.done ?? 'cooperation.done.saved'))}
        </p>
      ) : null}
      <dl className="details-list">
        <dt>{t('cooperation.field.kind')}</dt>
        <dd>{t(`cooperation.kind.${a.kind}`)}</dd>
        <dt>{t('cooperation.field.country')}</dt>
        <dd>{loaderData.countryName}</dd>
        <dt>{t('cooperation.col.when')}</dt>
        <dd>{a.when}</dd>
        <dt>{t('cooperation.field.partners')}</dt>
        <dd>{loaderData.partners.map((p) => `${p.name} (${p.countryName})`).join('; ') || '—'}</dd>
        <dt>{t('cooperation.field.staff')}</dt>
        <dd>{loaderData.staff.map((s) => s.name).join('; ') || '—'}</dd>
        <dt>{t('cooperation.field.externalNames')}</dt>
        <dd>{a.externalNames.join('; ') || '—'}</dd>
      </dl>
      {a.outcomes ? (
        <>
          <h2>{t('cooperation.field.outcomes')}</h2>
          <p className="prose-text">{a.outcomes}</p>
        </>
      ) : null}
      <h2>{t('cooperation.documents.heading')}</h2>
      {loaderData.documents.length === 0 ? <p>{t('cooperation.documents.none')}</p> : null}
      <ul>
        {loaderData.documents.map((d) => (
          <li key={d.id}>
            <a href={`/admin/cooperation/documents/${d.id}`}>{d.title}</a>{' '}
            <span className="muted">({d.at})</span>
          </li>
        ))}
      </ul>
      {loaderData.canEdit ? (
        <form
          method="post"
          action={href(`/admin/cooperation/${a.id}/documents`)}
          encType="multipart/form-data"
          className="form"
        >
          <TextField id="cd-title" label={t('cooperation.documents.title')} name="title" maxLength={300} />
          <TextField
            id="cd-file"
            label={t('cooperation.documents.file')}
            hint={t('cooperation.documents.hint')}
            name="file"
            type="file"
          />
          <button type="submit">{t('cooperation.documents.submit')}</button>
        </form>
      ) : null}
      {loaderData.form ? (
        <>
          <h2>{t('cooperation.edit')}</h2>
          <ActivityForm
            options={loaderData.form.options}
            values={(actionData?.values ?? loaderData.form.values) as Record<string, string | string[]>}
            errors={actionData?.errors}
            submitLabel={t('cooperation.save')}
            version={a.version}
          />
        </>
      ) : null}
    </>
  );
}
