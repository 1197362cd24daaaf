// Back office: the budget of one yearly instance. Units add and correct their estimate lines; the finance
// office appraises each line and records what was spent. Every form posts to this route's action (`intent`
// says which) and works without JavaScript; a stale version answers with a clear conflict message.
import { formatIsoDay } from '../../../lib/dates.ts';
import type { MessageKey } from '../../../lib/i18n.ts';
import { getBudgetInstance } from '../../../modules/plan/budget/budget.usecases.server.ts';
import { BUDGET_SOURCES } from '../../../modules/plan/budget/budget.vocab.ts';
import { requestContext } from '../../context.ts';
import { useHref, useT } from '../../i18n.ts';
import { doneNotice } from '../../ui/actor.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormToken } from '../../ui/FormToken.tsx';
import { rethrowForPage } from '../../ui/page-errors.ts';
import { ScrollRegion } from '../../ui/ScrollRegion.tsx';
import { type BUDGET_FIELDS, fieldId } from '../budget-forms.ts';
import { budgetLineView } from '../components/budget-view.server.ts';
import { type BudgetLineView, sourceKey, stageKey } from '../components/budget-view.ts';
import { phaseLabel } from '../components/task-view.ts';
import type { Route } from './+types/budget-instance.ts';
import { budgetInstanceAction } from './budget-instance.server.ts';

const DONE: Record<string, MessageKey> = {
  created: 'planBudget.done.created',
  updated: 'planBudget.done.updated',
  deleted: 'planBudget.done.deleted',
  appraised: 'planBudget.done.appraised',
  spent: 'planBudget.done.spent',
};

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { deps, actor } = context.get(requestContext);
  try {
    const d = await getBudgetInstance(deps, actor, params.instanceId);
    const i = d.instance;
    return {
      instance: {
        id: i.id,
        year: i.year,
        dueDate: i.dueDate ? formatIsoDay(i.dueDate) : null,
        taskId: i.taskId,
        title: `${i.taskSection}.${i.taskNumber}`,
        phase: phaseLabel(i.taskPhase),
        content: i.taskContent,
      },
      lines: d.lines.map((l) => budgetLineView(actor, l)),
      estimateUnits: d.estimateUnits.map((u) => ({ id: u.id, name: u.name })),
      canAppraise: d.canAppraise,
      canSpend: d.canSpend,
      notice: doneNotice(request.url, DONE),
    };
  } catch (e) {
    rethrowForPage(e);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { deps, actor, locale } = context.get(requestContext);
  return budgetInstanceAction(deps, actor, locale, request, params.instanceId);
}

type Values = Partial<Record<(typeof BUDGET_FIELDS)[number], string>>;

function Hidden({ intent, line }: { intent: string; line: BudgetLineView }) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="lineId" value={line.id} />
      <input type="hidden" name="version" value={line.version} />
    </>
  );
}

