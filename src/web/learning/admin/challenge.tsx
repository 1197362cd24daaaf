// Back office: edit one reading challenge — details, publish or withdraw.
import { data, redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import {
  challengeForEdit,
  setChallengeStatus,
  updateChallenge,
} from '../../../modules/learning/challenges.usecases.server.ts';
import { unitOptions } from '../../../modules/learning/learning.admin.server.ts';
import { ChallengeInputSchema } from '../../../modules/learning/learning.schemas.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ChallengeForm } from '../components/ChallengeForm.tsx';
import { LearningEditHeader } from '../components/EditHeader.tsx';
import { CHALLENGE_MESSAGES, readChallengeForm } from '../forms.server.ts';
import type { Route } from './+types/challenge.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const c = await challengeForEdit(deps, actor, params.challengeId);
    return {
      id: c.id,
      title: c.title,
      status: c.status,
      version: c.version,
      values: {
        unitId: c.unitId,
        title: c.title,
        description: c.description,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        goalKind: c.goalKind,
        goal: String(c.goal),
        groupKind: c.groupKind ?? '',
      },
      units: await unitOptions(deps, actor, 'learning.challenge.update'),
      notice: doneNotice(request.url, {
        created: 'learning.admin.done.created',
        saved: 'learning.admin.done.saved',
        published: 'learning.admin.done.published',
        unpublished: 'learning.admin.done.unpublished',
      }),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const version = Number(formText(form, 'version')) || 0;
  const done = (what: string) =>
    redirect(`${localePath(locale, `/admin/learning/challenges/${params.challengeId}`)}?done=${what}`, 303);
  if (intent === 'details') {
    const { values, input } = readChallengeForm(form);
    const parsed = ChallengeInputSchema.safeParse(input);
    if (!parsed.success)
      return invalid(issuesToMessages(parsed.error, CHALLENGE_MESSAGES), { intent, ...values });
    try {
      await updateChallenge(deps, actor, params.challengeId, { ...parsed.data, version });
      return done('saved');
    } catch (e) {
      return failure(e, { intent, ...values }, 'challenge-title');
    }
  }
  if (intent === 'publish' || intent === 'unpublish') {
    try {
      await setChallengeStatus(
        deps,
        actor,
        params.challengeId,
        intent === 'publish' ? 'published' : 'draft',
        version,
      );
      return done(intent === 'publish' ? 'published' : 'unpublished');
    } catch (e) {
      return failure(e, { intent });
    }
  }
  return data(
    { ok: false as const, errors: [{ key: 'error.validation' as const }], values: { intent } },
    { status: 400 },
  );
}

export default function ChallengeEditPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors;
  const posted: Record<string, string> = actionData?.values ?? {};
  return (
    <>
      <LearningEditHeader
        title={d.title}
        status={d.status}
        version={d.version}
        previewPath={`/learn/challenges/${d.id}`}
        notice={d.notice}
        errors={errors}
      />
      <h2>{t('learning.admin.details')}</h2>
      <ChallengeForm
        values={posted.intent === 'details' ? posted : d.values}
        errors={posted.intent === 'details' ? errors : undefined}
        units={d.units}
        submitLabel={t('learning.admin.save')}
        intent="details"
        version={d.version}
      />
    </>
  );
}
