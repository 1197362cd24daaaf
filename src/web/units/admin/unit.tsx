// Back office: one unit — details, its history by effective date, and the forms to rename, move, merge,
// close or reopen it. Each form posts to this route's action (`intent` says which) and works without JS.
import { data, redirect } from 'react-router';
import { formatDateTime, formatIsoDay } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { localePath, type MessageKey, type Translate } from '../../../lib/i18n.ts';
import { isVersionConflict } from '../../../lib/versions.server.ts';
import {
  LifecycleSchema,
  MergeUnitSchema,
  UnitId,
  UpdateUnitSchema,
} from '../../../modules/units/units.schemas.server.ts';
import {
  closeUnit,
  mergeUnit,
  moveUnit,
  renameUnit,
  reopenUnit,
} from '../../../modules/units/units.usecases.server.ts';
import { type HistoryLine, unitDetailPage } from '../../../modules/units/units.views.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice, issuesToMessages } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { formDay, formValues, optionalText } from '../../ui/form-values.server.ts';
import { failure, invalid } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { conflictForm, formVersion, versionForForm } from '../../ui/version-forms.ts';
import { UnitChangeForms } from '../components/UnitChangeForms.tsx';
import { changeMessages, fieldForError } from '../forms.server.ts';
import type { Route } from './+types/unit.ts';

const DONE: Record<string, MessageKey> = {
  created: 'units.done.created',
  renamed: 'units.done.renamed',
  moved: 'units.done.moved',
  merged: 'units.done.merged',
  closed: 'units.done.closed',
  reopened: 'units.done.reopened',
};

const CHANGE_FIELDS = ['intent', 'name', 'parentId', 'intoId', 'effectiveOn', 'note', 'version'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    if (!UnitId.safeParse(params.unitId).success) throw data(null, { status: 404 });
    return { ...(await unitDetailPage(deps, actor, params.unitId)), notice: doneNotice(request.url, DONE) };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const values = formValues(form, CHANGE_FIELDS);
  const intent = values.intent;
  const common = { effectiveOn: formDay(values.effectiveOn), note: optionalText(values.note) };
  const messages = changeMessages(intent);
  const back = (done: string) =>
    redirect(`${localePath(locale, `/admin/units/${params.unitId}`)}?done=${done}`, 303);
  try {
    if (intent === 'rename' || intent === 'move') {
      const version = formVersion(form);
      const input =
        intent === 'rename'
          ? { ...common, version, name: values.name }
          : { ...common, version, parentId: values.parentId === 'top' ? null : values.parentId };
      const parsed = UpdateUnitSchema.safeParse(input);
      if (!parsed.success) return invalid(issuesToMessages(parsed.error, messages), values);
      const { name, parentId, ...rest } = parsed.data;
      if (intent === 'rename') await renameUnit(deps, actor, params.unitId, { ...rest, name: name ?? '' });
      else await moveUnit(deps, actor, params.unitId, { ...rest, parentId: parentId ?? null });
      return back(intent === 'rename' ? 'renamed' : 'moved');
    }
    if (intent === 'merge') {
      const parsed = MergeUnitSchema.safeParse({ ...common, intoId: values.intoId });
      if (!parsed.success) return invalid(issuesToMessages(parsed.error, messages), values);
      await mergeUnit(deps, actor, params.unitId, parsed.data);
      return back('merged');
    }
    if (intent === 'close' || intent === 'reopen') {
      const parsed = LifecycleSchema.safeParse(common);
      if (!parsed.success) return invalid(issuesToMessages(parsed.error, messages), values);
      if (intent === 'close') await closeUnit(deps, actor, params.unitId, parsed.data);
      else await reopenUnit(deps, actor, params.unitId, parsed.data);
      return back(intent === 'close' ? 'closed' : 'reopened');
    }
    return invalid([{ key: 'error.validation' }], values);
  } catch (e) {
    if (isVersionConflict(e)) {
      const now = await unitDetailPage(deps, actor, params.unitId);
      const saved = { name: now.unit.name, parentId: now.unit.parentId ?? 'top' };
      return conflictForm(values, { version: now.unit.version ?? 0, saved }, `${intent}-name`);
    }
    return failure(e, values, isAppError(e) ? fieldForError(e.code, intent) : undefined);
  }
}

