// Back office: nominate a collective or a person (a model, a creative practice, an achievement).
import { redirect } from 'react-router';
import { scopeRoots } from '../../../app/policies.server.ts';
import { localePath } from '../../../lib/i18n.ts';
import {
  createNomination,
  NominationInputSchema,
  nominationFormOptions,
} from '../../../modules/commendations/commendations.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { NominationForm } from '../components/NominationForm.tsx';
import { NOMINATION_MESSAGES, nominationInput, readNominationForm } from '../forms.server.ts';
import type { Route } from './+types/new.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  if (scopeRoots(actor, 'commendations.nomination.create').length === 0)
    throw new Response(null, { status: 403 });
  return { options: await nominationFormOptions(deps, actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = readNominationForm(form);
  const parsed = NominationInputSchema.safeParse(nominationInput(values));
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, NOMINATION_MESSAGES), values);
  try {
    const id = await onceForm(deps, actor, 'commendations.nomination.create', form, (d) =>
      createNomination(d, actor, parsed.data),
    );
    return redirect(`${localePath(locale, `/admin/commendations/${id}`)}?done=created`, 303);
  } catch (e) {
    return failure(e, values);
  }
}

export default function NewNomination({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('commendations.new')} — Suốt Đời`}</title>
      <p className="breadcrumb">
        <a href={href('/admin/commendations')}>{t('commendations.title')}</a>
      </p>
      <h1>{t('commendations.new')}</h1>
      <NominationForm
        options={loaderData.options}
        values={(actionData?.values ?? {}) as Record<string, string | string[]>}
        errors={actionData?.errors}
        submitLabel={t('commendations.create')}
        token
      />
    </>
  );
}
