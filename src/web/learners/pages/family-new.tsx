// Adds a family member the account will manage (a child, an elderly parent). A child under the guardian
// threshold is added only with the guardian's consent (and, from the child threshold, the child's own), ticked
// here by the guardian — never pre-ticked. The consent boxes are always shown; the rules decide which are needed.
import { data, redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import { addFamilyMember } from '../../../modules/learners/learners.consent.server.ts';
import { placesPort } from '../../../modules/places/index.server.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceFormAfter, readFormToken } from '../../ui/form-once.server.ts';
import { formText } from '../../ui/forms.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ConsentBoxes, invalidFields, ProfileFields } from '../components/ProfileFields.tsx';
import { messagesFrom } from '../forms.server.ts';
import { readProfileFields, toProfileInput } from '../profile-input.server.ts';
import type { Route } from './+types/family-new.ts';

export const middleware: Route.MiddlewareFunction[] = [requireUser];

export async function loader({ context }: Route.LoaderArgs) {
  const { deps } = context.get(requestContext);
  return { communes: await placesPort.communes(deps, deps.db) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = readProfileFields(form);
  const relation = formText(form, 'relation');
  try {
    // Outside the token's transaction: the use case reads settings through their own cached connection.
    await onceFormAfter(deps, actor, 'learners.family.add', form, () =>
      addFamilyMember(
        deps,
        actor,
        {
          ...toProfileInput(values),
          relation: relation as 'child',
          guardianConsent: formText(form, 'guardianConsent') === 'yes',
          childConsent: formText(form, 'childConsent') === 'yes',
        },
        readFormToken(form),
      ),
    );
    return redirect(localePath(locale, '/my'));
  } catch (e) {
    const { status, errors } = messagesFrom(e);
    return data({ errors, values: { ...values, relation } }, { status });
  }
}

export default function FamilyNew({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.errors;
  const bad = invalidFields(errors);
  const values = actionData?.values ?? {
    displayName: '',
    birthYear: '',
    commune: '',
    interests: '',
    preferredLanguage: 'vi',
    relation: 'child',
  };
  return (
    <>
      <title>{`${t('learners.family.title')} — Suốt Đời`}</title>
      <h1>{t('learners.family.title')}</h1>
      <ErrorSummary errors={errors} />
      <p>{t('learners.family.lead')}</p>
      <form method="post" className="form" noValidate>
        <FormToken />
        <SelectField
          id="learners-relation"
          label={t('learners.field.relation')}
          name="relation"
          defaultValue={values.relation}
        >
          <option value="child">{t('learners.relation.child')}</option>
          <option value="parent">{t('learners.relation.parent')}</option>
          <option value="other">{t('learners.relation.other')}</option>
        </SelectField>
        <ProfileFields values={values} communes={loaderData.communes} invalid={bad} />
        <p className="hint">{t('learners.family.consentHint')}</p>
        <ConsentBoxes guardian child invalid={bad} />
        <div>
          <button type="submit">{t('learners.family.submit')}</button>
        </div>
      </form>
      <p>
        <a href={href('/my')}>{t('learners.profile.back')}</a>
      </p>
    </>
  );
}
