// Reporting periods and the units' submissions: the focal point opens a period; a unit's staff fill in its form
// (computed values shown, manual values with evidence, a narrative per section, difficulties, proposals); its
// manager submits; the focal point returns it with a comment or accepts it, which freezes its figures.
import { z } from 'zod';
import type { AppDeps } from '../../app/deps.types.ts';
import { authorize, can, scopeRoots } from '../../app/policies.server.ts';
import type { Actor } from '../../lib/authz.ts';
import { isoDateInVietnam } from '../../lib/dates.ts';
import { AppError, conflict, notFound } from '../../lib/errors.ts';
import { canSeeUnit, indicatorsPort } from '../indicators/index.server.ts';
import type { Period, Submission } from './reports.repository.server.ts';
import { expectedUnits, liveUnitValues } from './reports.values.server.ts';
import { PERIOD_KINDS, PLAN_SECTIONS } from './reports.vocab.ts';

const actorId = (a: Actor) => (a.kind === 'user' ? a.userId : null);
const text = (max: number) => z.string().trim().max(max);

export const PeriodInputSchema = z
  .strictObject({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    kind: z.enum(PERIOD_KINDS),
    titleVi: text(300).min(1),
    titleEn: text(300).min(1),
    yearFrom: z.number().int().min(2023).max(2100),
    yearTo: z.number().int().min(2023).max(2100),
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .refine((p) => p.yearFrom <= p.yearTo, { path: ['yearTo'] });

export const SubmissionContentSchema = z.strictObject({
  narratives: z.record(z.string().regex(/^[A-Z0-9.-]{1,10}$/), text(20_000)),
  difficulties: text(10_000),
  proposals: text(10_000),
  manualValues: z.record(
    z.string().regex(/^[A-Z0-9][A-Z0-9.-]{0,39}$/),
    z.strictObject({ value: z.number().finite().min(-1e15).max(1e15), evidence: text(500).min(1) }),
  ),
  version: z.number().int().positive(),
});
export type SubmissionContentInput = z.infer<typeof SubmissionContentSchema>;

export async function listPeriods(deps: AppDeps, actor: Actor) {
  authorize(actor, 'reports.period.read');
  return deps.repos.reports.periods(deps.db);
}

export async function openPeriod(deps: AppDeps, actor: Actor, input: z.infer<typeof PeriodInputSchema>) {
  authorize(actor, 'reports.period.manage');
  return deps.db.transaction(async (tx) => {
    const id = await deps.repos.reports.insertPeriod(tx, { ...input, sections: [...PLAN_SECTIONS] });
    if (!id) throw conflict('reports.period.code', 'reports.error.codeTaken');
    await deps.audit.record(tx, actor, {
      action: 'reports.period.open',
      entityType: 'report_period',
      entityId: id,
      after: input,
    });
    return id;
  });
}

async function periodOr404(deps: AppDeps, idOrCode: string): Promise<Period> {
  const p = await deps.repos.reports.period(deps.db, idOrCode);
  if (!p) throw notFound('report_period');
  return p;
}

/** The period's units with their submission's status; late = not submitted or accepted after the deadline. */
export async function periodOverview(deps: AppDeps, actor: Actor, idOrCode: string) {
  authorize(actor, 'reports.period.read');
  const period = await periodOr404(deps, idOrCode);
  const subs = new Map((await deps.repos.reports.submissions(deps.db, period.id)).map((s) => [s.unitId, s]));
  const today = isoDateInVietnam(deps.now());
  const units = (await expectedUnits(deps))
    .filter((u) => canSeeUnit(actor, 'reports.submission.read', u.id))
    .map((u) => {
      const s = subs.get(u.id);
      const status = s?.status ?? 'draft';
      const late = today > period.deadline && status !== 'submitted' && status !== 'accepted';
      return { id: u.id, name: u.name, status, late, submittedAt: s?.submittedAt ?? null };
    });
  const documents = can(actor, 'reports.document.read')
    ? await deps.repos.reports.documents(deps.db, period.id)
    : [];
  return {
    period,
    units,
    late: units.filter((u) => u.late),
    documents,
    canGenerate: scopeRoots(actor, 'reports.document.generate').length > 0,
    canManage: can(actor, 'reports.period.manage'),
  };
}

export async function submissionForm(deps: AppDeps, actor: Actor, idOrCode: string, unitId: string) {
  if (!canSeeUnit(actor, 'reports.submission.read', unitId))
    authorize(actor, 'reports.submission.read', { unitId });
  const period = await periodOr404(deps, idOrCode);
  if (!(await expectedUnits(deps)).some((u) => u.id === unitId)) throw notFound('unit');
  const submission = await deps.repos.reports.submission(deps.db, period.id, unitId);
  const live = await liveUnitValues(deps, period, unitId);
  const defs = await indicatorsPort.activeDefinitions(deps);
  const frozen = submission?.status === 'accepted' ? submission.snapshot?.values : undefined;
  return {
    period,
    unitId,
    submission,
    events: submission ? await deps.repos.reports.events(deps.db, submission.id) : [],
    indicators: defs.map((d) => ({
      code: d.code,
      nameVi: d.nameVi,
      nameEn: d.nameEn,
      measure: d.measure,
      manual: d.sourceKind === 'manual',
      live: live[d.code] ?? null,
      frozen: frozen ? (frozen[d.code] ?? null) : undefined,
    })),
    can: {
      edit: can(actor, 'reports.submission.edit', { unitId }),
      submit: can(actor, 'reports.submission.submit', { unitId }),
      review: can(actor, 'reports.submission.review', { unitId }),
    },
  };
}

async function lockedSubmission(
  deps: AppDeps,
  tx: AppDeps['db'],
  periodId: string,
  unitId: string,
): Promise<Submission> {
  await deps.repos.reports.ensureSubmission(tx, periodId, unitId);
  return (await deps.repos.reports.submission(tx, periodId, unitId, true)) as Submission;
}

const stateError = () => new AppError('reports.submission.state', 409, 'reports.error.state');

export async function saveSubmission(
  deps: AppDeps,
  actor: Actor,
  idOrCode: string,
  unitId: string,
  input: SubmissionContentInput,
) {
  authorize(actor, 'reports.submission.edit', { unitId });
  const period = await periodOr404(deps, idOrCode);
  if (!(await expectedUnits(deps)).some((u) => u.id === unitId)) throw notFound('unit');
  const manualDefs = new Map((await indicatorsPort.manualDefinitions(deps)).map((d) => [d.code, d]));
  for (const code of Object.keys(input.manualValues)) {
    if (!manualDefs.has(code))
      throw new AppError('reports.submission.indicator', 422, 'reports.error.unknownIndicator');
  }
  const sections = new Set(period.sections.map((s) => s.code));
  for (const code of Object.keys(input.narratives)) {
    if (!sections.has(code))
      throw new AppError('reports.submission.section', 422, 'reports.error.unknownSection');
  }
  await deps.db.transaction(async (tx) => {
    const s = await lockedSubmission(deps, tx, period.id, unitId);
    if (s.status === 'submitted' || s.status === 'accepted') throw stateError();
    if (s.version !== input.version) throw conflict('reports.submission.version', 'error.versionConflict');
    const { version: _v, ...content } = input;
    await deps.repos.reports.saveContent(tx, s.id, content);
    for (const [code, v] of Object.entries(input.manualValues)) {
      const def = manualDefs.get(code);
      if (def)
        await indicatorsPort.saveManualValue(
          deps,
          tx,
          { indicatorId: def.id, unitId, year: period.yearTo, ...v },
          actorId(actor),
        );
    }
    await deps.repos.reports.addEvent(tx, s.id, 'save', null, actorId(actor));
    await deps.audit.record(tx, actor, {
      action: 'reports.submission.save',
      entityType: 'report_submission',
      entityId: s.id,
      unitId,
      after: content,
    });
  });
}

export type Transition = 'submit' | 'return' | 'accept';

export async function transitionSubmission(
  deps: AppDeps,
  actor: Actor,
  idOrCode: string,
  unitId: string,
  t: { transition: Transition; version: number; comment?: string | null | undefined },
) {
  authorize(actor, t.transition === 'submit' ? 'reports.submission.submit' : 'reports.submission.review', {
    unitId,
  });
  const period = await periodOr404(deps, idOrCode);
  if (t.transition === 'return' && !t.comment?.trim())
    throw new AppError('reports.submission.comment', 422, 'reports.error.commentRequired');
  // Figures are computed before the transaction (read-only); they are the ones frozen at acceptance.
  const values = t.transition === 'accept' ? await liveUnitValues(deps, period, unitId) : null;
  await deps.db.transaction(async (tx) => {
    const s = await lockedSubmission(deps, tx, period.id, unitId);
    if (s.version !== t.version) throw conflict('reports.submission.version', 'error.versionConflict');
    const from = s.status;
    const allowed =
      (t.transition === 'submit' && (from === 'draft' || from === 'returned')) ||
      (t.transition !== 'submit' && from === 'submitted');
    if (!allowed) throw stateError();
    const status =
      t.transition === 'submit' ? 'submitted' : t.transition === 'return' ? 'returned' : 'accepted';
    const snapshot = values ? { takenAt: deps.now().toISOString(), values } : null;
    await deps.repos.reports.setStatus(tx, s.id, {
      status,
      actorId: actorId(actor),
      comment: t.comment ?? null,
      snapshot,
    });
    await deps.repos.reports.addEvent(tx, s.id, t.transition, t.comment ?? null, actorId(actor));
    await deps.audit.record(tx, actor, {
      action: `reports.submission.${t.transition}`,
      entityType: 'report_submission',
      entityId: s.id,
      unitId,
      before: { status: from },
      after: { status, comment: t.comment ?? null, snapshot },
    });
  });
}