function historyDetails(t: Translate, h: HistoryLine): string {
  const top = t('units.topLevel');
  switch (h.change) {
    case 'create':
      return t('units.history.created', { name: h.newName ?? '', parent: h.newParent ?? top });
    case 'rename':
      return t('units.history.renamed', { old: h.oldName ?? '', new: h.newName ?? '' });
    case 'move':
      return t('units.history.moved', { from: h.oldParent ?? top, to: h.newParent ?? top });
    case 'merge':
      return t('units.history.mergedInto', { unit: h.mergedInto ?? '' });
    case 'absorb':
      return t('units.history.absorbed', { unit: h.mergedFrom ?? '' });
    default:
      return '—';
  }
}

export default function UnitPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const d = loaderData;
  const u = d.unit;
  return (
    <>
      <title>{`${u.name} — ${t('units.title')} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/units')}>{t('units.detail.back')}</a>
      </p>
      <h1>{u.name}</h1>
      {d.notice ? (
        <p className="alert-ok" role="status">
          {t(d.notice)}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />

      <dl className="details-list">
        <dt>{t('units.detail.code')}</dt>
        <dd>
          <code>{u.code}</code>
        </dd>
        <dt>{t('units.detail.kind')}</dt>
        <dd>{t(`units.kind.${u.kind as 'other'}`)}</dd>
        <dt>{t('units.detail.status')}</dt>
        <dd>{t(`units.status.${u.status}`)}</dd>
        <dt>{t('units.detail.parent')}</dt>
        <dd>
          {d.parent ? <a href={href(`/admin/units/${d.parent.id}`)}>{d.parent.name}</a> : t('units.topLevel')}
        </dd>
        <dt>{t('units.detail.validFrom')}</dt>
        <dd>{formatIsoDay(u.validFrom)}</dd>
        {u.validTo ? (
          <>
            <dt>{t('units.detail.validTo')}</dt>
            <dd>{formatIsoDay(u.validTo)}</dd>
          </>
        ) : null}
        {d.mergedInto ? (
          <>
            <dt>{t('units.detail.mergedInto')}</dt>
            <dd>
              <a href={href(`/admin/units/${d.mergedInto.id}`)}>{d.mergedInto.name}</a>
            </dd>
          </>
        ) : null}
      </dl>

      <h2>{t('units.detail.children')}</h2>
      {d.children.length ? (
        <ul>
          {d.children.map((c) => (
            <li key={c.id}>
              <a href={href(`/admin/units/${c.id}`)}>{c.name}</a> ({t(`units.kind.${c.kind as 'other'}`)})
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('units.detail.noChildren')}</p>
      )}

      <h2>{t('units.history.heading')}</h2>
      <div className="table-wrap">
        <table>
          <caption>{t('units.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('units.history.col.effectiveOn')}</th>
              <th scope="col">{t('units.history.col.change')}</th>
              <th scope="col">{t('units.history.col.details')}</th>
              <th scope="col">{t('units.history.col.note')}</th>
              <th scope="col">{t('units.history.col.recordedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {d.history.map((h) => (
              <tr key={h.id}>
                <th scope="row">{formatIsoDay(h.effectiveOn)}</th>
                <td>{t(`units.change.${h.change}`)}</td>
                <td>{historyDetails(t, h)}</td>
                <td>{h.note ?? '—'}</td>
                <td>{formatDateTime(h.recordedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <UnitChangeForms
        can={d.can}
        today={d.today}
        currentName={u.name}
        moveTargets={d.moveTargets}
        moveToTop={d.moveToTop}
        mergeTargets={d.mergeTargets}
        intent={actionData?.values?.intent ?? ''}
        version={versionForForm(u.version ?? 0, actionData)}
        values={actionData?.values ?? {}}
        errors={actionData?.errors}
      />
    </>
  );
}
