// Back office: browse and filter the audit log (read-only; there is no way to change an entry).
import { formatDateTime } from '../../../lib/dates.ts';
import { AuditQuerySchema } from '../../../modules/audit/audit.schemas.server.ts';
import { listAuditEntries } from '../../../modules/audit/audit.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { TextField } from '../../ui/Field.tsx';
import { FilterProblems } from '../../ui/FilterProblems.tsx';
import { queryAnswer, rethrowForPage } from '../../ui/page-errors.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { auditActionLabel } from '../action-label.server.ts';
import type { Route } from './+types/audit.ts';

const FILTER_KEYS = ['actor', 'action', 'entityType', 'entity', 'from', 'to', 'q', 'before'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const k of FILTER_KEYS) {
    const v = url.searchParams.get(k)?.trim();
    if (v) raw[k] = v;
  }
  const parsed = AuditQuerySchema.safeParse(raw);
  const filters = parsed.success ? parsed.data : AuditQuerySchema.parse({});
  try {
    const page = await listAuditEntries(deps, actor, filters);
    return queryAnswer(
      {
        invalid: !parsed.success,
        filters: raw,
        entries: page.entries.map((e) => ({
          id: e.id,
          at: formatDateTime(e.at),
          actor: e.actorLabel ?? e.actorId,
          action: e.action,
          actionLabel: auditActionLabel(locale, e.action),
          entity: `${e.entityType}${e.entityId ? ` ${e.entityId}` : ''}`,
          unitId: e.unitId,
          before: e.before === null ? null : JSON.stringify(e.before, null, 2),
          after: e.after === null ? null : JSON.stringify(e.after, null, 2),
          requestId: e.requestId,
        })),
        nextBefore: page.nextBefore,
      },
      parsed.error,
    );
  } catch (e) {
    rethrowForPage(e);
  }
}

export default function AuditPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = loaderData.filters;
  const next = new URLSearchParams({ ...f, before: String(loaderData.nextBefore ?? '') });
  return (
    <>
      <title>{`${t('audit.title')} — Suốt Đời`}</title>
      <h1>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>
      {loaderData.invalid ? (
        <FilterProblems summary="audit.invalidFilters" problems={loaderData.problems} />
      ) : null}
      <form method="get" className="filters">
        <TextField
          id="audit-q"
          label={t('audit.filter.q')}
          name="q"
          defaultValue={f.q ?? ''}
          maxLength={200}
        />
        <TextField
          id="audit-action"
          label={t('audit.filter.action')}
          name="action"
          defaultValue={f.action ?? ''}
          maxLength={120}
        />
        <TextField
          id="audit-entity-type"
          label={t('audit.filter.entityType')}
          name="entityType"
          defaultValue={f.entityType ?? ''}
          maxLength={60}
        />
        <TextField
          id="audit-from"
          label={t('audit.filter.from')}
          name="from"
          type="date"
          defaultValue={f.from ?? ''}
        />
        <TextField
          id="audit-to"
          label={t('audit.filter.to')}
          name="to"
          type="date"
          defaultValue={f.to ?? ''}
        />
        <button type="submit">{t('audit.filter.submit')}</button>
      </form>
      <ScrollRegion>
        <table>
          <caption>{t('audit.caption', { count: loaderData.entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.col.at')}</th>
              <th scope="col">{t('audit.col.actor')}</th>
              <th scope="col">{t('audit.col.action')}</th>
              <th scope="col">{t('audit.col.entity')}</th>
              <th scope="col">{t('audit.col.change')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at}</td>
                <td>{e.actor ?? t('audit.system')}</td>
                <td>
                  <span className="muted">{e.actionLabel.module}</span>
                  <br />
                  {e.actionLabel.label}
                  <br />
                  <code className="muted">{e.action}</code>
                </td>
                <td>{e.entity}</td>
                <td>
                  {e.before || e.after ? (
                    <details>
                      <summary>{t('audit.showChange')}</summary>
                      {e.before ? (
                        <>
                          <h2 className="small-heading">{t('audit.before')}</h2>
                          <pre className="json">{e.before}</pre>
                        </>
                      ) : null}
                      {e.after ? (
                        <>
                          <h2 className="small-heading">{t('audit.after')}</h2>
                          <pre className="json">{e.after}</pre>
                        </>
                      ) : null}
                      {e.requestId ? (
                        <p className="muted">
                          {t('error.requestId')}: <code>{e.requestId}</code>
                        </p>
                      ) : null}
                    </details>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {loaderData.entries.length === 0 ? <p>{t('audit.empty')}</p> : null}
      {loaderData.nextBefore ? (
        <p>
          <a href={`?${next.toString()}`}>{t('audit.older')}</a>
        </p>
      ) : null}
    </>
  );
}
