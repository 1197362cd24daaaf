// Back office: edit one learning path — details, publish or withdraw, its ordered steps (move up/down,
// remove), and add a step. Each form posts to this route's action with an `intent` and the path's version.

import { unitOptions } from '../../../modules/learning/learning.admin.server.ts';
import { pathForEdit } from '../../../modules/learning/learning.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { LearningEditHeader } from '../components/EditHeader.tsx';
import { PathForm } from '../components/PathForm.tsx';
import { StepForm } from '../components/StepForm.tsx';
import { stepKindKey } from '../components/StepKind.tsx';
import learningCss from '../learning.css?url';
import type { Route } from './+types/path.ts';
import { pathEditAction } from './path.server.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: learningCss }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const { path, steps } = await pathForEdit(deps, actor, params.pathId);
    return {
      path: {
        id: path.id,
        title: path.title,
        status: path.status,
        version: path.version,
        values: {
          unitId: path.unitId,
          title: path.title,
          summary: path.summary,
          completionRule: path.completionRule,
        },
      },
      steps: steps.map((s) => ({
        id: s.id,
        kind: s.kind,
        title: s.title,
        required: s.required,
        questions: s.quiz?.questions.length ?? 0,
      })),
      units: await unitOptions(deps, actor, 'learning.path.update'),
      notice: doneNotice(request.url, {
        created: 'learning.admin.done.created',
        saved: 'learning.admin.done.saved',
        published: 'learning.admin.done.published',
        unpublished: 'learning.admin.done.unpublished',
        step: 'learning.admin.done.step',
        moved: 'learning.admin.done.moved',
        removed: 'learning.admin.done.removed',
      }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  return pathEditAction(deps, actor, locale, request, params.pathId);
}

export default function PathEditPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.errors;
  const posted: Record<string, string> = actionData?.values ?? {};
  const p = d.path;
  const step = (id: string, change: string, label: string) => (
    <form method="post" className="inline-form">
      <input type="hidden" name="intent" value="change" />
      <input type="hidden" name="version" value={p.version} />
      <input type="hidden" name="stepId" value={id} />
      <input type="hidden" name="change" value={change} />
      <button type="submit" className="link-button">
        {label}
      </button>
    </form>
  );
  return (
    <>
      <LearningEditHeader
        title={p.title}
        status={p.status}
        version={p.version}
        previewPath={`/learn/paths/${p.id}`}
        notice={d.notice}
        errors={errors}
      />

      <section aria-labelledby="path-steps">
        <h2 id="path-steps">{t('learning.public.stepsHeading')}</h2>
        {d.steps.length === 0 ? <p>{t('learning.admin.noSteps')}</p> : null}
        <ol className="learn-admin-steps">
          {d.steps.map((s, i) => (
            <li key={s.id}>
              <strong>{s.title}</strong>{' '}
              <span className="muted">
                ({t(stepKindKey(s.kind))}
                {s.kind === 'quiz' ? `, ${t('learning.admin.questions', { count: s.questions })}` : ''}
                {s.required ? '' : `, ${t('learning.public.optional')}`})
              </span>
              <div className="learn-step-actions">
                {i > 0 ? step(s.id, 'up', t('learning.admin.moveUp', { title: s.title })) : null}
                {i < d.steps.length - 1
                  ? step(s.id, 'down', t('learning.admin.moveDown', { title: s.title }))
                  : null}
                {step(s.id, 'remove', t('learning.admin.remove', { title: s.title }))}
              </div>
            </li>
          ))}
        </ol>
        <p>
          <a href={href(`/admin/learning/paths/${p.id}/image`)}>{t('learning.admin.addImage')}</a>
        </p>
        <details open={posted.intent === 'step'}>
          <summary>{t('learning.admin.addStep')}</summary>
          <StepForm
            values={posted.intent === 'step' ? posted : {}}
            errors={posted.intent === 'step' ? errors : undefined}
            version={p.version}
          />
        </details>
      </section>

      <section aria-labelledby="path-details">
        <h2 id="path-details">{t('learning.admin.details')}</h2>
        <PathForm
          values={posted.intent === 'details' ? posted : p.values}
          errors={posted.intent === 'details' ? errors : undefined}
          units={d.units}
          submitLabel={t('learning.admin.save')}
          intent="details"
          version={p.version}
        />
      </section>
    </>
  );
}
