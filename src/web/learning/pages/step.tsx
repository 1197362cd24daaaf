// One step of a learning path: read a page, look at an image, follow a video link, open the book, exhibition
// or event, or answer the quiz. "Done" and the quiz post to this route's action (no JavaScript needed); the
// quiz is graded on the server and its result shown here.
import { data, redirect } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  answerQuiz,
  completeStep,
  viewStep,
} from '../../../modules/learning/learning-progress.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { QuizForm } from '../components/QuizForm.tsx';
import { stepKindKey } from '../components/StepKind.tsx';
import { readQuizAnswers } from '../forms.server.ts';
import learningCss from '../learning.css?url';
import type { Route } from './+types/step.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learningCss }];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const v = await viewStep(deps, actor, params.pathId, params.stepId, request);
    return {
      pathId: v.path.id,
      pathTitle: v.path.title,
      published: v.path.status === 'published',
      step: v.step,
      number: v.index + 1,
      total: v.steps.length,
      previous: v.previous,
      next: v.next,
      done: v.done.includes(v.step.id),
      completedAt: v.completedAt ? formatDateTime(v.completedAt) : null,
      signedIn: v.signedIn,
      attempts: v.attempts.map((a) => ({ n: a.attemptNo, score: a.scorePercent, passed: a.passed })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  try {
    if (intent === 'done') {
      const r = await completeStep(deps, actor, params.pathId, params.stepId, request);
      const next = formText(form, 'next');
      const target = r.pathCompleted || !/^lstep_\w+$/.test(next) ? '' : `/steps/${next}`;
      return redirect(localePath(locale, `/learn/paths/${params.pathId}${target}`), 303);
    }
    if (intent === 'answer') {
      const answers = readQuizAnswers(form);
      const outcome = await onceForm(deps, actor, `learning.quiz.${params.stepId}`, form, (d) =>
        answerQuiz(d, actor, params.pathId, params.stepId, answers, request),
      );
      return { ok: true as const, outcome };
    }
    return data(
      { ok: false as const, errors: [{ key: 'error.validation' as const }], values: {} },
      { status: 400 },
    );
  } catch (e) {
    return failure(e, {});
  }
}

function StepContent({ step }: { step: Route.ComponentProps['loaderData']['step'] }) {
  const t = useT();
  const href = useHref();
  switch (step.kind) {
    case 'page':
      // Sanitised when saved and again when loaded (learning.sanitize.server.ts).
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised rich text
      return <div className="learn-step-body" dangerouslySetInnerHTML={{ __html: step.body }} />;
    case 'image':
      return (
        <figure className="learn-figure">
          <img src={`/media/${step.fileId}/medium`} alt={step.alt ?? ''} />
          {step.body ? <figcaption>{step.body}</figcaption> : null}
        </figure>
      );
    case 'video':
      return (
        <>
          {step.body ? <p>{step.body}</p> : null}
          <p>
            <a href={step.url ?? '#'} rel="noopener noreferrer">
              {t('learning.step.watchVideo')}
            </a>
          </p>
        </>
      );
    case 'record':
    case 'exhibition':
    case 'event':
      return (
        <>
          {step.body ? <p>{step.body}</p> : null}
          {step.refPath ? (
            <p>
              <a href={href(step.refPath)}>
                {t(`learning.step.open.${step.kind}`, { title: step.refTitle ?? '' })}
              </a>
            </p>
          ) : (
            <p className="muted">{t('learning.step.refGone')}</p>
          )}
        </>
      );
    case 'quiz':
      return step.body ? <p>{step.body}</p> : null;
  }
}

export default function StepPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const outcome = actionData?.ok ? actionData.outcome : null;
  const errors = actionData && !actionData.ok ? actionData.errors : undefined;
  const quiz = d.step.quiz;
  const passed = d.attempts.some((a) => a.passed);
  const used = d.attempts.length;
  const left = quiz ? Math.max(0, quiz.maxAttempts - used) : 0;
  return (
    <>
      <title>{`${d.step.title} — ${d.pathTitle} — Suốt Đời`}</title>
      <p>
        <a href={href(`/learn/paths/${d.pathId}`)}>{d.pathTitle}</a>
      </p>
      <p className="muted">
        {t('learning.step.position', { n: d.number, total: d.total })} · {t(stepKindKey(d.step.kind))}
      </p>
      <h1>{d.step.title}</h1>
      <ErrorSummary errors={errors} />
      {outcome ? (
        <div className={outcome.passed ? 'alert-ok' : 'error-summary'} role="status" tabIndex={-1}>
          <p>
            {t(outcome.passed ? 'learning.quiz.passed' : 'learning.quiz.failed', {
              score: outcome.scorePercent,
              left: outcome.attemptsLeft,
            })}
          </p>
          {outcome.pathCompleted ? <p>{t('learning.public.pathCompleted')}</p> : null}
        </div>
      ) : null}
      <StepContent step={d.step} />
      {quiz ? (
        <>
          <p className="muted">
            {t('learning.quiz.rules', { pass: quiz.passMark, max: quiz.maxAttempts, used })}
          </p>
          {d.attempts.length ? (
            <ul>
              {d.attempts.map((a) => (
                <li key={a.n}>
                  {t(a.passed ? 'learning.quiz.attemptPassed' : 'learning.quiz.attemptFailed', {
                    n: a.n,
                    score: a.score,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          {!d.signedIn ? (
            <p>{t('learning.quiz.signIn')}</p>
          ) : passed ? (
            <p className="learn-done">✓ {t('learning.quiz.alreadyPassed')}</p>
          ) : left === 0 ? (
            <p>{t('learning.error.attemptsUsed', { max: quiz.maxAttempts })}</p>
          ) : null}
          <QuizForm quiz={quiz} disabled={!d.signedIn || passed || left === 0 || !d.published} />
        </>
      ) : d.signedIn && d.published ? (
        d.done ? (
          <p className="learn-done">✓ {t('learning.public.done')}</p>
        ) : (
          <form method="post" className="form">
            <input type="hidden" name="intent" value="done" />
            {d.next ? <input type="hidden" name="next" value={d.next} /> : null}
            <button type="submit">{t('learning.step.markDone')}</button>
          </form>
        )
      ) : !d.signedIn ? (
        <p>{t('learning.public.signInToSave')}</p>
      ) : null}
      <nav className="learn-pager" aria-label={t('learning.step.pager')}>
        {d.previous ? (
          <a href={href(`/learn/paths/${d.pathId}/steps/${d.previous}`)}>← {t('learning.step.previous')}</a>
        ) : (
          <span />
        )}
        {d.next ? (
          <a href={href(`/learn/paths/${d.pathId}/steps/${d.next}`)}>{t('learning.step.next')} →</a>
        ) : (
          <a href={href(`/learn/paths/${d.pathId}`)}>{t('learning.step.backToPath')}</a>
        )}
      </nav>
    </>
  );
}
