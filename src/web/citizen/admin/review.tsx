// Back office: the self-assessments submitted to the reviewer's units for a year. The reviewer confirms the
// manual evidence (points) and recognises (issuing one of the unit's achievements as a signed credential) or
// returns it with a note. Recognised citizens make the commune's yearly list and the indicator.

import { yearInVietnam } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import {
  reviewAssessment,
  reviewQueue,
  reviewUnits,
  schemeFor,
} from '../../../modules/citizen/citizen.usecases.server.ts';
import { credentialsPort } from '../../../modules/credentials/index.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { failure, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import type { Route } from './+types/review.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const asked = Number(new URL(request.url).searchParams.get('year'));
  const year = Number.isInteger(asked) && asked >= 2020 && asked <= 2100 ? asked : yearInVietnam(deps.now());
  try {
    const [list, units, scheme] = await Promise.all([
      reviewQueue(deps, actor, year),
      reviewUnits(deps, actor),
      schemeFor(deps, year),
    ]);
    const achievements = await credentialsPort.activeAchievements(
      deps,
      units.map((u) => u.id),
    );
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    return {
      year,
      manualMax: scheme.criteria.find((c) => c.source === 'manual')?.max ?? 0,
      items: list.map((a) => ({
        id: a.id,
        name: a.name,
        commune: a.commune,
        unitName: unitName.get(a.unitId) ?? '',
        total: a.total,
        status: a.status,
        manualEvidence: a.manualEvidence,
        achievements: achievements.filter((x) => x.unitId === a.unitId),
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const id = formText(form, 'id');
  try {
    await reviewAssessment(deps, actor, id, {
      decision: formText(form, 'decision') as 'recognised' | 'rejected',
      manualPoints: Number(formText(form, 'manualPoints') || '0'),
      achievementId: formText(form, 'achievementId'),
      note: formText(form, 'note'),
    });
    return { ok: true as const, errors: undefined };
  } catch (e) {
    return failure(e, {});
  }
}

export default function CitizenReview({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const recognised = d.items.filter((i) => i.status === 'recognised');
  return (
    <>
      <title>{`${t('citizen.admin.title')} — Suốt Đời`}</title>
      <h1>{t('citizen.admin.title')}</h1>
      <form method="get" className="inline-form">
        <label htmlFor="cit-year">{t('citizen.admin.year')}</label>{' '}
        <input id="cit-year" name="year" type="number" min={2020} max={2100} defaultValue={d.year} />{' '}
        <button type="submit" className="secondary">
          {t('citizen.admin.show')}
        </button>
      </form>
      <ErrorSummary errors={actionData?.errors} />
      {actionData?.ok ? (
        <p className="alert-ok" role="status">
          {t('citizen.admin.saved')}
        </p>
      ) : null}
      <p>
        {t('citizen.admin.recognisedCount', { count: recognised.length, year: d.year })}{' '}
        <a href={`/admin/citizen/recognised.csv?year=${d.year}`} download>
          {t('citizen.admin.exportCsv')}
        </a>
      </p>
      {d.items.length === 0 ? <p>{t('citizen.admin.empty')}</p> : null}
      <ul>
        {d.items.map((a) => (
          <li key={a.id}>
            <strong>{a.name}</strong> — {a.commune} — {a.unitName} —{' '}
            {t('citizen.pointsOf', { points: a.total, max: 100 })} —{' '}
            {t(`citizen.status.${a.status}` as MessageKey)}
            {a.manualEvidence ? <p>{a.manualEvidence}</p> : null}
            {a.status === 'submitted' ? (
              <form method="post" className="form">
                <input type="hidden" name="id" value={a.id} />
                <TextField
                  id={`cit-mp-${a.id}`}
                  label={t('citizen.admin.manualPoints', { max: d.manualMax })}
                  name="manualPoints"
                  type="number"
                  min={0}
                  max={d.manualMax}
                  defaultValue={0}
                />
                <SelectField
                  id={`cit-ach-${a.id}`}
                  label={t('citizen.admin.achievement')}
                  name="achievementId"
                  defaultValue=""
                >
                  <option value="">{t('citizen.admin.achievementNone')}</option>
                  {a.achievements.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.nameVi}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  id={`cit-note-${a.id}`}
                  label={t('citizen.admin.note')}
                  name="note"
                  maxLength={4000}
                />
                <button type="submit" name="decision" value="recognised">
                  {t('citizen.admin.recognise')}
                </button>{' '}
                <button type="submit" name="decision" value="rejected" className="secondary">
                  {t('citizen.admin.reject')}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
