// Back office: users and their roles (narrowed to the actor's units), with filters and the invite form.
// Plain GET filters and a POST invite: works without JavaScript.
import { redirect } from 'react-router';
import { formatDate } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath } from '../../../lib/i18n.ts';
import { InviteInputSchema, UserListQuerySchema } from '../../../modules/access/access.schemas.server.ts';
import { inviteOptions, inviteUser, listUsers } from '../../../modules/access/access.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceFormAfter } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { RoleUnitFields } from '../components/RoleUnitFields.tsx';
import type { Route } from './+types/users.ts';

const FILTER_KEYS = ['q', 'role', 'unit', 'status', 'page'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = UserListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : UserListQuerySchema.parse({});
  try {
    const [page, options] = await Promise.all([listUsers(deps, actor, query), inviteOptions(deps, actor)]);
    return {
      filters: raw,
      invalidFilters: !parsed.success,
      total: page.total,
      page: page.page,
      pages: Math.max(1, Math.ceil(page.total / page.limit)),
      users: page.users.map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        disabled: u.disabledAt !== null,
        invitedOn: u.invitedAt ? formatDate(u.invitedAt) : null,
        grants: u.grants.map((g) => ({ id: g.id, role: g.role, unitName: g.unitName })),
      })),
      options,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

const INVITE_FIELDS = {
  email: { field: 'invite-email', key: 'access.form.emailInvalid' },
  name: { field: 'invite-name', key: 'access.form.nameRequired' },
  'grant.role': { field: 'invite-role', key: 'access.form.roleInvalid' },
  'grant.unitId': { field: 'invite-unit', key: 'access.form.unitRequired' },
} as const;

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = {
    email: formText(form, 'email').slice(0, 254),
    name: formText(form, 'name').slice(0, 200),
    role: formText(form, 'role'),
    unitId: formText(form, 'unitId'),
  };
  const parsed = InviteInputSchema.safeParse({
    email: values.email,
    name: values.name,
    locale,
    ...(values.role || values.unitId ? { grant: { role: values.role, unitId: values.unitId } } : {}),
  });
  if (!parsed.success) return invalid(issuesToMessages(parsed.error, INVITE_FIELDS), values);
  try {
    // The invitation writes through better-auth and sends mail: the e-mail's uniqueness stops a duplicate, and
    // the token answers a resubmission with the user the first submission invited.
    const { id } = await onceFormAfter(deps, actor, 'access.user.invite', form, () =>
      inviteUser(deps, actor, parsed.data),
    );
    return redirect(`${localePath(locale, `/admin/users/${id}`)}?done=invited`);
  } catch (e) {
    const onUnit = isAppError(e) && e.code === 'access.unit.unknown';
    const onEmail = isAppError(e) && e.code.endsWith('email_taken');
    return failure(e, values, onUnit ? 'invite-unit' : onEmail ? 'invite-email' : undefined);
  }
}

export default function UsersPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const f = loaderData.filters;
  const { options } = loaderData;
  const values: Partial<Record<'email' | 'name' | 'role' | 'unitId', string>> = actionData?.values ?? {};
  const errors = actionData?.errors;
  const errorOn = (field: string) => errors?.some((e) => e.field === field);
  const pageLink = (page: number) => `?${new URLSearchParams({ ...f, page: String(page) }).toString()}`;
  return (
    <>
      <title>{`${t('access.users.title')} — Suốt Đời`}</title>
      <h1>{t('access.users.title')}</h1>
      {loaderData.invalidFilters ? (
        <p className="alert-error" role="alert">
          {t('error.validation')}
        </p>
      ) : null}
      <form method="get" className="filters" aria-label={t('access.users.filters')}>
        <TextField
          id="users-q"
          label={t('access.users.search')}
          name="q"
          type="search"
          defaultValue={f.q ?? ''}
          maxLength={200}
        />
        <SelectField id="users-role" label={t('access.users.role')} name="role" defaultValue={f.role ?? ''}>
          <option value="">{t('access.users.any')}</option>
          {options.roles.map((r) => (
            <option key={r} value={r}>
              {t(`access.role.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="users-unit" label={t('access.users.unit')} name="unit" defaultValue={f.unit ?? ''}>
          <option value="">{t('access.users.any')}</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {`${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="users-status"
          label={t('access.users.status')}
          name="status"
          defaultValue={f.status ?? ''}
        >
          <option value="">{t('access.users.any')}</option>
          <option value="active">{t('access.users.statusActive')}</option>
          <option value="disabled">{t('access.users.statusDisabled')}</option>
        </SelectField>
        <button type="submit">{t('access.users.filter')}</button>
      </form>

      <div className="table-wrap">
        <table>
          <caption>{t('access.users.caption', { count: loaderData.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('access.users.colName')}</th>
              <th scope="col">{t('access.users.colEmail')}</th>
              <th scope="col">{t('access.users.colRoles')}</th>
              <th scope="col">{t('access.users.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.users.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <a href={href(`/admin/users/${u.id}`)}>{u.name}</a>
                </th>
                <td>{u.email}</td>
                <td>
                  {u.grants.length ? (
                    <ul className="plain-list">
                      {u.grants.map((g) => (
                        <li key={g.id}>
                          {t('access.users.roleAt', { role: t(`access.role.${g.role}`), unit: g.unitName })}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">{t('access.users.noRoles')}</span>
                  )}
                </td>
                <td>
                  {u.disabled ? (
                    <span className="badge">{t('access.users.statusDisabled')}</span>
                  ) : (
                    t('access.users.statusActive')
                  )}
                  {u.invitedOn ? (
                    <div className="muted">{t('access.users.invitedOn', { date: u.invitedOn })}</div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {loaderData.users.length === 0 ? <p>{t('access.users.empty')}</p> : null}
      {loaderData.pages > 1 ? (
        <nav aria-label={t('access.users.pagination')} className="pagination">
          {loaderData.page > 1 ? <a href={pageLink(loaderData.page - 1)}>{t('access.users.prev')}</a> : null}
          <span>{t('access.users.pageOf', { page: loaderData.page, pages: loaderData.pages })}</span>
          {loaderData.page < loaderData.pages ? (
            <a href={pageLink(loaderData.page + 1)}>{t('access.users.next')}</a>
          ) : null}
        </nav>
      ) : null}

      {options.units.length || options.allowNoRole ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t('access.invite.title')}</h2>
          <p className="muted">{t('access.invite.hint')}</p>
          <ErrorSummary errors={errors} />
          <form method="post" className="form" noValidate>
            <FormToken />
            <div className="field">
              <label htmlFor="invite-email">{t('access.invite.email')}</label>
              <input
                id="invite-email"
                name="email"
                type="email"
                autoComplete="off"
                required
                maxLength={254}
                defaultValue={values.email ?? ''}
                aria-invalid={errorOn('invite-email') || undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="invite-name">{t('access.invite.name')}</label>
              <input
                id="invite-name"
                name="name"
                required
                maxLength={200}
                defaultValue={values.name ?? ''}
                aria-invalid={errorOn('invite-name') || undefined}
              />
            </div>
            <RoleUnitFields
              idPrefix="invite"
              roles={options.roles}
              units={options.units}
              values={values}
              allowNone={options.allowNoRole}
              roleLabel={t('access.invite.role')}
              invalid={{ role: errorOn('invite-role'), unitId: errorOn('invite-unit') }}
            />
            <div>
              <button type="submit">{t('access.invite.submit')}</button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
