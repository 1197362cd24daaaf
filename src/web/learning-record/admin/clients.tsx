// Back office: LRS client credentials. An administrator issues HTTP Basic credentials to an institution or
// tool (the secret is shown once, in this answer only), sees when each was last used, and revokes them.
import { formatDateTime } from '../../../lib/dates.ts';
import {
  issueCredential,
  listCredentials,
  revokeCredential,
} from '../../../modules/lrs/lrs-credentials.usecases.server.ts';
import { unitOptions } from '../../../modules/places/places.admin.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { onceForm } from '../../ui/form-once.server.ts';
import { failure, formText, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import styles from '../learning-record.css?url';
import type { Route } from './+types/clients.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const [list, units] = await Promise.all([
      listCredentials(deps, actor),
      unitOptions(deps, actor, 'lrs.credential.manage'),
    ]);
    return {
      endpoint: `${deps.config.publicUrl}/xapi`,
      units,
      clients: list.map((c) => ({
        id: c.id,
        name: c.name,
        key: c.key,
        unitName: units.find((u) => u.id === c.unitId)?.name ?? '',
        createdAt: formatDateTime(c.createdAt),
        lastUsedAt: c.lastUsedAt ? formatDateTime(c.lastUsedAt) : null,
        revokedAt: c.revokedAt ? formatDateTime(c.revokedAt) : null,
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const values = { name: formText(form, 'name'), unitId: formText(form, 'unitId') };
  try {
    if (intent === 'issue') {
      if (!values.name.trim() || values.name.length > 200)
        return invalid([{ field: 'client-name', key: 'lrs.error.credentialName' }], values);
      if (!values.unitId) return invalid([{ field: 'client-unit', key: 'error.validation' }], values);
      // The secret leaves only in this answer: the form token remembers the id and key, never the secret,
      // so a double submit shows the same client without a second secret.
      let secret: string | null = null;
      const issued = await onceForm(deps, actor, 'lrs.credential.issue', form, async (d) => {
        const c = await issueCredential(d, actor, { name: values.name, unitId: values.unitId });
        secret = c.secret;
        return { id: c.id, key: c.key };
      });
      return {
        ok: true as const,
        issued: { key: issued.key, secret },
        revoked: false,
        errors: undefined,
        values: { name: '', unitId: '' },
      };
    }
    if (intent === 'revoke') {
      await revokeCredential(deps, actor, formText(form, 'id'));
      return { ok: true as const, issued: null, revoked: true, errors: undefined, values };
    }
  } catch (e) {
    return failure(e, values, 'client-name');
  }
  return invalid([{ key: 'error.validation' }], values);
}

export default function XapiClients({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { clients, units, endpoint } = loaderData;
  const issued = actionData?.ok ? actionData.issued : null;
  return (
    <>
      <title>{`${t('lrs.clients.title')} — Suốt Đời`}</title>
      <h1>{t('lrs.clients.title')}</h1>
      <p className="muted">{t('lrs.clients.intro')}</p>
      <ErrorSummary errors={actionData?.ok ? undefined : actionData?.errors} />
      {issued ? (
        <div className="alert-ok" role="status">
          <p>{t('lrs.clients.issued')}</p>
          <dl className="lr-secrets">
            <dt>{t('lrs.clients.endpoint')}</dt>
            <dd>
              <code className="secret">{endpoint}</code>
            </dd>
            <dt>{t('lrs.clients.key')}</dt>
            <dd>
              <code data-testid="client-key">{issued.key}</code>
            </dd>
            {issued.secret ? (
              <>
                <dt>{t('lrs.clients.secret')}</dt>
                <dd>
                  <code className="secret" data-testid="client-secret">
                    {issued.secret}
                  </code>
                </dd>
              </>
            ) : null}
          </dl>
        </div>
      ) : null}
      {actionData?.ok && actionData.revoked ? (
        <p className="alert-ok" role="status">
          {t('lrs.clients.revoked')}
        </p>
      ) : null}
      <form method="post">
        <FormToken />
        <input type="hidden" name="intent" value="issue" />
        <TextField
          id="client-name"
          label={t('lrs.clients.name')}
          name="name"
          required
          maxLength={200}
          defaultValue={actionData?.values?.name ?? ''}
        />
        <SelectField
          id="client-unit"
          label={t('lrs.clients.unit')}
          name="unitId"
          required
          defaultValue={actionData?.values?.unitId ?? ''}
        >
          <option value="" />
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {`${'— '.repeat(u.depth)}${u.name}`}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t('lrs.clients.issue')}</button>
      </form>
      <h2>{t('lrs.clients.list')}</h2>
      {clients.length === 0 ? (
        <p>{t('lrs.clients.none')}</p>
      ) : (
        <div className="table-wrap wide-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('lrs.clients.name')}</th>
                <th scope="col">{t('lrs.clients.key')}</th>
                <th scope="col">{t('lrs.clients.unit')}</th>
                <th scope="col">{t('lrs.clients.created')}</th>
                <th scope="col">{t('lrs.clients.lastUsed')}</th>
                <th scope="col">{t('lrs.clients.status')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>
                    <code>{c.key}</code>
                  </td>
                  <td>{c.unitName}</td>
                  <td>{c.createdAt}</td>
                  <td>{c.lastUsedAt ?? t('lrs.clients.never')}</td>
                  <td>
                    {c.revokedAt ? (
                      t('lrs.clients.revokedOn', { date: c.revokedAt })
                    ) : (
                      <form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="id" value={c.id} />
                        <button
                          type="submit"
                          className="secondary"
                          aria-label={t('lrs.clients.revokeLabel', { name: c.name })}
                        >
                          {t('lrs.clients.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
