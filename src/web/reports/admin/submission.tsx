// Back office: one unit's report for a period. The unit's staff see the computed figures and fill in the values
// they enter (with evidence), a narrative per section, difficulties and proposals; the manager submits; the
// focal point returns it with a comment or accepts it — acceptance freezes the figures (shown beside live ones).
import { data, redirect } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { isAppError } from '../../../lib/errors.ts';
import { isMessageKey } from '../../../lib/i18n.server.ts';
import { localePath } from '../../../lib/i18n.ts';
import { evidenceOf } from '../../../modules/reports/reports.evidence.server.ts';
import {
  saveSubmission,
  submissionForm,
  transitionSubmission,
} from '../../../modules/reports/reports.usecases.server.ts';
import { requestContext } from '../../context.ts';
import { useHref, useLocale, useT } from '../../i18n.ts';
import { formatNumber } from '../../indicators/components/BarChart.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { type FormMessage, formText } from '../../ui/forms.ts';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { readPageForm } from '../../ui/page-form.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { EvidenceSection } from '../components/EvidenceSection.tsx';
import { readSubmissionForm } from '../submission-form.server.ts';
import type { Route } from './+types/submission.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const f = await submissionForm(deps, actor, params.period, params.unitId);
    const units = await deps.repos.units.get(deps.db, params.unitId);
    const evidence = f.submission ? await evidenceOf(deps.db, [f.submission.id]) : [];
    const error = new URL(request.url).searchParams.get('evidenceError');
    return {
      f,
      unitName: units?.shortName ?? units?.name ?? '',
      evidence: evidence.map((e) => ({ id: e.id, indicatorCode: e.indicatorCode, fileName: e.fileName })),
      evidenceError: isMessageKey(error) ? error : null,
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  const form = await readPageForm(request);
  const intent = formText(form, 'intent');
  const back = (done: string) =>
    redirect(
      `${localePath(locale, `/admin/reports/${params.period}/units/${params.unitId}`)}?done=${done}`,
      303,
    );
  const fail = (errors: FormMessage[], values: Record<string, string>, status = 422) =>
    data({ errors, values }, { status });
  try {
    if (intent === 'save') {
      const f = await submissionForm(deps, actor, params.period, params.unitId);
      const manual = f.indicators.filter((i) => i.manual).map((i) => i.code);
      const read = readSubmissionForm(form, f.period.sections, manual);
      if (!read.input) return fail(read.errors, read.values);
      await saveSubmission(deps, actor, params.period, params.unitId, read.input);
      return back('saved');
    }
    if (intent === 'submit' || intent === 'return' || intent === 'accept') {
      const comment = formText(form, 'comment').trim();
      if (intent === 'return' && !comment)
        return fail([{ key: 'reports.error.commentRequired', field: 'comment' }], { comment });
      await transitionSubmission(deps, actor, params.period, params.unitId, {
        transition: intent,
        version: Number(formText(form, 'version')),
        comment: comment || null,
      });
      return back(intent);
    }
    throw data(null, { status: 400 });
  } catch (e) {
    if (!isAppError(e) || e.status === 401 || e.status === 403 || e.status === 404) rethrowForPage(e);
    return fail([{ key: e.messageKey }], {}, e.status);
  }
}