function LineForms({
  line,
  canAppraise,
  canSpend,
  posted,
}: {
  line: BudgetLineView;
  canAppraise: boolean;
  canSpend: boolean;
  posted: Values | undefined;
}) {
  const t = useT();
  const mine = posted?.lineId === line.id ? posted : undefined;
  const value = (intent: string, name: keyof Values, fallback: string) =>
    mine?.intent === intent ? (mine[name] ?? fallback) : fallback;
  const id = (intent: string, name: string) => fieldId(intent, line.id, name);
  const sources = BUDGET_SOURCES;
  return (
    <section className="budget-line" aria-labelledby={`line-${line.id}`}>
      <h3 id={`line-${line.id}`}>
        {line.content} <span className="muted">— {line.unitName}</span>
      </h3>
      {line.canEdit ? (
        <details open={mine?.intent === 'update'}>
          <summary>{t('planBudget.form.editSummary')}</summary>
          <form method="post">
            <Hidden intent="update" line={line} />
            <TextField
              id={id('update', 'content')}
              label={t('planBudget.col.content')}
              name="content"
              maxLength={500}
              required
              defaultValue={value('update', 'content', line.content)}
            />
            <div className="field">
              <label htmlFor={id('update', 'amount')}>{t('planBudget.form.amount')}</label>
              <input
                id={id('update', 'amount')}
                name="amount"
                inputMode="numeric"
                required
                aria-describedby="amount-hint"
                defaultValue={value('update', 'amount', line.raw.amount)}
              />
            </div>
            <SelectField
              id={id('update', 'source')}
              label={t('planBudget.col.source')}
              name="source"
              defaultValue={value('update', 'source', line.source)}
            >
              {sources.map((s) => (
                <option key={s} value={s}>
                  {t(sourceKey(s))}
                </option>
              ))}
            </SelectField>
            <button type="submit">{t('planBudget.form.save')}</button>
          </form>
          <form method="post">
            <Hidden intent="delete" line={line} />
            <button type="submit" className="danger">
              {t('planBudget.form.delete')}
            </button>
          </form>
        </details>
      ) : null}
      {canAppraise ? (
        <details open={mine?.intent === 'appraise'}>
          <summary>
            {t(line.approved ? 'planBudget.form.reappraiseSummary' : 'planBudget.form.appraiseSummary')}
          </summary>
          <form method="post">
            <Hidden intent="appraise" line={line} />
            <div className="field">
              <label htmlFor={id('appraise', 'amount')}>{t('planBudget.form.approvedAmount')}</label>
              <input
                id={id('appraise', 'amount')}
                name="amount"
                inputMode="numeric"
                required
                aria-describedby="amount-hint"
                defaultValue={value('appraise', 'amount', line.raw.approved || line.raw.amount)}
              />
            </div>
            <TextArea
              id={id('appraise', 'comment')}
              label={t('planBudget.form.comment')}
              name="comment"
              maxLength={1000}
              rows={2}
              defaultValue={value('appraise', 'comment', line.comment ?? '')}
            />
            <button type="submit">{t('planBudget.form.appraise')}</button>
          </form>
        </details>
      ) : null}
      {canSpend && line.approved ? (
        <details open={mine?.intent === 'spend'}>
          <summary>{t('planBudget.form.spendSummary')}</summary>
          <form method="post">
            <Hidden intent="spend" line={line} />
            <div className="field">
              <label htmlFor={id('spend', 'amount')}>{t('planBudget.form.spentAmount')}</label>
              <input
                id={id('spend', 'amount')}
                name="amount"
                inputMode="numeric"
                required
                aria-describedby="amount-hint"
                defaultValue={value('spend', 'amount', line.raw.spent)}
              />
            </div>
            <TextField
              id={id('spend', 'document')}
              label={t('planBudget.form.document')}
              name="document"
              maxLength={300}
              required
              defaultValue={value('spend', 'document', line.document ?? '')}
            />
            <button type="submit">{t('planBudget.form.spend')}</button>
          </form>
        </details>
      ) : null}
    </section>
  );
}

