// One profile the account manages: display name, year of birth, commune, interests, language (versioned: a
// stale save is refused), and the consents it still needs. Another family's profile is a 404.
import { data } from 'react-router';
import {
  giveConsents,
  participation,
  withdrawConsents,
} from '../../../modules/learners/learners.consent.server.ts';
import { myProfile, updateProfile } from '../../../modules/learners/learners.profiles.server.ts';
import { placesPort } from '../../../modules/places/index.server.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ConsentBoxes, invalidFields, ProfileFields } from '../components/ProfileFields.tsx';
import { messagesFrom } from '../forms.server.ts';
import { readProfileFields, toProfileInput } from '../profile-input.server.ts';
import type { Route } from './+types/profile.ts';

export const middleware: Route.MiddlewareFunction[] = [requireUser];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const p = await myProfile(deps, actor, params.learnerId).catch(rethrowForPage);
  const [state, communes] = await Promise.all([
    participation(deps, [p.id]),
    placesPort.communes(deps, deps.db),
  ]);
  const s = state.get(p.id);
  return {
    welcome: new URL(request.url).searchParams.get('welcome') === '1',
    profile: {
      id: p.id,
      relation: p.relation,
      version: p.version,
      values: {
        displayName: p.displayName,
        birthYear: p.birthYear ? String(p.birthYear) : '',
        commune: p.commune ?? '',
        interests: p.interests.join(', '),
        preferredLanguage: p.preferredLanguage,
      },
    },
    communes,
    blocks: s?.blocks ?? [],
    needs: s?.needs ?? { guardian: false, child: false },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const values = readProfileFields(form);
  try {
    if (intent === 'consent') {
      await giveConsents(deps, actor, params.learnerId, {
        guardianConsent: formText(form, 'guardianConsent') === 'yes',
        childConsent: formText(form, 'childConsent') === 'yes',
      });
      return data({ saved: 'consent' as const, errors: undefined, values: null });
    }
    if (intent === 'withdraw') {
      await withdrawConsents(deps, actor, params.learnerId);
      return data({ saved: 'withdrawn' as const, errors: undefined, values: null });
    }
    const version = Number(formText(form, 'version'));
    await updateProfile(deps, actor, params.learnerId, toProfileInput(values), version);
    return data({ saved: 'profile' as const, errors: undefined, values: null });
  } catch (e) {
    const { status, errors } = messagesFrom(e);
    return data({ saved: null, errors, values: intent === 'save' ? values : null }, { status });
  }
}

export default function Profile({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { profile, communes, blocks, needs, welcome } = loaderData;
  const errors = actionData?.errors;
  const bad = invalidFields(errors);
  return (
    <>
      <title>{`${t('learners.profile.title')} — Suốt Đời`}</title>
      <h1>{t('learners.profile.title')}</h1>
      <ErrorSummary errors={errors} />
      {welcome && !actionData ? <p role="status">{t('learners.profile.welcome')}</p> : null}
      {actionData?.saved ? <p role="status">{t(`learners.profile.saved.${actionData.saved}`)}</p> : null}
      <form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={profile.version} />
        <ProfileFields values={actionData?.values ?? profile.values} communes={communes} invalid={bad} />
        <p className="hint">{t('learners.profile.noIdNumbers')}</p>
        <div>
          <button type="submit">{t('learners.profile.save')}</button>
        </div>
      </form>
      {blocks.length ? (
        <section aria-labelledby="learners-consent-title">
          <h2 id="learners-consent-title">{t('learners.profile.consentTitle')}</h2>
          <ul>
            {blocks.map((b) => (
              <li key={b}>{t(`learners.block.${b}`)}</li>
            ))}
          </ul>
          {profile.relation !== 'self' &&
          (blocks.includes('guardianConsentMissing') || blocks.includes('childConsentMissing')) ? (
            <form method="post" className="form">
              <input type="hidden" name="intent" value="consent" />
              <ConsentBoxes
                guardian={blocks.includes('guardianConsentMissing')}
                child={blocks.includes('childConsentMissing')}
                invalid={bad}
              />
              <button type="submit">{t('learners.consent.give')}</button>
            </form>
          ) : null}
        </section>
      ) : null}
      {profile.relation !== 'self' && (needs.guardian || needs.child) && !blocks.length ? (
        <form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <button type="submit" className="secondary">
            {t('learners.consent.withdraw')}
          </button>
        </form>
      ) : null}
      <p>
        <a href={href('/my')}>{t('learners.profile.back')}</a>
      </p>
    </>
  );
}
