// Back office: security settings (two-factor sign-in required for staff). A checkbox form posted to the action.

import { redirect } from 'react-router';
import { localePath } from '../../../lib/i18n.ts';
import {
  getSecuritySettings,
  updateSecuritySettings,
} from '../../../modules/access/access.settings.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { failure } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { formVersion } from '../../ui/version-forms.ts';
import type { Route } from './+types/security.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const settings = await getSecuritySettings(deps, actor);
    return { settings, notice: doneNotice(request.url, { saved: 'access.security.saved' }) };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  // An unchecked checkbox is simply absent from the form.
  const requireMfaForStaff = form.get('requireMfaForStaff') === 'on';
  try {
    await updateSecuritySettings(deps, actor, { requireMfaForStaff }, formVersion(form));
    return redirect(`${localePath(locale, '/admin/settings/security')}?done=saved`);
  } catch (e) {
    return failure(e, {});
  }
}

export default function SecuritySettingsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <title>{`${t('access.security.title')} — Suốt Đời`}</title>
      <h1>{t('access.security.title')}</h1>
      {loaderData.notice ? (
        <p className="alert-ok" role="status">
          {t(loaderData.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <form method="post" className="form">
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="version" value={loaderData.settings.version} />
        <div className="field checkbox-field">
          <input
            id="security-require-mfa"
            name="requireMfaForStaff"
            type="checkbox"
            defaultChecked={loaderData.settings.requireMfaForStaff}
            aria-describedby="security-require-mfa-hint"
          />
          <label htmlFor="security-require-mfa">{t('access.security.requireMfa')}</label>
          <p id="security-require-mfa-hint" className="hint">
            {t('access.security.requireMfaHint')}
          </p>
        </div>
        <div>
          <button type="submit">{t('access.security.save')}</button>
        </div>
      </form>
    </>
  );
}
