// Back office: record an international cooperation activity.
import { redirect } from 'react-router';
import { scopeRoots } from '../../../app/policies.server.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  ActivityInputSchema,
  activityFormOptions,
  createActivity,
} from '../../../modules/cooperation/cooperation.usecases.server.ts';
import { countryOptions } from '../../../modules/cooperation/countries.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ActivityForm } from '../components/ActivityForm.tsx';
import { ACTIVITY_MESSAGES, activityFieldFor, activityInput, readActivityForm } from '../forms.server.ts';
import type { Route } from './+types/new.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  if (scopeRoots(actor, 'cooperation.activity.create').length === 0)
    throw new Response(null, { status: 403 });
  return { options: { ...(await activityFormOptions(deps, actor)), countries: countryOptions(locale) } };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = readActivityForm(form);
  const parsed = ActivityInputSchema.safeParse(activityInput(values));
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, ACTIVITY_MESSAGES), values);
  try {
    const id = await onceForm(deps, actor, 'cooperation.activity.create', form, (d) =>
      createActivity(d, actor, parsed.data),
    );
    return redirect(`${localePath(locale, `/admin/cooperation/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values, activityFieldFor((e as { code?: string }).code ?? ''));
  }
}

export default function NewActivity({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('cooperation.new')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/cooperation')}>{t('cooperation.title')}</a>
      </p>
      <h1>{t('cooperation.new')}</h1>
      <ActivityForm
        options={loaderData.options}
        values={(actionData?.values ?? {}) as Record<string, string | string[]>}
        errors={actionData?.errors}
        submitLabel={t('cooperation.create')}
        token
      />
    </>
  );
}
