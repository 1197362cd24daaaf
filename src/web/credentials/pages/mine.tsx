// "My credentials": the signed-in learner's credentials, each with its verification link (to share), the JSON
// download, the certificate, and a switch to hide it (a hidden credential's link answers "not found").
import { formatDate } from '../../../lib/dates.ts';
import { myCredentials, setHidden } from '../../../modules/credentials/credentials.usecases.server.ts';
import { currentLearner } from '../../../modules/learners/index.server.ts';
import { requestContext } from '../../context.ts';
import { requireUser } from '../../guards.ts';
import { useHref, useT } from '../../i18n.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { failure, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import styles from '../credentials.css?url';
import type { Route } from './+types/mine.ts';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: styles }];
export const middleware: Route.MiddlewareFunction[] = [requireUser];

async function learnerIds(actor: Parameters<typeof currentLearner>[0], request: Request) {
  const me = await currentLearner(actor, request);
  return me ? [me.id] : [];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const awards = await myCredentials(deps, await learnerIds(actor, request));
    return {
      awards: awards.map((a) => ({
        id: a.id,
        name: String(a.document.name ?? ''),
        issuedAt: formatDate(a.issuedAt),
        hidden: a.hidden,
        revoked: Boolean(a.revokedAt),
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor } = context.get(requestContext);
  const form = await readPageForm(request);
  try {
    await setHidden(
      deps,
      actor,
      await learnerIds(actor, request),
      formText(form, 'id'),
      formText(form, 'hidden') === 'true',
    );
    return { ok: true as const, errors: undefined };
  } catch (e) {
    return failure(e, {});
  }
}

export default function MyCredentials({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  return (
    <>
      <title>{`${t('credentials.mine.title')} — Suốt Đời`}</title>
      <h1>{t('credentials.mine.title')}</h1>
      <ErrorSummary errors={actionData?.errors} />
      {loaderData.awards.length === 0 ? <p>{t('credentials.mine.empty')}</p> : null}
      <ul className="credential-links">
        {loaderData.awards.map((a) => (
          <li key={a.id}>
            <strong>{a.name}</strong> — {a.issuedAt}
            {a.revoked ? ` — ${t('credentials.status.revoked')}` : ''}
            {a.hidden ? ` — ${t('credentials.mine.hidden')}` : ''}
            <br />
            <a href={href(`/credentials/${a.id}`)}>
              {t('credentials.mine.open')}
              <span className="visually-hidden">: {a.name}</span>
            </a>
            {' · '}
            <a href={`/credentials/${a.id}/credential.json`} download>
              JSON<span className="visually-hidden">: {a.name}</span>
            </a>
            {' · '}
            <a href={href(`/credentials/${a.id}/certificate`)}>
              {t('credentials.verify.certificate')}
              <span className="visually-hidden">: {a.name}</span>
            </a>
            <form method="post" className="inline-form">
              <input type="hidden" name="id" value={a.id} />
              <input type="hidden" name="hidden" value={a.hidden ? 'false' : 'true'} />
              <button type="submit" className="secondary">
                {a.hidden ? t('credentials.mine.show') : t('credentials.mine.hide')}
                <span className="visually-hidden">: {a.name}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
