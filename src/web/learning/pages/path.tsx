// Public page of a learning path: its summary, the ordered steps with what the learner has done, and the
// way in (first step not yet done). Reading needs no JavaScript and no account; progress needs signing in.
import { formatDate } from '../../../lib/dates.ts';
import { viewPath } from '../../../modules/learning/learning-progress.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { stepKindKey } from '../components/StepKind.tsx';
import learningCss from '../learning.css?url';
import type { Route } from './+types/path.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learningCss }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await viewPath(deps, actor, params.pathId, request);
    const done = new Set(v.done);
    return {
      id: v.path.id,
      title: v.path.title,
      summary: v.path.summary,
      draft: v.path.status !== 'published',
      rule: v.path.completionRule,
      steps: v.steps.map((s) => ({
        id: s.id,
        title: s.title,
        kind: s.kind,
        required: s.required,
        done: done.has(s.id),
      })),
      doneCount: v.steps.filter((s) => done.has(s.id)).length,
      completedAt: v.completedAt ? formatDate(v.completedAt) : null,
      signedIn: v.signedIn,
      next: v.steps.find((s) => !done.has(s.id))?.id ?? v.steps[0]?.id ?? null,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function PathPage({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${d.title} — Suốt Đời`}</title>
      <p>
        <a href={href('/learn')}>{t('learning.public.title')}</a>
      </p>
      <h1>{d.title}</h1>
      {d.draft ? <p className="alert-ok">{t('learning.public.draftNotice')}</p> : null}
      {d.summary ? <p className="lead">{d.summary}</p> : null}
      <p className="muted">{t(`learning.rule.${d.rule}`)}</p>
      {d.completedAt ? (
        <p className="alert-ok" role="status">
          {t('learning.public.completedOn', { date: d.completedAt })}
        </p>
      ) : null}
      {d.signedIn ? (
        <p>
          <label htmlFor="path-progress">
            {t('learning.public.progress', { done: d.doneCount, total: d.steps.length })}
          </label>
          <br />
          <progress
            id="path-progress"
            className="learn-progress"
            max={d.steps.length || 1}
            value={d.doneCount}
          />
        </p>
      ) : (
        <p>{t('learning.public.signInToSave')}</p>
      )}
      <h2>{t('learning.public.stepsHeading')}</h2>
      <ol className="learn-steps">
        {d.steps.map((s) => (
          <li key={s.id}>
            <a href={href(`/learn/paths/${d.id}/steps/${s.id}`)}>{s.title}</a>{' '}
            <span className="muted">
              ({t(stepKindKey(s.kind))}
              {s.required ? '' : `, ${t('learning.public.optional')}`})
            </span>
            {s.done ? <span className="learn-done"> ✓ {t('learning.public.done')}</span> : null}
          </li>
        ))}
      </ol>
      {d.next ? (
        <p>
          <a className="button" href={href(`/learn/paths/${d.id}/steps/${d.next}`)}>
            {d.doneCount > 0 ? t('learning.public.continue') : t('learning.public.start')}
          </a>
        </p>
      ) : null}
    </>
  );
}
