// "Công dân học tập": the citizen's progress this year, criterion by criterion from their own learning record,
// and the self-assessment they submit to the unit of their commune for review.
import type { MessageKey } from '../../../lib/i18n.ts';
import { myProgress, submitAssessment } from '../../../modules/citizen/citizen.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useLocale, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/my-citizen.ts';

export const middleware: Route.MiddlewareFunction[] = [requireUser];

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const p = await myProgress(deps, actor);
    const units = (await deps.repos.units.all(deps.db))
      .filter((u) => u.validTo === null)
      .map((u) => ({ id: u.id, name: u.name }));
    const points = new Map(p.scoring.scores.map((s) => [s.key, s]));
    return {
      year: p.scheme.year,
      isDefault: p.scheme.isDefault,
      passTotal: p.scheme.passTotal,
      rows: p.scheme.criteria.map((c) => ({
        key: c.key,
        labelVi: c.labelVi,
        labelEn: c.labelEn,
        manual: c.source === 'manual',
        value: points.get(c.key)?.value ?? 0,
        points: points.get(c.key)?.points ?? 0,
        min: c.min,
        max: c.max,
        belowMin: points.get(c.key)?.belowMin ?? false,
      })),
      total: p.scoring.total,
      passed: p.scoring.passed,
      assessment: p.assessment
        ? {
            status: p.assessment.status,
            unitId: p.assessment.unitId,
            commune: p.assessment.commune,
            manualEvidence: p.assessment.manualEvidence,
            note: p.assessment.reviewNote,
            credentialId: p.assessment.credentialId,
          }
        : null,
      units,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = {
    unitId: formText(form, 'unitId'),
    commune: formText(form, 'commune'),
    manualEvidence: formText(form, 'manualEvidence'),
  };
  try {
    await onceForm(deps, actor, 'citizen.assessment.submit', form, (d) => submitAssessment(d, actor, values));
    return { ok: true as const, errors: undefined, values };
  } catch (e) {
    return failure(e, values, 'cit-unit');
  }
}

export default function MyCitizen({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const v: Partial<Record<string, string>> = actionData?.values ?? d.assessment ?? {};
  return (
    <>
      <title>{`${t('citizen.mine.title')} — Suốt Đời`}</title>
      <h1>{t('citizen.mine.title')}</h1>
      <p>{t('citizen.mine.intro', { year: d.year, pass: d.passTotal })}</p>
      {d.isDefault ? <p className="muted">{t('citizen.defaultsNote')}</p> : null}
      <ErrorSummary errors={actionData?.errors} />
      {actionData?.ok ? (
        <p className="alert-ok" role="status">
          {t('citizen.mine.submitted')}
        </p>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption>{t('citizen.mine.tableCaption', { year: d.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('citizen.criterion')}</th>
              <th scope="col">{t('citizen.value')}</th>
              <th scope="col">{t('citizen.points')}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{locale === 'en' ? r.labelEn : r.labelVi}</th>
                <td>{r.manual ? t('citizen.manualValue') : r.value}</td>
                <td className={r.belowMin ? 'error-text' : undefined}>
                  {t('citizen.pointsOf', { points: r.points, max: r.max })}
                  {r.min > 0 ? ` ${t('citizen.minimum', { min: r.min })}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('citizen.total')}</th>
              <td />
              <td>{t('citizen.pointsOf', { points: d.total, max: 100 })}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p>{d.passed ? t('citizen.mine.passing') : t('citizen.mine.notYet', { pass: d.passTotal })}</p>
      {d.assessment ? (
        <p role="status">
          {t(`citizen.status.${d.assessment.status}` as MessageKey)}
          {d.assessment.note ? ` — ${d.assessment.note}` : ''}
          {d.assessment.credentialId ? (
            <>
              {' '}
              <a href={`/credentials/${d.assessment.credentialId}`}>{t('citizen.mine.credential')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {d.assessment?.status !== 'recognised' ? (
        <section aria-labelledby="cit-submit-h">
          <h2 id="cit-submit-h">{t('citizen.mine.submitHeading')}</h2>
          <form method="post" className="form">
            <FormToken />
            <SelectField
              id="cit-unit"
              label={t('citizen.field.unit')}
              name="unitId"
              required
              defaultValue={v.unitId ?? ''}
            >
              <option value="" disabled>
                {t('citizen.field.unitChoose')}
              </option>
              {d.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <TextField
              id="cit-commune"
              label={t('citizen.field.commune')}
              name="commune"
              required
              maxLength={120}
              defaultValue={v.commune}
            />
            <TextArea
              id="cit-manual"
              label={t('citizen.field.manualEvidence')}
              name="manualEvidence"
              rows={3}
              maxLength={4000}
              defaultValue={v.manualEvidence}
            />
            <button type="submit">{t('citizen.mine.submit')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
