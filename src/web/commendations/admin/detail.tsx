// Back office: one nomination — nominee, merit, achievements, evidence, review and decision — with the edit
// form (until decided) and the review steps for the Department's officers: take into review, decide (number,
// date, level) or decline with a reason.
import { data } from 'react-router';
import { formatDate, formatIsoDay } from '../../../lib/dates.ts';
import { listEvidence } from '../../../modules/commendations/commendations.evidence.server.ts';
import {
  DecisionSchema,
  decideNomination,
  getNomination,
  NominationUpdateSchema,
  nominationFormOptions,
  updateNomination,
} from '../../../modules/commendations/commendations.usecases.server.ts';
import { COMM_LEVELS } from '../../../modules/commendations/commendations.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { formDay, formValues } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { formVersion } from '../../ui/version-forms.ts';
import { EvidenceFiles } from '../components/EvidenceFiles.tsx';
import { NominationForm } from '../components/NominationForm.tsx';
import { NOMINATION_MESSAGES, nominationInput, readNominationForm } from '../forms.server.ts';
import type { Route } from './+types/detail.ts';

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await getNomination(deps, actor, params.nominationId);
    const n = v.nomination;
    return {
      n: {
        ...n,
        decided: n.decisionDate ? formatIsoDay(n.decisionDate) : null,
      },
      unitName: v.unitName,
      nomineeUnitName: v.nomineeUnitName,
      evidenceFiles: (await listEvidence(deps, actor, n.id)).map((f) => ({
        id: f.id,
        fileName: f.fileName,
        caption: f.caption,
        added: formatDate(f.addedAt),
      })),
      canEdit: v.canEdit,
      canDecide: v.canDecide,
      form: v.canEdit
        ? {
            options: await nominationFormOptions(deps, actor),
            values: {
              unitId: n.unitId,
              nomineeKind: n.nomineeKind,
              nomineeName: n.nomineeName,
              nomineeUnitId: n.nomineeUnitId ?? '',
              category: n.category,
              title: n.title,
              achievements: n.achievements,
              evidenceUrls: n.evidenceUrls.join('\n'),
              planInstanceIds: n.planInstanceIds,
            },
          }
        : null,
      done: doneNotice(request.url, { created: 'commendations.done.created' }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = String(form.get('intent') ?? '');
  try {
    if (intent === 'save') {
      const values = readNominationForm(form);
      const parsed = NominationUpdateSchema.safeParse({
        ...nominationInput(values),
        version: formVersion(form),
      });
      if (!parsed.success) return invalid(issuesToMessages(parsed.error, NOMINATION_MESSAGES), values);
      await updateNomination(deps, actor, params.nominationId, parsed.data);
      return {
        ok: true as const,
        done: 'commendations.done.saved' as const,
        errors: undefined,
        values: undefined,
      };
    }
    if (intent === 'review' || intent === 'decide' || intent === 'reject') {
      const v = formValues(form, ['note', 'decisionNumber', 'decisionDate', 'level'] as const);
      const input =
        intent === 'decide'
          ? {
              step: intent,
              version: formVersion(form),
              ...v,
              decisionDate: formDay(v.decisionDate) ?? v.decisionDate,
            }
          : { step: intent, version: formVersion(form), note: v.note };
      const parsed = DecisionSchema.safeParse(input);
      if (!parsed.success)
        return invalid(
          issuesToMessages(parsed.error, {
            note: { field: `cd-note-${intent}`, key: 'commendations.invalid.note' },
            decisionNumber: { field: 'cd-number', key: 'commendations.invalid.decisionNumber' },
            decisionDate: { field: 'cd-date', key: 'commendations.invalid.decisionDate' },
            level: { field: 'cd-level', key: 'commendations.invalid.level' },
          }),
          v,
        );
      await decideNomination(deps, actor, params.nominationId, parsed.data);
      return {
        ok: true as const,
        done: `commendations.done.${intent}` as const,
        errors: undefined,
        values: undefined,
      };
    }
  } catch (e) {
    return failure(e, {});
  }
  throw data(null, { status: 400 });
}

export default function NominationDetail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { n } = loaderData;
  const done = actionData?.ok ? actionData.done : loaderData.done;
  const errors = actionData?.ok ? undefined : actionData?.errors;
  const note = (intent: string, required: boolean) => (
    <TextArea
      id={`cd-note-${intent}`}
      label={t(required ? 'commendations.field.reason' : 'commendations.field.reviewNote')}
      name="note"
      rows={2}
    />
  );
  return (
    <>
      <title>{`${n.nomineeName} — ${t('commendations.title')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/commendations')}>{t('commendations.title')}</a>
      </p>
      <h1>{n.nomineeName}</h1>
      {done ? (
        <p className="alert-ok" role="status">
          {t(done)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <dl className="details-list">
        <dt>{t('commendations.field.nomineeKind')}</dt>
        <dd>{t(`commendations.nomineeKind.${n.nomineeKind}`)}</dd>
        <dt>{t('commendations.field.nomineeUnit')}</dt>
        <dd>{loaderData.nomineeUnitName ?? '—'}</dd>
        <dt>{t('commendations.field.unit')}</dt>
        <dd>{loaderData.unitName}</dd>
        <dt>{t('commendations.field.category')}</dt>
        <dd>{t(`commendations.category.${n.category}`)}</dd>
        <dt>{t('commendations.field.title')}</dt>
        <dd>{n.title}</dd>
        <dt>{t('commendations.col.status')}</dt>
        <dd>{t(`commendations.status.${n.status}`)}</dd>
        {n.decisionNumber ? (
          <>
            <dt>{t('commendations.col.decision')}</dt>
            <dd>
              {t('commendations.decisionLine', {
                number: n.decisionNumber,
                date: n.decided ?? '',
                level: t(`commendations.level.${n.level ?? 'department'}`),
              })}
            </dd>
          </>
        ) : null}
        {n.reviewNote ? (
          <>
            <dt>{t('commendations.field.reviewNote')}</dt>
            <dd>{n.reviewNote}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('commendations.field.achievements')}</h2>
      <p className="prose-text">{n.achievements}</p>
      {n.evidenceUrls.length > 0 ? (
        <>
          <h2>{t('commendations.field.evidence')}</h2>
          <ul>
            {n.evidenceUrls.map((u) => (
              <li key={u}>
                <a href={u} rel="noopener noreferrer">
                  {u}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <EvidenceFiles nominationId={n.id} files={loaderData.evidenceFiles} canEdit={loaderData.canEdit} />
      {loaderData.canDecide ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t('commendations.review.heading')}</h2>
          {n.status === 'nominated' ? (
            <form method="post" className="form">
              <input type="hidden" name="intent" value="review" />
              <input type="hidden" name="version" value={n.version} />
              {note('review', false)}
              <button type="submit">{t('commendations.review.start')}</button>
            </form>
          ) : null}
          {n.status === 'review' ? (
            <form method="post" className="form" noValidate>
              <input type="hidden" name="intent" value="decide" />
              <input type="hidden" name="version" value={n.version} />
              <TextField
                id="cd-number"
                label={t('commendations.field.decisionNumber')}
                name="decisionNumber"
              />
              <TextField
                id="cd-date"
                label={t('commendations.field.decisionDate')}
                name="decisionDate"
                type="date"
              />
              <SelectField
                id="cd-level"
                label={t('commendations.field.level')}
                name="level"
                defaultValue="department"
              >
                {COMM_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`commendations.level.${l}`)}
                  </option>
                ))}
              </SelectField>
              {note('decide', false)}
              <button type="submit">{t('commendations.review.decide')}</button>
            </form>
          ) : null}
          <form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="reject" />
            <input type="hidden" name="version" value={n.version} />
            {note('reject', true)}
            <button type="submit">{t('commendations.review.reject')}</button>
          </form>
        </section>
      ) : null}
      {loaderData.form ? (
        <details>
          <summary>{t('commendations.edit')}</summary>
          <NominationForm
            options={loaderData.form.options}
            values={loaderData.form.values}
            errors={undefined}
            submitLabel={t('commendations.save')}
            version={n.version}
          />
        </details>
      ) : null}
    </>
  );
}
