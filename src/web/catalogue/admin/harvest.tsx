// Back office: OAI-PMH harvesting — the allow-list of hosts (root administrators), sources (unit managers),
// recent runs with progress and per-record errors. Plain forms; works without JavaScript.
import { formatDateTime } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { harvestOverview } from '../../../modules/catalogue/harvest/harvest.server.ts';
import { requestContext } from '../../context.ts';
import { useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { HARVEST_DONE, harvestAction } from '../harvest-forms.server.ts';
import type { Route } from './+types/harvest.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const o = await harvestOverview(deps, actor);
    return {
      notice: doneNotice(request.url, HARVEST_DONE),
      canManageAllowList: o.canManageAllowList,
      allowList: o.allowList.map((h) => ({ pattern: h.pattern, note: h.note })),
      targetUnits: o.targetUnits,
      sources: o.sources.map((s) => ({
        id: s.id,
        name: s.name,
        baseUrl: s.baseUrl,
        metadataPrefix: s.metadataPrefix,
        setSpec: s.setSpec,
        unitName: s.unitName,
        schedule: s.schedule,
        enabled: s.enabled,
        hostAllowed: s.hostAllowed,
        lastRunAt: s.lastRunAt ? formatDateTime(s.lastRunAt) : null,
        canManage: s.canManage,
        version: s.version,
        canRun: s.canRun,
      })),
      runs: o.runs.map((r) => ({
        id: r.id,
        sourceName: r.sourceName,
        status: r.status,
        createdAt: formatDateTime(r.createdAt),
        pages: r.pages,
        processed: r.processed,
        total: r.completeListSize,
        imported: r.imported,
        updated: r.updated,
        skipped: r.skipped,
        deleted: r.deleted,
        failed: r.failed,
        failure: r.failure,
        errors: r.errors.slice(0, 100),
      })),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  return harvestAction(deps, actor, locale, request);
}

export default function CatalogueHarvest({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const d = loaderData;
  const v = actionData?.values ?? {};
  const errors = actionData?.errors;
  return (
    <>
      <title>{`${t('catalogue.harvest.title')} — Suốt Đời`}</title>
      <h1>{t('catalogue.harvest.title')}</h1>
      <p className="muted">{t('catalogue.harvest.intro')}</p>
      {d.notice ? (
        <p className="notice" role="status">
          {t(d.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} />

      <h2>{t('catalogue.harvest.sources.title')}</h2>
      {d.sources.length === 0 ? (
        <p>{t('catalogue.harvest.sources.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('catalogue.harvest.sources.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogue.harvest.col.name')}</th>
                <th scope="col">{t('catalogue.harvest.col.unit')}</th>
                <th scope="col">{t('catalogue.harvest.col.schedule')}</th>
                <th scope="col">{t('catalogue.harvest.col.last')}</th>
                <th scope="col">{t('catalogue.harvest.col.status')}</th>
                <th scope="col">{t('catalogue.harvest.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {d.sources.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.name}
                    <br />
                    <code className="wrap-anywhere">{s.baseUrl}</code>
                    <br />
                    <span className="muted">
                      {s.metadataPrefix}
                      {s.setSpec ? ` · ${s.setSpec}` : ''}
                    </span>
                  </td>
                  <td>{s.unitName}</td>
                  <td>{t(`catalogue.harvest.schedule.${s.schedule}` as MessageKey)}</td>
                  <td>{s.lastRunAt ?? t('catalogue.harvest.sources.never')}</td>
                  <td>
                    {t(
                      s.enabled ? 'catalogue.harvest.sources.enabled' : 'catalogue.harvest.sources.disabled',
                    )}
                    {s.hostAllowed ? null : (
                      <>
                        <br />
                        <strong>{t('catalogue.harvest.sources.hostBlocked')}</strong>
                      </>
                    )}
                  </td>
                  <td>
                    {s.canRun ? (
                      <form method="post">
                        <input type="hidden" name="intent" value="run" />
                        <input type="hidden" name="sourceId" value={s.id} />
                        <button type="submit">{t('catalogue.harvest.sources.run', { name: s.name })}</button>
                      </form>
                    ) : null}
                    {s.canManage ? (
                      <form method="post">
                        <input
                          type="hidden"
                          name="intent"
                          value={s.enabled ? 'source-disable' : 'source-enable'}
                        />
                        <input type="hidden" name="sourceId" value={s.id} />
                        <input type="hidden" name="version" value={s.version} />
                        <button type="submit" className="secondary">
                          {t(
                            s.enabled
                              ? 'catalogue.harvest.sources.disable'
                              : 'catalogue.harvest.sources.enable',
                            { name: s.name },
                          )}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {d.targetUnits.length > 0 ? (
        <form method="post" className="stack-form" aria-labelledby="add-source-title">
          <h3 id="add-source-title">{t('catalogue.harvest.add.title')}</h3>
          <input type="hidden" name="intent" value="source-add" />
          <FormToken />
          <TextField
            id="source-name"
            label={t('catalogue.harvest.add.name')}
            name="name"
            required
            maxLength={200}
            defaultValue={v.name}
          />
          <div className="field">
            <label htmlFor="source-url">{t('catalogue.harvest.add.baseUrl')}</label>
            <input
              id="source-url"
              name="baseUrl"
              type="url"
              required
              maxLength={500}
              defaultValue={v.baseUrl}
              aria-describedby="source-url-hint"
            />
            <p id="source-url-hint" className="hint">
              {t('catalogue.harvest.add.baseUrlHint')}
            </p>
          </div>
          <SelectField
            id="source-prefix"
            label={t('catalogue.harvest.add.prefix')}
            name="metadataPrefix"
            defaultValue={v.metadataPrefix || 'marcxml'}
          >
            <option value="marcxml">MARCXML (MARC 21)</option>
            <option value="oai_dc">Dublin Core (oai_dc)</option>
          </SelectField>
          <div className="field">
            <label htmlFor="source-set">{t('catalogue.harvest.add.set')}</label>
            <input
              id="source-set"
              name="setSpec"
              maxLength={200}
              defaultValue={v.setSpec}
              aria-describedby="source-set-hint"
            />
            <p id="source-set-hint" className="hint">
              {t('catalogue.harvest.add.setHint')}
            </p>
          </div>
          <SelectField
            id="source-unit"
            label={t('catalogue.harvest.add.unit')}
            name="unitId"
            defaultValue={v.unitId}
          >
            {d.targetUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="source-schedule"
            label={t('catalogue.harvest.add.schedule')}
            name="schedule"
            defaultValue={v.schedule || 'daily'}
          >
            {(['daily', 'weekly', 'manual'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`catalogue.harvest.schedule.${s}`)}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label>
              <input type="checkbox" name="publish" defaultChecked={v.publish === 'on'} />{' '}
              {t('catalogue.harvest.add.publish')}
            </label>
          </div>
          <button type="submit">{t('catalogue.harvest.add.submit')}</button>
        </form>
      ) : null}

      <h2>{t('catalogue.harvest.runs.title')}</h2>
      {d.runs.length === 0 ? (
        <p>{t('catalogue.harvest.runs.empty')}</p>
      ) : (
        <ul className="plain-list">
          {d.runs.map((r) => (
            <li key={r.id} className="card">
              <h3>
                {r.sourceName} — {r.createdAt}
              </h3>
              <p>
                <strong>{t(`catalogue.harvest.status.${r.status}` as MessageKey)}</strong>
                {' · '}
                {r.total
                  ? t('catalogue.harvest.runs.progress', {
                      processed: r.processed,
                      total: r.total,
                      pages: r.pages,
                    })
                  : t('catalogue.harvest.runs.progressUnknown', { processed: r.processed, pages: r.pages })}
              </p>
              {r.total ? (
                <progress
                  max={r.total}
                  value={Math.min(r.processed, r.total)}
                  aria-label={t('catalogue.harvest.runs.progressLabel', { source: r.sourceName })}
                />
              ) : null}
              <p>
                {t('catalogue.harvest.runs.summary', {
                  imported: r.imported,
                  updated: r.updated,
                  skipped: r.skipped,
                  deleted: r.deleted,
                  failed: r.failed,
                })}
              </p>
              {r.failure ? (
                <p className="alert-error">{t('catalogue.harvest.runs.failure', { reason: r.failure })}</p>
              ) : null}
              {r.errors.length ? (
                <details>
                  <summary>{t('catalogue.harvest.runs.errors', { count: r.failed })}</summary>
                  <ul>
                    {r.errors.map((e) => (
                      <li key={`${e.identifier ?? ''}\u0000${e.reason}`}>
                        <code className="wrap-anywhere">{e.identifier ?? '—'}</code>: {e.reason}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('catalogue.harvest.allowList.title')}</h2>
      <p className="muted">{t('catalogue.harvest.allowList.intro')}</p>
      {d.allowList.length === 0 ? (
        <p>{t('catalogue.harvest.allowList.empty')}</p>
      ) : (
        <ul>
          {d.allowList.map((h) => (
            <li key={h.pattern}>
              <code className="wrap-anywhere">{h.pattern}</code>
              {h.note ? ` — ${h.note}` : ''}
              {d.canManageAllowList ? (
                <form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="allow-remove" />
                  <input type="hidden" name="pattern" value={h.pattern} />
                  <button type="submit" className="secondary">
                    {t('catalogue.harvest.allowList.remove', { pattern: h.pattern })}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {d.canManageAllowList ? (
        <form method="post" className="stack-form" aria-labelledby="allow-add-title">
          <h3 id="allow-add-title">{t('catalogue.harvest.allowList.addTitle')}</h3>
          <input type="hidden" name="intent" value="allow-add" />
          <FormToken />
          <div className="field">
            <label htmlFor="allow-pattern">{t('catalogue.harvest.allowList.pattern')}</label>
            <input
              id="allow-pattern"
              name="pattern"
              required
              maxLength={253}
              defaultValue={v.pattern}
              aria-describedby="allow-pattern-hint"
            />
            <p id="allow-pattern-hint" className="hint">
              {t('catalogue.harvest.allowList.patternHint')}
            </p>
          </div>
          <TextField
            id="allow-note"
            label={t('catalogue.harvest.allowList.note')}
            name="note"
            maxLength={300}
            defaultValue={v.note}
          />
          <button type="submit">{t('catalogue.harvest.allowList.add')}</button>
        </form>
      ) : (
        <p className="muted">{t('catalogue.harvest.allowList.readOnly')}</p>
      )}
    </>
  );
}
