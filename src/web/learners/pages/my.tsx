// "My learning": who the account is acting as, the family it manages (switch in one tap: a form button, no
// JavaScript), what each profile still needs (consents, a year of birth), and guest event registrations made
// with a verified phone or address that can be moved into the account.
import { data, redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { currentLearner } from '../../../modules/learners/index.server.ts';
import {
  claimableRegistrations,
  claimRegistrations,
} from '../../../modules/learners/learners.claims.server.ts';
import { participation } from '../../../modules/learners/learners.consent.server.ts';
import { selectLearner } from '../../../modules/learners/learners.current.server.ts';
import { myProfiles } from '../../../modules/learners/learners.profiles.server.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { cookieHeaders, formText } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { messagesFrom } from '../forms.server.ts';
import type { Route } from './+types/my.ts';

export const middleware: Route.MiddlewareFunction[] = [requireUser];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const profiles = await myProfiles(deps, actor);
  const [state, current, claimable] = await Promise.all([
    participation(
      deps,
      profiles.map((p) => p.id),
    ),
    currentLearner(actor, request),
    claimableRegistrations(deps, actor),
  ]);
  return {
    currentId: current?.id ?? null,
    claimable,
    profiles: profiles.map((p) => ({
      id: p.id,
      relation: p.relation,
      displayName: p.displayName,
      birthYear: p.birthYear,
      blocks: state.get(p.id)?.blocks ?? [],
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  try {
    if (formText(form, 'intent') === 'claim') {
      const claimed = await claimRegistrations(deps, actor);
      return data({ claimed, errors: undefined });
    }
    const cookie = await selectLearner(deps, actor, formText(form, 'learnerId').slice(0, 64));
    return redirect(localePath(locale, '/my'), { headers: cookieHeaders([cookie]) });
  } catch (e) {
    const { status, errors } = messagesFrom(e);
    return data({ claimed: null, errors }, { status });
  }
}

export default function MyLearning({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { profiles, currentId, claimable } = loaderData;
  const current = profiles.find((p) => p.id === currentId) ?? profiles[0];
  return (
    <>
      <title>{`${t('learners.my.title')} — Suốt Đời`}</title>
      <h1>{t('learners.my.title')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      {current ? (
        <p className="lead" aria-live="polite">
          {t('learners.my.actingAs', { name: current.displayName })}
        </p>
      ) : null}
      {actionData?.claimed != null ? (
        <p role="status">{t('learners.my.claimed', { count: actionData.claimed })}</p>
      ) : null}
      <h2>{t('learners.my.family')}</h2>
      <ul className="learners-family">
        {profiles.map((p) => (
          <li key={p.id}>
            <p>
              <strong>{p.displayName}</strong>{' '}
              <span>
                ({t(`learners.relation.${p.relation}`)}
                {p.birthYear ? `, ${p.birthYear}` : ''})
              </span>
              {p.id === currentId ? <span className="badge"> {t('learners.my.current')}</span> : null}
            </p>
            {p.blocks.length ? (
              <ul>
                {p.blocks.map((b) => (
                  <li key={b}>{t(`learners.block.${b}`)}</li>
                ))}
              </ul>
            ) : null}
            <div className="actions">
              {p.id !== currentId ? (
                <form method="post">
                  <input type="hidden" name="intent" value="switch" />
                  <input type="hidden" name="learnerId" value={p.id} />
                  <button type="submit">{t('learners.my.switchTo', { name: p.displayName })}</button>
                </form>
              ) : null}
              <a href={href(`/my/profile/${p.id}`)}>
                {t('learners.my.editProfile', { name: p.displayName })}
              </a>
            </div>
          </li>
        ))}
      </ul>
      <p>
        <a className="button" href={href('/my/family/new')}>
          {t('learners.my.addMember')}
        </a>
      </p>
      {claimable > 0 ? (
        <>
          <h2>{t('learners.my.claimTitle')}</h2>
          <form method="post">
            <input type="hidden" name="intent" value="claim" />
            <p>{t('learners.my.claimLead', { count: claimable })}</p>
            <button type="submit">{t('learners.my.claim')}</button>
          </form>
        </>
      ) : null}
    </>
  );
}
