// Public list of published learning paths and running reading challenges. No JS.
import { formatIsoDay } from '../../../lib/dates.ts';
import { runningChallenges } from '../../../modules/learning/challenges.usecases.server.ts';
import { listPublishedPaths } from '../../../modules/learning/learning-progress.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import learningCss from '../learning.css?url';
import type { Route } from './+types/list.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learningCss }];

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [paths, challenges] = await Promise.all([
      listPublishedPaths(deps, actor),
      runningChallenges(deps, actor),
    ]);
    return {
      paths: paths.map((p) => ({ id: p.id, title: p.title, summary: p.summary, stepCount: p.stepCount })),
      challenges: challenges.map((c) => ({
        id: c.id,
        title: c.title,
        startsOn: formatIsoDay(c.startsOn),
        endsOn: formatIsoDay(c.endsOn),
        goalKind: c.goalKind,
        goal: c.goal,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function LearnPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('learning.public.title')} — Suốt Đời`}</title>
      <meta name="description" content={t('learning.public.intro')} />
      <h1>{t('learning.public.title')}</h1>
      <p className="lead">{t('learning.public.intro')}</p>
      <section aria-labelledby="learn-paths">
        <h2 id="learn-paths">{t('learning.public.pathsHeading')}</h2>
        {loaderData.paths.length === 0 ? <p>{t('learning.public.noPaths')}</p> : null}
        <ul className="learn-list">
          {loaderData.paths.map((p) => (
            <li key={p.id} className="learn-card">
              <h3>
                <a href={href(`/learn/paths/${p.id}`)}>{p.title}</a>
              </h3>
              <p className="muted">{t('learning.public.stepCount', { count: p.stepCount })}</p>
              {p.summary ? <p>{p.summary}</p> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="learn-challenges">
        <h2 id="learn-challenges">{t('learning.public.challengesHeading')}</h2>
        {loaderData.challenges.length === 0 ? <p>{t('learning.public.noChallenges')}</p> : null}
        <ul className="learn-list">
          {loaderData.challenges.map((c) => (
            <li key={c.id} className="learn-card">
              <h3>
                <a href={href(`/learn/challenges/${c.id}`)}>{c.title}</a>
              </h3>
              <p className="muted">
                {t('learning.challenge.window', { start: c.startsOn, end: c.endsOn })} ·{' '}
                {t(
                  c.goalKind === 'books' ? 'learning.challenge.goalBooks' : 'learning.challenge.goalMinutes',
                  {
                    count: c.goal,
                  },
                )}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