export default function ReportSubmission({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const { f, unitName, evidence, evidenceError } = loaderData;
  const s = f.submission;
  const status = s?.status ?? 'draft';
  const editable = f.can.edit && (status === 'draft' || status === 'returned');
  const v = (actionData?.values ?? {}) as Record<string, string>;
  const version = s?.version ?? 1;
  const name = (x: { nameVi: string; nameEn: string }) => (locale === 'en' ? x.nameEn : x.nameVi);
  return (
    <>
      <title>{`${unitName} — ${f.period.titleVi} — Suốt Đời`}</title>
      <p>
        <a href={href(`/admin/reports/${f.period.code}`)}>
          {locale === 'en' ? f.period.titleEn : f.period.titleVi}
        </a>
      </p>
      <h1>{t('reports.submission.title', { unit: unitName })}</h1>
      <p>
        <a href={href(`/admin/reports/units/${f.unitId}`)}>{t('reports.unitPage.allPeriods')}</a>
      </p>
      <p>
        {t('reports.col.status')}: <strong>{t(`reports.status.${status}`)}</strong>
      </p>
      {s?.reviewComment && status === 'returned' ? (
        <div className="notice" role="note">
          <h2>{t('reports.submission.returnedComment')}</h2>
          <p>{s.reviewComment}</p>
        </div>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <EvidenceSection
        base={`/admin/reports/${f.period.code}/units/${f.unitId}`}
        files={evidence}
        indicators={f.indicators.filter((i) => i.manual).map((i) => ({ code: i.code, name: name(i) }))}
        editable={editable}
        error={evidenceError}
      />

      <h2>{t('reports.submission.figures')}</h2>
      <ScrollRegion label={t('reports.submission.figuresCaption')}>
        <table>
          <caption>{t('reports.submission.figuresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.col.indicator')}</th>
              <th scope="col">{t('reports.col.live')}</th>
              {status === 'accepted' ? <th scope="col">{t('reports.col.frozen')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {f.indicators.map((i) => (
              <tr key={i.code}>
                <th scope="row">{`${i.code} ${name(i)}`}</th>
                <td className="num">
                  {formatNumber(i.live, locale)}
                  {i.manual ? ` (${t('indicators.source.manual')})` : ''}
                </td>
                {status === 'accepted' ? (
                  <td className="num">
                    {formatNumber(i.frozen ?? null, locale)}
                    {i.frozen !== i.live
                      ? ` — ${t('reports.changedSince', { diff: formatNumber((i.live ?? 0) - (i.frozen ?? 0), locale) })}`
                      : ''}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      {editable ? (
        <form method="post" className="stack">
          <input type="hidden" name="intent" value="save" />
          <input type="hidden" name="version" value={version} />
          <h2>{t('reports.submission.manual')}</h2>
          {f.indicators
            .filter((i) => i.manual)
            .map((i) => (
              <fieldset key={i.code}>
                <legend>{`${i.code} ${name(i)}`}</legend>
                <label htmlFor={`value-${i.code}`}>{t('indicators.col.value')}</label>
                <input
                  id={`value-${i.code}`}
                  name={`value-${i.code}`}
                  inputMode="decimal"
                  defaultValue={v[`value-${i.code}`] ?? s?.manualValues[i.code]?.value ?? ''}
                />
                <label htmlFor={`evidence-${i.code}`}>{t('reports.field.evidence')}</label>
                <input
                  id={`evidence-${i.code}`}
                  name={`evidence-${i.code}`}
                  maxLength={500}
                  defaultValue={v[`evidence-${i.code}`] ?? s?.manualValues[i.code]?.evidence ?? ''}
                />
              </fieldset>
            ))}
          <h2>{t('reports.submission.narratives')}</h2>
          {f.period.sections.map((sec) => (
            <div key={sec.code}>
              <label
                htmlFor={`narrative-${sec.code}`}
              >{`${sec.code}. ${locale === 'en' ? sec.titleEn : sec.titleVi}`}</label>
              <textarea
                id={`narrative-${sec.code}`}
                name={`narrative-${sec.code}`}
                rows={4}
                defaultValue={v[`narrative-${sec.code}`] ?? s?.narratives[sec.code] ?? ''}
              />
            </div>
          ))}
          <label htmlFor="difficulties">{t('reports.field.difficulties')}</label>
          <textarea
            id="difficulties"
            name="difficulties"
            rows={3}
            defaultValue={v.difficulties ?? s?.difficulties ?? ''}
          />
          <label htmlFor="proposals">{t('reports.field.proposals')}</label>
          <textarea
            id="proposals"
            name="proposals"
            rows={3}
            defaultValue={v.proposals ?? s?.proposals ?? ''}
          />
          <button type="submit">{t('reports.action.save')}</button>
        </form>
      ) : (
        <>
          <h2>{t('reports.submission.narratives')}</h2>
          {f.period.sections.map((sec) => (
            <section key={sec.code}>
              <h3>{`${sec.code}. ${locale === 'en' ? sec.titleEn : sec.titleVi}`}</h3>
              <p>{s?.narratives[sec.code] ?? '—'}</p>
            </section>
          ))}
          <h3>{t('reports.field.difficulties')}</h3>
          <p>{s?.difficulties || '—'}</p>
          <h3>{t('reports.field.proposals')}</h3>
          <p>{s?.proposals || '—'}</p>
        </>
      )}

      {f.can.submit && (status === 'draft' || status === 'returned') ? (
        <form method="post">
          <input type="hidden" name="intent" value="submit" />
          <input type="hidden" name="version" value={version} />
          <button type="submit">{t('reports.action.submit')}</button>
        </form>
      ) : null}
      {f.can.review && status === 'submitted' ? (
        <form method="post" className="stack">
          <input type="hidden" name="version" value={version} />
          <label htmlFor="comment">{t('reports.field.comment')}</label>
          <textarea id="comment" name="comment" rows={3} defaultValue={v.comment ?? ''} />
          <p>
            <button type="submit" name="intent" value="return">
              {t('reports.action.return')}
            </button>{' '}
            <button type="submit" name="intent" value="accept">
              {t('reports.action.accept')}
            </button>
          </p>
        </form>
      ) : null}

      {f.events.length > 0 ? (
        <>
          <h2>{t('reports.history')}</h2>
          <ul>
            {f.events.map((e) => (
              <li key={e.id}>
                {`${formatDateTime(e.at)} — ${t(`reports.event.${e.kind as 'save' | 'submit' | 'return' | 'accept'}`)}${e.comment ? `: ${e.comment}` : ''}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