export default function PlanBudgetInstancePage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const { instance, lines, estimateUnits, canAppraise, canSpend, notice } = loaderData;
  const posted = actionData?.values as Values | undefined;
  const created = posted?.intent === 'create' ? posted : undefined;
  const title = t('planBudget.instance.title', { task: instance.title, year: instance.year });
  const actionable = lines.filter((l) => l.canEdit || canAppraise || (canSpend && l.approved));
  return (
    <>
      <title>{`${title} — Suốt Đời`}</title>
      <p>
        <a href={href('/admin/plan/budget')}>{t('planBudget.instance.back')}</a>
        {' · '}
        <a href={href(`/admin/plan/tasks/${instance.taskId}`)}>{t('planBudget.instance.taskLink')}</a>
      </p>
      <h1>{title}</h1>
      {notice ? (
        <p className="alert-ok" role="status">
          {t(notice)}
        </p>
      ) : null}
      <ErrorSummary errors={actionData?.errors} />
      <dl className="details-list">
        <dt>{t('plan.col.phase')}</dt>
        <dd>{instance.phase}</dd>
        <dt>{t('plan.col.content')}</dt>
        <dd>{instance.content}</dd>
        <dt>{t('plan.col.dueDate')}</dt>
        <dd>{instance.dueDate ?? t('plan.task.noDueDate')}</dd>
      </dl>
      <p id="amount-hint" className="muted">
        {t('planBudget.form.amountHint')}
      </p>

      <h2>{t('planBudget.instance.linesHeading')}</h2>
      {lines.length ? (
        <ScrollRegion className="table-wrap wide-scroll">
          <table className="stack-table stack-title-first">
            <caption>{t('planBudget.instance.linesCaption', { count: lines.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planBudget.col.unit')}</th>
                <th scope="col">{t('planBudget.col.content')}</th>
                <th scope="col">{t('planBudget.col.source')}</th>
                <th scope="col" className="num">
                  {t('planBudget.col.amount')}
                </th>
                <th scope="col" className="num">
                  {t('planBudget.col.approved')}
                </th>
                <th scope="col">{t('planBudget.col.comment')}</th>
                <th scope="col" className="num">
                  {t('planBudget.col.spent')}
                </th>
                <th scope="col">{t('planBudget.col.document')}</th>
                <th scope="col">{t('planBudget.col.stage')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <td data-label={t('planBudget.col.unit')}>{l.unitName}</td>
                  <th scope="row" className="cell-text stack-title">
                    {l.content}
                  </th>
                  <td data-label={t('planBudget.col.source')}>{t(sourceKey(l.source))}</td>
                  <td className="num" data-label={t('planBudget.col.amount')}>
                    {l.amount}
                  </td>
                  <td className="num" data-label={t('planBudget.col.approved')}>
                    {l.approved ?? '—'}
                  </td>
                  <td data-label={t('planBudget.col.comment')}>
                    {l.comment ?? '—'}
                    {l.appraisedBy ? (
                      <span className="muted">
                        {' '}
                        ({t('planBudget.appraisedBy', { name: l.appraisedBy, at: l.appraisedAt ?? '' })})
                      </span>
                    ) : null}
                  </td>
                  <td className="num" data-label={t('planBudget.col.spent')}>
                    {l.spent ?? '—'}
                  </td>
                  <td data-label={t('planBudget.col.document')}>{l.document ?? '—'}</td>
                  <td data-label={t('planBudget.col.stage')}>{t(stageKey(l.stage))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p>{t('planBudget.instance.noLines')}</p>
      )}

      {actionable.map((l) => (
        <LineForms key={l.id} line={l} canAppraise={canAppraise} canSpend={canSpend} posted={posted} />
      ))}

      {estimateUnits.length ? (
        <section aria-labelledby="create-heading">
          <h2 id="create-heading">{t('planBudget.form.createHeading')}</h2>
          <form method="post">
            <input type="hidden" name="intent" value="create" />
            <FormToken />
            <SelectField
              id="create-unit"
              label={t('planBudget.col.unit')}
              name="unitId"
              defaultValue={created?.unitId ?? estimateUnits[0]?.id}
            >
              {estimateUnits.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </SelectField>
            <TextField
              id="create-content"
              label={t('planBudget.col.content')}
              name="content"
              maxLength={500}
              required
              defaultValue={created?.content ?? ''}
            />
            <div className="field">
              <label htmlFor="create-amount">{t('planBudget.form.amount')}</label>
              <input
                id="create-amount"
                name="amount"
                inputMode="numeric"
                required
                aria-describedby="amount-hint"
                defaultValue={created?.amount ?? ''}
              />
            </div>
            <SelectField
              id="create-source"
              label={t('planBudget.col.source')}
              name="source"
              defaultValue={created?.source ?? BUDGET_SOURCES[0]}
            >
              {BUDGET_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(sourceKey(s))}
                </option>
              ))}
            </SelectField>
            <button type="submit">{t('planBudget.form.create')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
