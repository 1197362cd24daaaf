// Back office: the learning paths and reading challenges of the units the signed-in person keeps, and the
// forms that start a new one (each then opens its own edit page).
import { redirect } from 'react-router';
import { formatIsoDay } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  createChallenge,
  listManagedChallenges,
} from '../../../modules/learning/challenges.usecases.server.ts';
import { unitOptions } from '../../../modules/learning/learning.admin.server.ts';
import { ChallengeInputSchema, PathInputSchema } from '../../../modules/learning/learning.schemas.server.ts';
import { createPath, listManagedPaths } from '../../../modules/learning/learning.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ChallengeForm } from '../components/ChallengeForm.tsx';
import { PathForm } from '../components/PathForm.tsx';
import { CHALLENGE_MESSAGES, PATH_MESSAGES, readChallengeForm, readPathForm } from '../forms.server.ts';
import type { Route } from './+types/list.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [paths, challenges, pathUnits, challengeUnits] = await Promise.all([
      listManagedPaths(deps, actor),
      listManagedChallenges(deps, actor),
      unitOptions(deps, actor, 'learning.path.create'),
      unitOptions(deps, actor, 'learning.challenge.create'),
    ]);
    return {
      paths: paths.map((p) => ({ id: p.id, title: p.title, status: p.status })),
      challenges: challenges.map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        window: `${formatIsoDay(c.startsOn)} – ${formatIsoDay(c.endsOn)}`,
      })),
      pathUnits,
      challengeUnits,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  if (intent === 'newPath') {
    const { values, input } = readPathForm(form);
    const parsed = PathInputSchema.safeParse(input);
    if (!parsed.success) return invalid(issuesToMessages(parsed.error, PATH_MESSAGES), { intent, ...values });
    try {
      const id = await onceForm(deps, actor, 'learning.path.create', form, (d) =>
        createPath(d, actor, parsed.data),
      );
      return redirect(`${localePath(locale, `/admin/learning/paths/${id}`)}?done=created`, 303);
    } catch (e) {
      return failure(e, { intent, ...values }, 'path-unit');
    }
  }
  const { values, input } = readChallengeForm(form);
  const parsed = ChallengeInputSchema.safeParse(input);
  if (!parsed.success)
    return invalid(issuesToMessages(parsed.error, CHALLENGE_MESSAGES), { intent, ...values });
  try {
    const id = await onceForm(deps, actor, 'learning.challenge.create', form, (d) =>
      createChallenge(d, actor, parsed.data),
    );
    return redirect(`${localePath(locale, `/admin/learning/challenges/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, { intent, ...values }, 'challenge-unit');
  }
}

export default function LearningAdminPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const posted: Record<string, string> = actionData?.values ?? {};
  const errors = actionData?.errors;
  const one = (units: typeof d.pathUnits) => (units.length === 1 ? { unitId: units[0]?.id ?? '' } : {});
  return (
    <>
      <title>{`${t('learning.admin.title')} — Suốt Đời`}</title>
      <h1>{t('learning.admin.title')}</h1>
      <ErrorSummary errors={errors} />
      <section aria-labelledby="admin-paths">
        <h2 id="admin-paths">{t('learning.public.pathsHeading')}</h2>
        {d.paths.length === 0 ? <p>{t('learning.public.noPaths')}</p> : null}
        <ul>
          {d.paths.map((p) => (
            <li key={p.id}>
              <a href={href(`/admin/learning/paths/${p.id}`)}>{p.title}</a> —{' '}
              {t(`learning.status.${p.status}`)}
            </li>
          ))}
        </ul>
        <details open={posted.intent === 'newPath'}>
          <summary>{t('learning.admin.newPath')}</summary>
          <PathForm
            values={posted.intent === 'newPath' ? posted : one(d.pathUnits)}
            errors={posted.intent === 'newPath' ? errors : undefined}
            units={d.pathUnits}
            submitLabel={t('learning.admin.createPath')}
            intent="newPath"
          />
        </details>
      </section>
      <section aria-labelledby="admin-challenges">
        <h2 id="admin-challenges">{t('learning.public.challengesHeading')}</h2>
        {d.challenges.length === 0 ? <p>{t('learning.admin.noChallenges')}</p> : null}
        <ul>
          {d.challenges.map((c) => (
            <li key={c.id}>
              <a href={href(`/admin/learning/challenges/${c.id}`)}>{c.title}</a> — {c.window} —{' '}
              {t(`learning.status.${c.status}`)}
            </li>
          ))}
        </ul>
        <details open={posted.intent === 'newChallenge'}>
          <summary>{t('learning.admin.newChallenge')}</summary>
          <ChallengeForm
            values={posted.intent === 'newChallenge' ? posted : one(d.challengeUnits)}
            errors={posted.intent === 'newChallenge' ? errors : undefined}
            units={d.challengeUnits}
            submitLabel={t('learning.admin.createChallenge')}
            intent="newChallenge"
          />
        </details>
      </section>
    </>
  );
}
