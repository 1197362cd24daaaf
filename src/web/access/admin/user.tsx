// Back office: one user's roles. Revoke buttons, an add-grant form, and disable/enable. Every button is a
// plain form post to this route's action (`intent` says which), so it works without JavaScript.
import { redirect } from 'react-router';
import { formatDate } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath, type MessageKey } from '../../../lib/i18n.ts';
import { grantRole, revokeGrant } from '../../../modules/access/access.grants.server.ts';
import { GrantIdParamSchema, GrantInputSchema } from '../../../modules/access/access.schemas.server.ts';
import { getUser, inviteOptions, setUserDisabled } from '../../../modules/access/access.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { RoleUnitFields } from '../components/RoleUnitFields.tsx';
import type { Route } from './+types/user.ts';

const DONE: Record<string, MessageKey> = {
  invited: 'access.invite.done',
  granted: 'access.grants.added',
  revoked: 'access.grants.revoked',
  disabled: 'access.user.disabledDone',
  enabled: 'access.user.enabledDone',
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [detail, options] = await Promise.all([
      getUser(deps, actor, params.userId),
      inviteOptions(deps, actor),
    ]);
    const { user } = detail;
    return {
      notice: doneNotice(request.url, DONE),
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        twoFactorEnabled: user.twoFactorEnabled,
        createdOn: formatDate(user.createdAt),
        disabledOn: user.disabledAt ? formatDate(user.disabledAt) : null,
      },
      grants: detail.grants.map((g) => ({
        id: g.id,
        role: g.role,
        unitName: g.unitName,
        grantedOn: formatDate(g.grantedAt),
        revokedOn: g.revokedAt ? formatDate(g.revokedAt) : null,
        canRevoke: g.canRevoke,
      })),
      canDisable: detail.canDisable,
      options: { roles: options.roles, units: options.units },
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

const GRANT_FIELDS = {
  role: { field: 'grant-role', key: 'access.form.roleInvalid' },
  unitId: { field: 'grant-unit', key: 'access.form.unitRequired' },
} as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const values = { role: formText(form, 'role'), unitId: formText(form, 'unitId') };
  const back = (done: string) =>
    redirect(`${localePath(locale, `/admin/users/${params.userId}`)}?done=${done}`);
  try {
    if (intent === 'grant') {
      const parsed = GrantInputSchema.safeParse(values);
      if (!parsed.success) return invalid(issuesToMessages(parsed.error, GRANT_FIELDS), values);
      await onceForm(deps, actor, 'access.grant.create', form, async (d) => {
        await grantRole(d, actor, { userId: params.userId, ...parsed.data });
      });
      return back('granted');
    }
    if (intent === 'revoke') {
      const parsed = GrantIdParamSchema.safeParse({ grantId: formText(form, 'grantId') });
      if (!parsed.success) return invalid([{ key: 'error.validation' }], values);
      await revokeGrant(deps, actor, parsed.data.grantId);
      return back('revoked');
    }
    if (intent === 'disable' || intent === 'enable') {
      await setUserDisabled(deps, actor, { userId: params.userId, disabled: intent === 'disable' });
      return back(intent === 'disable' ? 'disabled' : 'enabled');
    }
    return invalid([{ key: 'error.validation' }], values);
  } catch (e) {
    return failure(e, values, isAppError(e) && e.code === 'access.unit.unknown' ? 'grant-unit' : undefined);
  }
}

export default function UserPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { user, grants, options } = loaderData;
  const errors = actionData?.errors;
  const errorOn = (field: string) => errors?.some((e) => e.field === field);
  const roleName = (role: string) => t(`access.role.${role as 'unit_staff'}`);
  return (
    <>
      <title>{`${user.name} — ${t('access.users.title')} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/users')}>{t('access.user.back')}</a>
      </p>
      <h1>{user.name}</h1>
      {loaderData.notice ? (
        <p className="alert-ok" role="status">
          {t(loaderData.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />

      <h2>{t('access.user.details')}</h2>
      <dl className="details-list">
        <dt>{t('access.user.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('access.user.status')}</dt>
        <dd>
          {user.disabledOn
            ? t('access.user.disabledOn', { date: user.disabledOn })
            : t('access.users.statusActive')}
        </dd>
        <dt>{t('access.user.twoFactor')}</dt>
        <dd>{user.twoFactorEnabled ? t('access.user.twoFactorOn') : t('access.user.twoFactorOff')}</dd>
        <dt>{t('access.user.created')}</dt>
        <dd>{user.createdOn}</dd>
      </dl>
      {loaderData.canDisable ? (
        <form method="post" className="inline-form">
          <input type="hidden" name="intent" value={user.disabledOn ? 'enable' : 'disable'} />
          {user.disabledOn ? null : <p className="muted">{t('access.user.disableHint')}</p>}
          <button type="submit" className={user.disabledOn ? 'secondary' : 'danger'}>
            {user.disabledOn ? t('access.user.enable') : t('access.user.disable')}
          </button>
        </form>
      ) : null}

      <div className="table-wrap">
        <table>
          <caption>{t('access.grants.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('access.grants.colRole')}</th>
              <th scope="col">{t('access.grants.colUnit')}</th>
              <th scope="col">{t('access.grants.colGrantedAt')}</th>
              <th scope="col">{t('access.grants.colStatus')}</th>
              <th scope="col">{t('access.grants.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id}>
                <th scope="row">{roleName(g.role)}</th>
                <td>{g.unitName}</td>
                <td>{g.grantedOn}</td>
                <td>
                  {g.revokedOn
                    ? t('access.grants.revokedOn', { date: g.revokedOn })
                    : t('access.grants.active')}
                </td>
                <td>
                  {!g.canRevoke ? null : (
                    <form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="grantId" value={g.id} />
                      <button
                        type="submit"
                        className="secondary"
                        aria-label={t('access.grants.revokeLabel', {
                          role: roleName(g.role),
                          unit: g.unitName,
                        })}
                      >
                        {t('access.grants.revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {grants.length === 0 ? <p>{t('access.grants.none')}</p> : null}

      {options.units.length && !user.disabledOn ? (
        <section aria-labelledby="grant-title">
          <h2 id="grant-title">{t('access.grants.addTitle')}</h2>
          <form method="post" className="form">
            <input type="hidden" name="intent" value="grant" />
            <FormToken />
            <RoleUnitFields
              idPrefix="grant"
              roles={options.roles}
              units={options.units}
              values={actionData?.values ?? {}}
              roleLabel={t('access.grants.colRole')}
              invalid={{ role: errorOn('grant-role'), unitId: errorOn('grant-unit') }}
            />
            <div>
              <button type="submit">{t('access.grants.add')}</button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
